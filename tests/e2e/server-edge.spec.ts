import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { expect, test } from '../browser-test';
import { io } from 'socket.io-client';
import { copyOfBuild, e2ePort, startServer, untilListening } from '../server-process';

// Each starts its own production server (ports 4313-4315) beside the suite's.
test.describe.configure({ timeout: 120_000 });

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** A request with any Host header (fetch would not send one of its own choosing). */
function send(
	port: number,
	pathname: string,
	headers: Record<string, string>,
	{ method = 'GET', body = '' } = {}
): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const request = http.request({ host: '127.0.0.1', port, path: pathname, method, headers });
		request.on('response', (response) => {
			let text = '';
			response.on('data', (chunk) => (text += chunk));
			response.on('end', () =>
				resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text })
			);
		});
		request.on('error', reject);
		request.end(body);
	});
}

function socketOutcome(url: string, headers: Record<string, string>): Promise<string> {
	return new Promise((resolve) => {
		const socket = io(url, {
			transports: ['websocket'],
			extraHeaders: headers,
			reconnection: false,
			forceNew: true
		});
		socket.once('connect', () => {
			socket.close();
			resolve('connected');
		});
		socket.once('connect_error', (error) => {
			socket.close();
			resolve(`refused: ${error.message}`);
		});
	});
}

test('with ORIGIN set, only its Host is served (pages and sockets), and HSTS is sent', async () => {
	const port = e2ePort(17);
	// Behind a TLS proxy: the proxy passes the public Host through, Steady speaks plain http.
	const server = startServer(port, { ORIGIN: 'https://steady.test' });
	try {
		await untilListening(server, 60_000);
		const good = { host: 'steady.test' };

		const page = await send(port, '/sign-in', good);
		expect(page.status).toBe(200);
		expect(page.headers['strict-transport-security']).toBe('max-age=31536000');
		expect(page.headers['content-security-policy']).toContain('wss://steady.test');

		for (const host of [
			'evil.example',
			'127.0.0.1:4313',
			'steady.test.evil.example',
			'x@steady.test'
		]) {
			const refused = await send(port, '/sign-in', { host });
			expect(refused.status, host).toBe(421);
		}
		// A monitor on the machine itself still reaches the health check.
		expect((await send(port, '/healthz', { host: `127.0.0.1:${port}` })).status).toBe(200);

		const signIn = await send(
			port,
			'/sign-in',
			{
				...good,
				origin: 'https://steady.test',
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			{ method: 'POST', body: 'email=technician%40example.org&password=steady-demo' }
		);
		expect(signIn.status).toBe(303);
		const cookie = /steady_session=[^;]+/.exec(String(signIn.headers['set-cookie']))![0];

		const url = `http://127.0.0.1:${port}`;
		const right = { cookie, host: 'steady.test', origin: 'https://steady.test' };
		expect(await socketOutcome(url, right)).toBe('connected');
		expect(await socketOutcome(url, { ...right, host: 'evil.example' })).toMatch(/^refused/);
		// The right host over the wrong scheme is another origin.
		expect(await socketOutcome(url, { ...right, origin: 'http://steady.test' })).toMatch(
			/^refused/
		);
	} finally {
		server.child.kill('SIGKILL');
	}
});

test('a static file deleted under a running server answers 404, and the server keeps serving', async () => {
	const port = e2ePort(18);
	const copy = copyOfBuild();
	const server = startServer(port, copy.env, 'http', { root: copy.root });
	try {
		await untilListening(server, 60_000);
		const immutable = path.join(copy.root, 'build', 'client', '_app', 'immutable', 'chunks');
		const [first, second] = fs.readdirSync(immutable).filter((name) => name.endsWith('.js'));
		const urlOf = (name: string) => `${server.url}/_app/immutable/chunks/${name}`;
		expect((await fetch(urlOf(first!))).status).toBe(200);

		// A rebuild in place removes the old files and their compressed twins.
		for (const name of fs.readdirSync(immutable).filter((n) => n.startsWith(first!))) {
			fs.rmSync(path.join(immutable, name));
		}
		for (const encoding of ['br', 'gzip', 'identity']) {
			const response = await fetch(urlOf(first!), { headers: { 'accept-encoding': encoding } });
			expect(response.status, encoding).toBe(404);
		}
		// Only the plain file gone, its twins still there: the plain request is a 404 too.
		fs.rmSync(path.join(immutable, second!));
		const plain = await fetch(urlOf(second!), { headers: { 'accept-encoding': 'identity' } });
		expect(plain.status).toBe(404);

		expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
		expect((await fetch(`${server.url}/sign-in`)).status).toBe(200);
		expect(server.child.exitCode).toBeNull();
	} finally {
		server.child.kill('SIGKILL');
		await server.exited;
		copy.remove();
	}
});
