import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '../browser-test';
import { io } from 'socket.io-client';
import { e2ePort, signInCookie, startServer, untilListening } from '../server-process';

// These start their own production servers beside the suite's; each on its own port.
// A first start migrates and seeds: allow for a slow, loaded CI machine (untilListening: 90 s).
test.describe.configure({ timeout: 150_000 });

test('SIGTERM stops the server cleanly within 5 s, with a socket connected', async () => {
	const server = startServer(e2ePort(20));
	try {
		await untilListening(server);
		const cookie = await signInCookie(server.url);
		const socket = io(server.url, {
			transports: ['websocket'],
			reconnection: false,
			extraHeaders: { cookie }
		});
		await new Promise((resolve, reject) => {
			socket.once('connect', () => resolve(undefined));
			socket.once('connect_error', reject);
		});
		const disconnected = new Promise((resolve) => socket.once('disconnect', resolve));

		const started = Date.now();
		server.child.kill('SIGTERM');
		const code = await server.exited;
		const took = Date.now() - started;
		expect(code).toBe(0);
		expect(took).toBeLessThan(5000);
		await disconnected;
		// The embedded database was closed and its lock released.
		expect(fs.existsSync(path.join(server.dataDir, 'steady.pid'))).toBe(false);
	} finally {
		server.child.kill('SIGKILL');
	}
});

test('a broken DATABASE_URL stops start-up with one readable line', async () => {
	const server = startServer(e2ePort(21), {
		DATABASE_URL: 'postgres://steady:secret@127.0.0.1:1/nothing'
	});
	expect(await server.exited).toBe(1);
	const lines = server.output().stderr.trim().split('\n');
	expect(lines).toHaveLength(1);
	expect(lines[0]).toMatch(
		/^Steady cannot start: DATABASE_URL=postgres:\/\/steady:\*\*\*@.*cannot connect/
	);
});

test('an unwritable DATA_DIR stops start-up with one readable line', async () => {
	const file = path.join(os.tmpdir(), `steady-not-a-dir-${process.pid}`);
	fs.writeFileSync(file, '');
	const server = startServer(e2ePort(22), { DATA_DIR: path.join(file, 'data') });
	expect(await server.exited).toBe(1);
	const lines = server.output().stderr.trim().split('\n');
	expect(lines).toHaveLength(1);
	expect(lines[0]).toMatch(/^Steady cannot start: DATA_DIR=.* is not a writable folder/);
	fs.rmSync(file);
});

test('a bad setting names itself', async () => {
	const server = startServer(e2ePort(23), { STEADY_SEED: 'everything' });
	expect(await server.exited).toBe(1);
	expect(server.output().stderr.trim()).toMatch(/^Steady cannot start: STEADY_SEED: /);
});

test('TLS_CERT and TLS_KEY serve pages and sockets over HTTPS on the same port', async () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'steady-tls-'));
	const cert = path.join(dir, 'cert.pem');
	const key = path.join(dir, 'key.pem');
	execFileSync(
		'openssl',
		[
			'req',
			'-x509',
			'-newkey',
			'rsa:2048',
			'-nodes',
			'-days',
			'1',
			'-subj',
			'/CN=localhost',
			'-addext',
			'subjectAltName=DNS:localhost',
			'-keyout',
			key,
			'-out',
			cert
		],
		{ stdio: 'ignore' }
	);
	const port = e2ePort(24);
	const server = startServer(port, { TLS_CERT: cert, TLS_KEY: key }, 'https');
	try {
		await untilListening(server);
		expect(server.output().stdout).toContain(`Steady is running at https://localhost:${port}`);
		const ca = fs.readFileSync(cert);

		const health = await new Promise<{ status: number; body: string }>((resolve, reject) => {
			https
				.get(`${server.url}/healthz`, { ca }, (res) => {
					let body = '';
					res.on('data', (chunk) => (body += chunk));
					res.on('end', () => resolve({ status: res.statusCode!, body }));
				})
				.on('error', reject);
		});
		expect(health.status).toBe(200);
		expect(JSON.parse(health.body).status).toBe('ok');

		// socket.io answers over TLS on the same port (and still insists on a session).
		const socket = io(server.url, {
			transports: ['websocket'],
			reconnection: false,
			ca: ca.toString()
		});
		const error = await new Promise<Error & { data?: unknown }>((resolve) =>
			socket.once('connect_error', resolve)
		);
		socket.close();
		expect(error.data).toEqual({ code: 'unauthenticated' });

		// Over https the session cookie is Secure.
		const signIn = await new Promise<string[]>((resolve, reject) => {
			const req = https.request(
				`${server.url}/sign-in`,
				{
					method: 'POST',
					ca,
					headers: {
						'content-type': 'application/x-www-form-urlencoded',
						origin: server.url
					}
				},
				(res) => resolve(res.headers['set-cookie'] ?? [])
			);
			req.on('error', reject);
			req.end('email=technician%40example.org&password=steady-demo');
		});
		expect(signIn.join(';')).toMatch(/steady_session=.*; Secure/i);
	} finally {
		server.child.kill('SIGTERM');
		await server.exited;
		fs.rmSync(dir, { recursive: true, force: true });
	}
});
