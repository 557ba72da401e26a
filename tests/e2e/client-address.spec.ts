import { expect, test } from '../browser-test';
import { io } from 'socket.io-client';
import { TECHNICIAN } from '../helpers';
import { e2ePort, type RunningServer, startServer, untilListening } from '../server-process';

// Production servers of their own, as the README runs them behind Caddy (ADDRESS_HEADER) or not.
test.describe.configure({ timeout: 90_000 });

const PORT_BEHIND_PROXY = e2ePort(1);
const PORT_DIRECT = PORT_BEHIND_PROXY + 1;

/** A sign-in post as Caddy would pass it on: the phone's address appended to X-Forwarded-For. */
async function signIn(server: RunningServer, password: string, forwardedFor: string) {
	const response = await fetch(`${server.url}/sign-in`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html',
			origin: server.url,
			'x-forwarded-for': forwardedFor
		},
		body: new URLSearchParams({ email: TECHNICIAN, password }).toString()
	});
	return response.status;
}

/**
 * Asks for pairing codes, one new display socket each (as many screens on one address would);
 * how many were given.
 */
async function codesGiven(server: RunningServer, forwardedFor: string, asks: number) {
	let given = 0;
	for (let i = 0; i < asks; i++) {
		const socket = io(`${server.url}/display`, {
			transports: ['websocket'],
			reconnection: false,
			forceNew: true,
			extraHeaders: { 'x-forwarded-for': forwardedFor }
		});
		try {
			const ack = await socket.timeout(5000).emitWithAck('pairing:request', {});
			if (ack.ok) given++;
		} finally {
			socket.disconnect();
		}
	}
	return given;
}

test('behind a proxy with ADDRESS_HEADER, each phone is counted by its own address', async () => {
	const server = startServer(PORT_BEHIND_PROXY, {
		ADDRESS_HEADER: 'X-Forwarded-For',
		XFF_DEPTH: '1',
		STEADY_SEED: 'demo'
	});
	try {
		await untilListening(server, 60_000);
		// Five wrong passwords from one phone: its next try must wait …
		for (let i = 0; i < 5; i++) expect(await signIn(server, 'wrong', '10.0.0.1')).toBe(400);
		expect(await signIn(server, 'steady-demo', '10.0.0.1')).toBe(429);
		// … a spoofed address on the left of the header changes nothing (Caddy appends the real one) …
		expect(await signIn(server, 'steady-demo', '10.0.0.2, 10.0.0.1')).toBe(429);
		// … and another phone signs in at once.
		expect(await signIn(server, 'steady-demo', '10.0.0.2')).toBe(303);

		// The display socket reads the same header: ten codes a minute per screen, not per clinic.
		expect(await codesGiven(server, '10.0.0.3', 11)).toBe(10);
		expect(await codesGiven(server, '10.0.0.4', 1)).toBe(1);
	} finally {
		server.child.kill('SIGTERM');
		await server.exited;
	}
});

test('without ADDRESS_HEADER, X-Forwarded-For is ignored: it cannot be spoofed', async () => {
	const server = startServer(PORT_DIRECT, { STEADY_SEED: 'demo' });
	try {
		await untilListening(server, 60_000);
		for (let i = 0; i < 5; i++) expect(await signIn(server, 'wrong', '10.0.0.1')).toBe(400);
		// A made-up header does not buy a fresh count: it is the same client.
		expect(await signIn(server, 'steady-demo', '10.0.0.2')).toBe(429);

		expect(await codesGiven(server, '10.0.0.3', 11)).toBe(10);
		expect(await codesGiven(server, '10.0.0.4', 1)).toBe(0);
	} finally {
		server.child.kill('SIGTERM');
		await server.exited;
	}
});
