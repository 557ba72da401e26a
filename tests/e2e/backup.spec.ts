import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '../browser-test';
import {
	e2ePort,
	signInCookie,
	startServer,
	untilListening,
	uploadExercisePicture
} from '../server-process';

// Its own production server beside the suite's, on a port of this checkout's range.
const PORT = e2ePort(8);
test.describe.configure({ timeout: 180_000 });

/** Runs `npm run <script> -- args` as a user would; resolves with its exit code and output. */
function npmRun(script: string, env: Record<string, string>, args: string[] = []) {
	return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
		const child = spawn('npm', ['run', '--silent', script, '--', ...args], {
			env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn', ...env },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.on('exit', (code) => resolve({ code, stdout, stderr }));
	});
}

/** A coordinator creates an exercise with a picture, as the editor's form sends it. */
async function uploadPicture(url: string): Promise<Buffer> {
	const png = Buffer.concat([
		Buffer.from(
			'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
			'base64'
		),
		Buffer.alloc(50_000, 7)
	]);
	expect(await uploadExercisePicture(url, 'Backed-up picture', png)).toBe(303);
	return png;
}

test('npm run backup asks the running server; restore refuses a database with rows', async () => {
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'steady-backup-e2e-'));
	const backupDir = path.join(tmp, 'backups');
	const server = startServer(PORT, { BACKUP_DIR: backupDir }, 'http', { keepData: true });
	let restored: ReturnType<typeof startServer> | undefined;
	try {
		await untilListening(server);
		await signInCookie(server.url); // a session row: the database is being used
		const picture = await uploadPicture(server.url);

		// The server holds DATA_DIR (PGlite allows one process): the backup is made by it.
		const env = { DATA_DIR: server.dataDir, BACKUP_DIR: path.join(tmp, 'ignored') };
		const backup = await npmRun('backup', env);
		expect(backup.stderr).toBe('');
		expect(backup.code).toBe(0);
		const file = /^Backup written by the running server: (.+)$/m.exec(backup.stdout)?.[1];
		expect(file && path.dirname(file)).toBe(backupDir);
		expect(fs.existsSync(file!)).toBe(true);
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
		// Only this user may reach the channel, or read the backup.
		expect(fs.statSync(path.join(server.dataDir, 'control')).mode & 0o777).toBe(0o700);
		expect(fs.statSync(file!).mode & 0o777).toBe(0o600);
		// The uploaded picture is copied beside it, once.
		expect(backup.stdout).toMatch(/^ {2}1 exercise media files \(1 new\) in /m);
		const media = fs
			.readdirSync(path.join(backupDir, 'media'))
			.filter((name) => !name.endsWith('.sha256'));
		expect(media).toHaveLength(1);
		expect(fs.readFileSync(path.join(backupDir, 'media', media[0]!))).toEqual(picture);
		// The picture lives in the database, not in DATA_DIR.
		expect(fs.existsSync(path.join(server.dataDir, 'media'))).toBe(false);

		// Restoring over the live database is refused by the lock; over a stopped one, by its rows.
		const overLive = await npmRun('restore', { DATA_DIR: server.dataDir }, [file!]);
		expect(overLive.code).toBe(1);
		expect(overLive.stderr).toMatch(/in use by another Steady process/);
		server.child.kill('SIGTERM');
		await server.exited;
		const overData = await npmRun('restore', { DATA_DIR: server.dataDir }, [file!]);
		expect(overData.code).toBe(1);
		expect(overData.stderr.trim()).toMatch(
			/^The target database is not empty \(table \w+ has rows\): restore into an empty DATA_DIR or a new database\.$/
		);

		// Into an empty DATA_DIR it works, and the restored clinic signs in.
		const emptyDir = path.join(tmp, 'restored');
		const restore = await npmRun('restore', { DATA_DIR: emptyDir }, [file!]);
		expect(restore.stderr).toBe('');
		expect(restore.stdout).toMatch(/^Restored the backup of .* into DATA_DIR=/);
		restored = startServer(PORT, { DATA_DIR: emptyDir, STEADY_SEED: 'none' });
		await untilListening(restored);
		expect(await signInCookie(restored.url)).toMatch(/^steady_session=/);
		// The restored server serves the picture from its database, byte for byte.
		const served = await fetch(`${restored.url}/media/${media[0]}`);
		expect(served.status).toBe(200);
		expect(Buffer.from(await served.arrayBuffer())).toEqual(picture);
		expect(fs.existsSync(path.join(emptyDir, 'media'))).toBe(false);
		restored.child.kill('SIGTERM');
		await restored.exited;

		// With no server running, the command opens DATA_DIR itself.
		const offline = await npmRun('backup', { DATA_DIR: emptyDir, BACKUP_DIR: backupDir });
		expect(offline.stdout).toMatch(/^Backup written by this command: /);
		expect(fs.readdirSync(backupDir).sort()).toEqual([
			'media',
			path.basename(file!),
			expect.stringMatching(/^steady-backup-/)
		]);
		expect(offline.stdout).toMatch(/^ {2}1 exercise media files \(0 new\) in /m);
	} finally {
		server.child.kill('SIGKILL');
		restored?.child.kill('SIGKILL');
		fs.rmSync(server.dataDir, { recursive: true, force: true });
		fs.rmSync(tmp, { recursive: true, force: true });
	}
});
