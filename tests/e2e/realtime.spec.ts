import { expect, test } from '../browser-test';
import { io, type Socket } from 'socket.io-client';
import { sessionCookie, TECHNICIAN } from '../helpers';

/** A socket.io client outside the browser, so the test can set any header it likes. */
function connect(url: string, headers: Record<string, string> = {}): Socket {
	return io(url, {
		transports: ['websocket'],
		extraHeaders: headers,
		reconnection: false,
		forceNew: true
	});
}

function outcome(
	socket: Socket
): Promise<{ connected: true } | { error: Error & { data?: unknown } }> {
	return new Promise((resolve) => {
		socket.once('connect', () => resolve({ connected: true }));
		socket.once('connect_error', (error) => resolve({ error }));
	});
}

test('the production server refuses a socket without a valid session, with a clear reason', async ({
	baseURL
}) => {
	const attempts: Record<string, string>[] = [{}, { cookie: 'steady_session=made-up-token' }];
	for (const headers of attempts) {
		const socket = connect(baseURL!, headers);
		const result = await outcome(socket);
		socket.close();
		expect('error' in result).toBe(true);
		if (!('error' in result)) return;
		expect(result.error.message).toBe('Not signed in: sign in again to connect');
		expect(result.error.data).toEqual({ code: 'unauthenticated' });
	}
});

test('a signed-in socket connects and is known by its session', async ({ request, baseURL }) => {
	const cookie = await sessionCookie(request, baseURL!, TECHNICIAN);
	const socket = connect(baseURL!, { cookie, origin: baseURL! });
	expect(await outcome(socket)).toEqual({ connected: true });

	const whoami = await socket.emitWithAck('session:whoami', {});
	expect(whoami).toEqual({
		ok: true,
		user: { name: 'Jordan Lee', role: 'technician' },
		clinicName: 'Riverside Rehab (demo)'
	});

	// Unknown events and payloads that fail their schema get an error ack; the socket lives on.
	// A refusal is a code and parameters; the page chooses the words.
	expect(await socket.emitWithAck('no:such-event', { x: 1 })).toEqual({
		ok: false,
		code: 'unknown-event',
		params: { event: 'no:such-event' }
	});
	const bad = await socket.emitWithAck('session:whoami', { extra: 'field' });
	expect(bad).toMatchObject({
		ok: false,
		code: 'invalid-payload',
		params: { event: 'session:whoami' }
	});
	expect(socket.connected).toBe(true);
	expect((await socket.emitWithAck('session:whoami', {})).ok).toBe(true);
	socket.close();
});

test('a socket from another site is refused even with a valid session', async ({
	request,
	baseURL
}) => {
	const cookie = await sessionCookie(request, baseURL!, TECHNICIAN);
	const socket = connect(baseURL!, { cookie, origin: 'https://evil.example' });
	const result = await outcome(socket);
	socket.close();
	expect('error' in result).toBe(true);
});

test('signing out refuses the next connection from that session', async ({ request, baseURL }) => {
	const cookie = await sessionCookie(request, baseURL!, TECHNICIAN);
	const signOut = await request.post('/sign-out', {
		headers: { cookie, origin: baseURL! },
		maxRedirects: 0
	});
	expect(signOut.status()).toBe(303);
	const socket = connect(baseURL!, { cookie });
	const result = await outcome(socket);
	socket.close();
	expect('error' in result && result.error.data).toEqual({ code: 'unauthenticated' });
});

test('health check reports the database and the socket server', async ({ request }) => {
	const response = await request.get('/healthz');
	expect(response.status()).toBe(200);
	expect(await response.json()).toMatchObject({
		status: 'ok',
		database: { status: 'ok', database: 'pglite' },
		realtime: { status: 'ok' }
	});
});

test('an oversized body is refused and changes nothing', async ({ request, baseURL }) => {
	// The server answers 413 from the headers and closes: the client may still be writing (EPIPE).
	const outcome = await request
		.post('/sign-in', {
			form: { email: TECHNICIAN, password: 'x'.repeat(9 * 1024 * 1024) },
			headers: { origin: baseURL! },
			maxRedirects: 0
		})
		.then(
			(response) => response.status(),
			() => 'closed before the body was read'
		);
	expect([413, 'closed before the body was read']).toContain(outcome);
	const home = await request.get('/', { maxRedirects: 0 });
	expect(home.status(), 'no session was made').toBe(303);
});

/** The id of today's first class in Gym A, read from the phone's class list. */
async function firstClassId(request: import('@playwright/test').APIRequestContext, cookie: string) {
	const html = await (await request.get('/control', { headers: { cookie } })).text();
	return /\/control\/([0-9a-f-]{36})/.exec(html)![1]!;
}

test('bad class commands are refused and change nothing: unknown class, replays, floods, signed out', async ({
	request,
	baseURL
}) => {
	const cookie = await sessionCookie(request, baseURL!, TECHNICIAN);
	const sessionId = await firstClassId(request, cookie);
	const socket = connect(baseURL!, { cookie });
	expect(await outcome(socket)).toEqual({ connected: true });
	let seq = 0;
	const command = (type: string, overrides: object = {}) =>
		socket.emitWithAck('class:command', {
			sessionId,
			clientCommandId: crypto.randomUUID(),
			clientSeq: ++seq,
			command: { type },
			...overrides
		});

	expect(await command('pause', { sessionId: crypto.randomUUID() })).toEqual({
		ok: false,
		code: 'class-not-found'
	});
	expect(await command('dance')).toMatchObject({ ok: false, code: 'invalid-payload' });
	expect(await command('pause')).toMatchObject({ ok: false, code: 'class-not-started' });
	// A replayed or reordered client sequence number is refused.
	expect(await command('pause', { clientSeq: 1 })).toMatchObject({
		ok: false,
		code: 'out-of-order',
		params: { clientSeq: 1 }
	});

	// More than 20 commands in a second (or 16 in flight at once) from one socket: refused.
	const burst = await Promise.all(Array.from({ length: 30 }, () => command('pause')));
	const flooded = burst.filter((r) => ['too-many-commands', 'too-many-requests'].includes(r.code));
	expect(flooded.length).toBeGreaterThanOrEqual(5);

	// Signed out elsewhere: this socket is cut off and its commands refused.
	const ended = Promise.all([
		new Promise((resolve) => socket.once('session:ended', resolve)),
		new Promise((resolve) => socket.once('disconnect', resolve))
	]);
	await request.post('/sign-out', { headers: { cookie, origin: baseURL! }, maxRedirects: 0 });
	await ended;
	expect(socket.connected).toBe(false);
	socket.close();
});
