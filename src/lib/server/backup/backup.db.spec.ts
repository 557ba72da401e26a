import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entry } from '../../shared/entries';
import type { StaffUser } from '../auth/session';
import { openDatabase, type DatabaseHandle } from '../db/client';
import { clinics, exercises, participantEntries } from '../db/schema';
import { anHourAgoToday, throwawayDatabase } from '../db/test-database';
import { recordEntry } from '../entries/entries';
import { readMedia, removeMedia, storeMedia } from '../exercises/media-store';
import { LiveClassService } from '../live/live-classes';
import { demoClassAt, startClass } from '../testing/demo-clinic';
import type { Logger } from '../log';
import { BackupService, pruneBackups } from './backup-service';
import { createBackup } from './create-backup';
import { restoreBackup, RestoreRefused } from './restore-backup';
import { listTables, quoteIdent } from './tables';

const MIGRATIONS = path.resolve('drizzle');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'steady-backup-test-'));
const cleanups: (() => Promise<void>)[] = [];
/** Restores stage their media files in the target's DATA_DIR. */
const targetData = path.join(tmp, 'target-data');

let source: DatabaseHandle;
let live: LiveClassService;
let technician: StaffUser;
let sessionId: string;
let members: string[];

beforeAll(async () => {
	// Today's first class moved to the test clock: a class may only start on its own day.
	const clock = anHourAgoToday();
	({ database: source, technician, sessionId, members, live } = await demoClassAt(clock));
	expect(await startClass(live, sessionId, technician)).toMatchObject({ ok: true });
});

afterAll(async () => {
	for (const cleanup of cleanups.reverse()) await cleanup();
	await source?.close();
	fs.rmSync(tmp, { recursive: true, force: true });
});

/** An empty target elsewhere: PGlite in a new folder, or a new database on test:pg's server. */
async function emptyTarget(): Promise<DatabaseHandle> {
	const serverUrl = process.env.TEST_DATABASE_URL;
	if (!serverUrl) {
		const handle = await openDatabase({ dataDir: fs.mkdtempSync(path.join(tmp, 'target-')) });
		cleanups.push(() => handle.close());
		return handle;
	}
	const throwaway = await throwawayDatabase(serverUrl, 'steady_restore');
	const handle = await openDatabase({ databaseUrl: throwaway.url });
	cleanups.push(async () => {
		await handle.close();
		await throwaway.drop();
	});
	return handle;
}

function attendance(participantId: string): Entry {
	return {
		id: randomUUID(),
		sessionId,
		participantId,
		recordedAt: Date.now(),
		deviceId: 'phone-backup-test',
		payload: { kind: 'pain', value: 2 }
	};
}

/** Every row of every table, as PostgreSQL prints it, sorted: equal means equal. */
async function everyRow(database: DatabaseHandle): Promise<Map<string, string[]>> {
	return database.transaction('snapshot', async (run) => {
		const all = new Map<string, string[]>();
		for (const table of await listTables(run)) {
			const rows = await run(`select row_to_json(t)::text as row from ${quoteIdent(table)} t`);
			all.set(table, rows.map((row) => String(row.row)).sort());
		}
		return all;
	});
}

describe('backup and restore', { timeout: 120_000 }, () => {
	it('copies a clinic with a live class, written to during the backup, table by table', async () => {
		for (const participantId of members.slice(0, 5)) {
			const result = await recordEntry(source.db, live, technician, attendance(participantId));
			expect(result).toMatchObject({ ok: true });
		}

		// A phone keeps recording while the backup is made.
		const written: string[] = [];
		let writing = true;
		const phone = (async () => {
			for (let i = 0; writing || i < 10; i++) {
				const entry = attendance(members[i % members.length]!);
				expect(await recordEntry(source.db, live, technician, entry)).toMatchObject({ ok: true });
				written.push(entry.id);
				// In-memory PGlite answers without I/O: let timers (and the backup) have a turn.
				await new Promise((resolve) => setImmediate(resolve));
			}
		})();
		let failed = false;
		phone.catch(() => (failed = true));
		while (written.length < 3 && !failed) await new Promise((resolve) => setTimeout(resolve, 5));
		const summary = await createBackup(source, {
			dir: path.join(tmp, 'backups')
		});
		writing = false;
		await phone;
		expect(path.basename(summary.file)).toMatch(/^steady-backup-.*\.jsonl\.gz$/);
		expect(fs.statSync(summary.file).mode & 0o777).toBe(0o600);

		const target = await emptyTarget();
		const restored = await restoreBackup(target, summary.file, MIGRATIONS, targetData);
		expect(restored.rows).toBe(summary.rows);

		// One instant: the entries written during the backup are in it up to a point, none after.
		const kept = new Set(
			(await target.db.select({ id: participantEntries.id }).from(participantEntries)).map(
				(row) => row.id
			)
		);
		const inBackup = written.map((id) => kept.has(id));
		const cut = inBackup.indexOf(false);
		expect(cut).toBeGreaterThan(0);
		expect(inBackup.slice(cut).every((found) => !found)).toBe(true);
		console.log(
			`backup: ${summary.rows} rows; entries written meanwhile ${written.length}, ${cut} in it`
		);

		// Take the later entries away from the source: then every table must match row by row.
		for (const id of written.slice(cut)) {
			await source.db.delete(participantEntries).where(eq(participantEntries.id, id));
		}
		const [expected, actual] = [await everyRow(source), await everyRow(target)];
		expect([...actual.keys()]).toEqual([...expected.keys()]);
		expect(expected.get('participant_entries')!.length).toBeGreaterThan(5);
		for (const [table, rows] of expected) {
			expect({ table, rows: actual.get(table) }).toEqual({ table, rows });
		}
		// And the restored database works: the migrations table says it is up to date.
		const [migrated] = await target.transaction('snapshot', (run) =>
			run('select count(*)::int as n from drizzle.__drizzle_migrations')
		);
		expect(migrated!.n).toBe(
			JSON.parse(fs.readFileSync(path.join(MIGRATIONS, 'meta/_journal.json'), 'utf8')).entries
				.length
		);
	});

	it('refuses to restore into a database that has rows, and changes nothing', async () => {
		const summary = await createBackup(source, {
			dir: path.join(tmp, 'backups-2')
		});
		const target = await emptyTarget();
		await target.migrate(MIGRATIONS);
		await target.db.insert(clinics).values({ name: 'Already here', timeZone: 'UTC' });
		await expect(restoreBackup(target, summary.file, MIGRATIONS, targetData)).rejects.toThrow(
			/^The target database is not empty \(table clinics has rows\)/
		);
		expect(await target.db.select({ name: clinics.name }).from(clinics)).toEqual([
			{ name: 'Already here' }
		]);
	});

	it('refuses a backup from a newer Steady, and a file cut short', async () => {
		const summary = await createBackup(source, {
			dir: path.join(tmp, 'backups-3')
		});
		const newer = path.join(tmp, 'newer.jsonl.gz');
		const { gunzipSync, gzipSync } = await import('node:zlib');
		const lines = gunzipSync(fs.readFileSync(summary.file)).toString().split('\n');
		const header = JSON.parse(lines[0]!);
		header.migration = { applied: header.migration.applied + 1, last: Date.now() + 1e9 };
		fs.writeFileSync(newer, gzipSync([JSON.stringify(header), ...lines.slice(1)].join('\n')));
		const target = await emptyTarget();
		await expect(restoreBackup(target, newer, MIGRATIONS, targetData)).rejects.toThrow(
			RestoreRefused
		);
		await expect(restoreBackup(target, newer, MIGRATIONS, targetData)).rejects.toThrow(
			/newer Steady/
		);

		const cut = path.join(tmp, 'cut.jsonl.gz');
		fs.writeFileSync(cut, gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join('\n')));
		await expect(restoreBackup(target, cut, MIGRATIONS, targetData)).rejects.toThrow(/incomplete/);
		// All or nothing: the target is still empty, so a good file restores.
		await expect(
			restoreBackup(target, summary.file, MIGRATIONS, targetData)
		).resolves.toMatchObject({
			rows: summary.rows
		});
	});

	it('makes one backup at a time, and logs a failed one without throwing at the server', async () => {
		const logged: { level: string; message: string }[] = [];
		const log = {
			info: (_: unknown, message: string) => logged.push({ level: 'info', message }),
			error: (_: unknown, message: string) => logged.push({ level: 'error', message })
		} as unknown as Logger;
		const dir = path.join(tmp, 'service');
		const service = new BackupService(source, { dir, at: undefined, keep: 1 }, log, 'spec');
		const [first, second] = [service.backUp('request'), service.backUp('daily')];
		expect(second).toBe(first);
		await first;
		await service.backUp('request');
		expect(fs.readdirSync(dir)).toHaveLength(1); // BACKUP_KEEP=1
		expect(logged.map((line) => line.message)).toEqual(['backup written', 'backup written']);

		const blocked = path.join(tmp, 'a-file');
		fs.writeFileSync(blocked, '');
		const failing = new BackupService(
			source,
			{ dir: blocked, at: undefined, keep: 1 },
			log,
			'spec'
		);
		await expect(failing.backUp('daily')).rejects.toThrow();
		expect(logged.at(-1)).toEqual({ level: 'error', message: 'backup failed' });
		await failing.stop();
		await service.stop();
	});
});

describe('exercise pictures and videos', { timeout: 120_000 }, () => {
	let exerciseId: string;
	beforeAll(async () => {
		const [exercise] = await source.db.select({ id: exercises.id }).from(exercises).limit(1);
		exerciseId = exercise!.id;
	});

	/** An upload as save-form.ts makes it: the file is stored, then the row names it. */
	async function upload(): Promise<{ file: string; bytes: Buffer }> {
		const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
		const bytes = Buffer.concat([Buffer.from(png), randomBytes(300_000)]);
		const file = await storeMedia(source.db, bytes, 'image/png', 'png');
		await source.db
			.update(exercises)
			.set({ mediaFile: file, mediaType: 'image/png' })
			.where(eq(exercises.id, exerciseId));
		return { file, bytes };
	}

	async function hasNoRows(database: DatabaseHandle): Promise<boolean> {
		return [...(await everyRow(database)).values()].every((rows) => rows.length === 0);
	}

	it('are copied once into BACKUP_DIR/media and restored byte for byte', async () => {
		const { file, bytes } = await upload();
		const dir = path.join(tmp, 'media-backups');
		const summary = await createBackup(source, { dir });
		expect(summary).toMatchObject({ media: 1, mediaCopied: 1, missingMedia: [] });
		const copy = path.join(dir, 'media', file);
		expect(fs.statSync(path.join(dir, 'media')).mode & 0o777).toBe(0o700);
		expect(fs.statSync(copy).mode & 0o777).toBe(0o600);
		// The next backup names the same file and copies nothing.
		const later = await createBackup(source, { dir }, new Date(Date.now() + 1));
		expect(later).toMatchObject({ media: 1, mediaCopied: 0 });

		const target = await emptyTarget();
		const dataDir = fs.mkdtempSync(path.join(tmp, 'restored-'));
		const restored = await restoreBackup(target, summary.file, MIGRATIONS, dataDir);
		expect(restored).toMatchObject({ media: 1, missingMedia: [] });
		expect(Buffer.from((await readMedia(target.db, file))!.bytes).equals(bytes)).toBe(true);
		const [row] = await target.db
			.select({ file: exercises.mediaFile })
			.from(exercises)
			.where(eq(exercises.id, exerciseId));
		expect(row!.file).toBe(file);
		// In the database now: no staging folder and no media folder left behind.
		expect(fs.readdirSync(dataDir)).toEqual([]);
	});

	it('refuses a backup whose media file is damaged or missing, and leaves the target empty', async () => {
		const { file } = await upload();
		const dir = path.join(tmp, 'media-damaged');
		const summary = await createBackup(source, { dir });
		const copy = path.join(dir, 'media', file);
		const good = fs.readFileSync(copy);
		const target = await emptyTarget();
		const dataDir = fs.mkdtempSync(path.join(tmp, 'refused-'));

		const damaged = Buffer.from(good);
		damaged[1000] = damaged[1000]! ^ 0xff;
		fs.writeFileSync(copy, damaged);
		await expect(restoreBackup(target, summary.file, MIGRATIONS, dataDir)).rejects.toThrow(
			new RestoreRefused(
				`The backup's media file ${copy} is damaged (its checksum does not match): nothing was restored.`
			)
		);
		fs.rmSync(copy);
		await expect(restoreBackup(target, summary.file, MIGRATIONS, dataDir)).rejects.toThrow(
			new RestoreRefused(
				`The backup's media file ${file} is missing from ${path.join(dir, 'media')}: nothing was restored.`
			)
		);
		expect(await hasNoRows(target)).toBe(true);
		expect(fs.readdirSync(dataDir)).toEqual([]);

		// Put right, the same target takes it.
		fs.writeFileSync(copy, good);
		await expect(restoreBackup(target, summary.file, MIGRATIONS, dataDir)).resolves.toMatchObject({
			media: 1
		});
		expect(Buffer.from((await readMedia(target.db, file))!.bytes).equals(good)).toBe(true);
	});

	it('keeps a copy while a kept backup names it, and removes it after', async () => {
		const dir = path.join(tmp, 'media-retention');
		const day = (n: number) => new Date(Date.UTC(2026, 10, n));
		const first = await upload();
		await createBackup(source, { dir }, day(1));
		// The picture is replaced: the old file goes, as save-form.ts does it.
		const second = await upload();
		await removeMedia(source.db, first.file);
		await createBackup(source, { dir }, day(2));
		const copies = () => fs.readdirSync(path.join(dir, 'media')).sort();

		const weekLater = new Date(Date.now() + 7 * 24 * 60 * 60 * 1000);
		expect(await pruneBackups(dir, 2, weekLater)).toBe(0);
		expect(copies()).toEqual(
			[first.file, `${first.file}.sha256`, second.file, `${second.file}.sha256`].sort()
		);

		await createBackup(source, { dir }, day(3));
		// A copy used within the day may belong to a backup still being written: kept for now.
		expect(await pruneBackups(dir, 2)).toBe(1);
		expect(copies()).toContain(first.file);
		expect(await pruneBackups(dir, 2, weekLater)).toBe(0);
		expect(copies()).toEqual([second.file, `${second.file}.sha256`]);
	});

	it('takes the backup again when a named file is removed before it is copied', async () => {
		const { file } = await upload();
		let snapshots = 0;
		// Between the first snapshot and the copy, a save replaces the picture (and deletes it).
		const racing: DatabaseHandle = {
			...source,
			transaction: async (mode, task) => {
				const result = await source.transaction(mode, task);
				if (mode === 'snapshot' && ++snapshots === 1) {
					await source.db
						.update(exercises)
						.set({ mediaFile: null, mediaType: null })
						.where(eq(exercises.id, exerciseId));
					await removeMedia(source.db, file);
				}
				return result;
			}
		};
		const summary = await createBackup(racing, {
			dir: path.join(tmp, 'media-race')
		});
		expect(snapshots).toBe(2);
		expect(summary).toMatchObject({ media: 0, missingMedia: [] });

		// A file lost before the backup: the backup is made, and says so.
		const lost = await upload();
		await removeMedia(source.db, lost.file);
		const withLoss = await createBackup(source, {
			dir: path.join(tmp, 'media-lost')
		});
		expect(withLoss).toMatchObject({ media: 0, missingMedia: [lost.file] });
		const target = await emptyTarget();
		const restored = await restoreBackup(
			target,
			withLoss.file,
			MIGRATIONS,
			fs.mkdtempSync(path.join(tmp, 'lost-'))
		);
		expect(restored.missingMedia).toEqual([lost.file]);
	});
});
