import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A port for a test's own server: E2E_PORT plus an offset, so two checkouts (each with its own
 * E2E_PORT, 100 apart) run their suites side by side. Offsets in use: 1-24.
 */
export function e2ePort(offset: number): number {
	return Number(process.env.E2E_PORT ?? 4173) + offset;
}

export type RunningServer = {
	child: ChildProcess;
	url: string;
	output: () => { stdout: string; stderr: string };
	exited: Promise<number | null>;
	dataDir: string;
};

/**
 * Starts `node server/index.js` (the production entry) with its own data and port; `root` runs
 * the entry of another copy of the app (see copyOfBuild).
 */
export function startServer(
	port: number,
	env: Record<string, string> = {},
	scheme: 'http' | 'https' = 'http',
	{ keepData = false, root = '.' } = {}
): RunningServer {
	const dataDir = env.DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'steady-proc-'));
	const child = spawn(process.execPath, [path.join(root, 'server', 'index.js')], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			DATA_DIR: dataDir,
			LOG_LEVEL: 'warn',
			DATABASE_URL: '',
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let stdout = '';
	let stderr = '';
	child.stdout!.on('data', (chunk) => (stdout += chunk));
	child.stderr!.on('data', (chunk) => (stderr += chunk));
	const exited = new Promise<number | null>((resolve) =>
		child.once('exit', (code) => resolve(code))
	);
	const madeHere = !env.DATA_DIR;
	if (madeHere && !keepData) {
		void exited.then(() => fs.rmSync(dataDir, { recursive: true, force: true }));
	}
	return {
		child,
		url: `${scheme}://localhost:${port}`,
		output: () => ({ stdout, stderr }),
		exited,
		dataDir
	};
}

/**
 * A throwaway copy of build/ and server/ to run and break (delete files in) without touching the
 * build the other tests use. It lives inside the checkout so Node still finds node_modules; the
 * migrations are read from the checkout (STEADY_ROOT).
 */
export function copyOfBuild(): { root: string; env: Record<string, string>; remove: () => void } {
	fs.mkdirSync('.test-data', { recursive: true });
	const root = fs.mkdtempSync(path.join('.test-data', 'build-copy-'));
	for (const part of ['build', 'server', 'package.json']) {
		fs.cpSync(part, path.join(root, part), { recursive: true });
	}
	return {
		root,
		env: { STEADY_ROOT: process.cwd() },
		remove: () => fs.rmSync(root, { recursive: true, force: true })
	};
}

/**
 * Resolves once the server prints that it is running; rejects if it exits first. A first start
 * migrates and seeds (argon2 hashes included): seconds alone, but far longer on a 2-core CI
 * machine while Chromium and other servers run, hence the generous limit.
 */
export async function untilListening(server: RunningServer, timeoutMs = 90_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let exited = false;
	void server.exited.then(() => (exited = true));
	while (Date.now() < deadline) {
		if (server.output().stdout.includes('Steady is running at')) return;
		if (exited) throw new Error(`server exited: ${server.output().stderr}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	const { stdout, stderr } = server.output();
	throw new Error(
		`server did not start in ${timeoutMs / 1000} s\nstdout: ${stdout.slice(-500)}\nstderr: ${stderr.slice(-500)}`
	);
}

/** Signs in to a spawned server (the demo technician by default); returns the cookie header. */
export async function signInCookie(url: string, email = 'technician@example.org'): Promise<string> {
	const response = await fetch(`${url}/sign-in`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html',
			origin: url
		},
		body: new URLSearchParams({ email, password: 'steady-demo' }).toString()
	});
	const match = /steady_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '');
	if (!match) throw new Error(`sign-in failed with ${response.status}`);
	return `steady_session=${match[1]}`;
}

/**
 * A coordinator creates an exercise named `name` with `picture` (PNG bytes), as the editor's
 * form sends it; returns the answer's status (303 when saved).
 */
export async function uploadExercisePicture(
	url: string,
	name: string,
	picture: Buffer
): Promise<number> {
	const form = new FormData();
	const fields = {
		name,
		displayCue: 'Stand tall.',
		category: 'balance_static',
		dosingKind: 'timed',
		seconds: '30',
		sets: '1',
		restBetweenSetsSeconds: '0'
	};
	for (const [field, value] of Object.entries(fields)) form.set(field, value);
	form.set('media', new File([new Uint8Array(picture)], 'picture.png', { type: 'image/png' }));
	const response = await fetch(`${url}/exercises/new?/save`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			cookie: await signInCookie(url, 'coordinator@example.org'),
			origin: url,
			accept: 'text/html'
		},
		body: form
	});
	return response.status;
}
