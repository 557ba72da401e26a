import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, redactPassword } from './client';
import { clinics } from './schema';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'steady-db-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

// Creating an on-disk PGlite cluster takes seconds (more on a busy 2-core machine).
describe('openDatabase', { timeout: 90_000 }, () => {
	it('refuses a DATA_DIR that cannot be a folder, in one line naming the setting', async () => {
		const file = path.join(tmp, 'a-file');
		fs.writeFileSync(file, '');
		await expect(openDatabase({ dataDir: path.join(file, 'data') })).rejects.toThrow(
			/^DATA_DIR=.* is not a writable folder \(.*ENOTDIR/
		);
	});

	it('refuses a DATABASE_URL it cannot reach, without printing the password', async () => {
		const attempt = openDatabase({ databaseUrl: 'postgres://steady:s3cret@127.0.0.1:1/none' });
		await expect(attempt).rejects.toThrow(
			/^DATABASE_URL=postgres:\/\/steady:\*\*\*@127\.0\.0\.1:1\/none: cannot connect/
		);
		await expect(attempt).rejects.not.toThrow(/s3cret/);
		expect(redactPassword('postgres://a:b@h/d')).toBe('postgres://a:***@h/d');
	});

	it('opens, migrates and reopens the embedded database in DATA_DIR, keeping data', async () => {
		const dataDir = path.join(tmp, 'data');
		const first = await openDatabase({ dataDir });
		await first.migrate(path.resolve('drizzle'));
		await first.db.insert(clinics).values({ name: 'Kept', timeZone: 'UTC' });
		await first.close();
		const second = await openDatabase({ dataDir });
		await second.migrate(path.resolve('drizzle'));
		const rows = await second.db.select({ name: clinics.name }).from(clinics);
		expect(rows).toEqual([{ name: 'Kept' }]);
		await second.close();
	});

	it('refuses a DATA_DIR another live process holds, and takes over a dead one', async () => {
		const dataDir = path.join(tmp, 'locked');
		fs.mkdirSync(dataDir, { recursive: true });
		const other = spawn('sleep', ['10']);
		try {
			fs.writeFileSync(path.join(dataDir, 'steady.pid'), String(other.pid));
			await expect(openDatabase({ dataDir })).rejects.toThrow(
				new RegExp(`in use by another Steady process \\(pid ${other.pid}\\)`)
			);
		} finally {
			other.kill();
		}
		await new Promise((resolve) => other.once('exit', resolve));
		const handle = await openDatabase({ dataDir });
		expect(fs.readFileSync(path.join(dataDir, 'steady.pid'), 'utf8')).toBe(String(process.pid));
		await handle.close();
		expect(fs.existsSync(path.join(dataDir, 'steady.pid'))).toBe(false);
	});

	it('flushes the WAL to disk at every commit of the embedded database', async () => {
		const dataDir = path.join(tmp, 'durable');
		const handle = await openDatabase({ dataDir });
		try {
			await handle.migrate(path.resolve('drizzle'));
			expect(handle.durableAtCommit).toBe(true);
			const fsync = vi.spyOn(fs, 'fsyncSync');
			await handle.db.insert(clinics).values({ name: 'Flushed', timeZone: 'UTC' });
			const flushed = fsync.mock.calls.map(([fd]) => fs.readlinkSync(`/proc/self/fd/${fd}`));
			fsync.mockRestore();
			expect(flushed.some((file) => file.includes(`${path.sep}pg_wal${path.sep}`))).toBe(true);
			// A server where the flush has been turned off says so.
			const [settings] = await handle.transaction('snapshot', (run) =>
				run(`select current_setting('fsync') as fsync,
					current_setting('wal_sync_method') as method`)
			);
			expect(settings).toEqual({ fsync: 'on', method: 'fsync' });
		} finally {
			await handle.close();
		}
		const relaxed = await openDatabase({ dataDir, durable: false });
		expect(relaxed.durableAtCommit).toBe(false);
		await relaxed.close();
	});
});
