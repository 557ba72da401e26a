import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { createTestDatabase } from '../db/test-database';
import type { Logger } from '../log';
import { BackupService } from './backup-service';
import { CLAIM_WINDOW_MS, claimDailyBackup, lastDailyClaim } from './daily-claim';

let database: DatabaseHandle;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'steady-daily-claim-'));
beforeAll(async () => {
	database = await createTestDatabase();
});
afterAll(async () => {
	await database.close();
	fs.rmSync(tmp, { recursive: true, force: true });
});

const minutes = (n: number) => n * 60 * 1000;

describe('the daily backup of several processes on one database', { timeout: 60_000 }, () => {
	it('is claimed by exactly one of the processes asking at once, and again only after the window', async () => {
		const at = new Date('2026-12-01T02:30:00Z');
		const asks = ['a', 'b', 'c'].map((id) => claimDailyBackup(database.db, id, at));
		const won = await Promise.all(asks);
		expect(won.filter(Boolean)).toHaveLength(1);
		const winner = ['a', 'b', 'c'][won.indexOf(true)];
		expect(await lastDailyClaim(database.db)).toEqual({ startedAt: at, processId: winner });

		const later = (ms: number) => new Date(at.getTime() + ms);
		expect(await claimDailyBackup(database.db, 'd', later(CLAIM_WINDOW_MS - minutes(1)))).toBe(
			false
		);
		expect(await claimDailyBackup(database.db, 'd', later(CLAIM_WINDOW_MS + minutes(1)))).toBe(
			true
		);
		expect((await lastDailyClaim(database.db))?.processId).toBe('d');
	});

	it('at BACKUP_AT, three processes sharing a BACKUP_DIR write one backup; the others say who did', async () => {
		// Each process's clock reaches BACKUP_AT a second from now, and runs on from there.
		const backupAt = new Date(2026, 11, 2, 2, 30, 0);
		const started = Date.now();
		const clock = () => new Date(backupAt.getTime() - 1000 + (Date.now() - started));
		// Yesterday's backup was made: no catch-up, each waits for BACKUP_AT.
		await claimDailyBackup(
			database.db,
			'yesterday',
			new Date(backupAt.getTime() - minutes(24 * 60))
		);

		const dir = path.join(tmp, 'shared');
		const logged: string[] = [];
		const log = {
			info: (_: unknown, message: string) => logged.push(message),
			warn: (_: unknown, message: string) => logged.push(message),
			error: (_: unknown, message: string) => logged.push(message)
		} as unknown as Logger;
		const settings = { dir, at: { hour: 2, minute: 30 }, keep: 7 };
		const services = ['p1', 'p2', 'p3'].map(
			(id) => new BackupService(database, settings, log, id, clock)
		);
		await Promise.all(services.map((service) => service.start()));
		await expect.poll(() => logged.length, { timeout: 20_000 }).toBe(3);
		await Promise.all(services.map((service) => service.stop()));

		expect(logged.sort()).toEqual([
			'backup left to another process',
			'backup left to another process',
			'backup written'
		]);
		expect(fs.readdirSync(dir).filter((name) => name.endsWith('.gz'))).toHaveLength(1);
		expect((await lastDailyClaim(database.db))?.processId).toMatch(/^p[123]$/);
	});
});
