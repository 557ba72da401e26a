import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { Config } from '../config';
import type { DatabaseHandle } from '../db/client';
import type { Logger } from '../log';
import { createBackup } from './create-backup';
import { claimDailyBackup, lastDailyClaim } from './daily-claim';
import { isBackupFileName, type BackupHeader, type BackupSummary } from './format';
import { namesInFolder } from './folder-names';
import { pruneBackupMedia } from './media';

export type BackupSettings = NonNullable<Config['backup']>;

const DAY_MS = 24 * 60 * 60 * 1000;
/** A server that was off at BACKUP_AT (a laptop shut at night) makes the missed one this late. */
const CATCH_UP_DELAY_MS = 10 * 60 * 1000;

/**
 * Backups while the server runs: daily at BACKUP_AT (local time), on request (`npm run backup`),
 * never two at once, keeping the BACKUP_KEEP newest files. A failed backup is logged and the
 * server carries on: the classes matter more than the copy. Several processes on one database
 * all keep the schedule, and the first to claim each day's backup in the database writes it.
 */
export class BackupService {
	private running: Promise<BackupSummary> | undefined;
	private timer: NodeJS.Timeout | undefined;
	private stopped = false;

	constructor(
		private readonly database: DatabaseHandle,
		readonly settings: BackupSettings,
		private readonly log: Logger,
		private readonly processId: string,
		private readonly now: () => Date = () => new Date()
	) {}

	/** Makes a backup now; a request while one is being made gets that one. */
	backUp(reason: 'daily' | 'catch-up' | 'request'): Promise<BackupSummary> {
		this.running ??= this.write(reason).finally(() => (this.running = undefined));
		return this.running;
	}

	private async write(reason: string): Promise<BackupSummary> {
		const started = performance.now();
		try {
			const { dir, keep } = this.settings;
			const summary = await createBackup(this.database, { dir }, this.now());
			const removed = await pruneBackups(dir, keep, this.now());
			this.log.info(
				{
					reason,
					file: path.basename(summary.file),
					tables: summary.tables,
					rows: summary.rows,
					bytes: summary.bytes,
					media: summary.media,
					mediaCopied: summary.mediaCopied,
					removed,
					ms: Math.round(performance.now() - started)
				},
				'backup written'
			);
			if (summary.missingMedia.length > 0) {
				this.log.warn(
					{ files: summary.missingMedia },
					'exercise media named by exercises were missing from the database: the backup has the rest'
				);
			}
			return summary;
		} catch (error) {
			this.log.error({ err: error, reason }, 'backup failed');
			throw error;
		}
	}

	/**
	 * Starts the daily schedule, with a catch-up soon when neither this BACKUP_DIR nor any process
	 * on the database has made a backup for more than a day.
	 */
	async start(): Promise<void> {
		const at = this.settings.at;
		if (!at) return;
		const missed = await this.missedOne().catch((error: unknown) => {
			this.log.error({ err: error }, 'could not tell when the last backup was made');
			return true;
		});
		this.schedule(missed ? CATCH_UP_DELAY_MS : delayUntil(at, this.now()), missed);
	}

	private async missedOne(): Promise<boolean> {
		const dayAgo = this.now().getTime() - DAY_MS;
		const local = newestBackupTime(this.settings.dir);
		if (local !== undefined && local > dayAgo) return false;
		const claim = await lastDailyClaim(this.database.db);
		return !claim || claim.startedAt.getTime() <= dayAgo;
	}

	private schedule(delay: number, catchUp: boolean): void {
		if (this.stopped) return;
		this.timer = setTimeout(() => {
			void this.scheduledBackup(catchUp ? 'catch-up' : 'daily').finally(() =>
				this.schedule(delayUntil(this.settings.at!, this.now()), false)
			);
		}, delay);
		this.timer.unref();
	}

	/** The schedule's backup, if this process is the one to claim it. */
	private async scheduledBackup(reason: 'daily' | 'catch-up'): Promise<void> {
		try {
			if (!(await claimDailyBackup(this.database.db, this.processId, this.now()))) {
				const claim = await lastDailyClaim(this.database.db);
				this.log.info({ reason, claimedBy: claim?.processId }, 'backup left to another process');
				return;
			}
		} catch (error) {
			this.log.error({ err: error, reason }, 'backup not claimed: the database did not answer');
			return;
		}
		await this.backUp(reason).catch(() => {}); // write() logged it
	}

	/** Stops the schedule and waits for a backup in progress (it holds the database). */
	async stop(): Promise<void> {
		this.stopped = true;
		clearTimeout(this.timer);
		await this.running?.catch(() => {});
	}
}

/** Milliseconds from `now` to the next hour:minute in local time (tomorrow if it has passed). */
export function delayUntil(at: { hour: number; minute: number }, now: Date): number {
	const next = new Date(now);
	next.setHours(at.hour, at.minute, 0, 0);
	if (next.getTime() <= now.getTime()) {
		next.setDate(next.getDate() + 1);
		next.setHours(at.hour, at.minute, 0, 0); // again: a DST change moves the clock
	}
	return next.getTime() - now.getTime();
}

function backupFiles(dir: string): string[] {
	return namesInFolder(dir).filter(isBackupFileName).sort(); // names sort by time
}

/**
 * Deletes all but the `keep` newest backups, then the media copies none of the kept ones names;
 * returns how many backups it deleted.
 */
export async function pruneBackups(dir: string, keep: number, now = new Date()): Promise<number> {
	const files = backupFiles(dir);
	const old = files.slice(0, -keep);
	for (const name of old) fs.rmSync(path.join(dir, name), { force: true });
	pruneBackupMedia(dir, await mediaNamedBy(files.slice(-keep).map((f) => path.join(dir, f))), now);
	return old.length;
}

/** The media files these backups name; undefined when one of them cannot be read. */
async function mediaNamedBy(files: string[]): Promise<Set<string> | undefined> {
	const named = new Set<string>();
	for (const file of files) {
		const header = await readHeader(file).catch(() => undefined);
		if (!header) return undefined;
		for (const { file: media } of header.media ?? []) named.add(media);
	}
	return named;
}

/** The first line of a backup: its header (reads only the start of the file). */
async function readHeader(file: string): Promise<BackupHeader> {
	const input = fs.createReadStream(file);
	const unzipped = createGunzip();
	input.on('error', (error) => unzipped.destroy(error)); // a pipe does not pass errors on
	const lines = readline.createInterface({ input: input.pipe(unzipped), crlfDelay: Infinity });
	try {
		for await (const line of lines) return JSON.parse(line) as BackupHeader;
		throw new Error('empty backup');
	} finally {
		lines.close();
		input.destroy();
	}
}

function newestBackupTime(dir: string): number | undefined {
	const newest = backupFiles(dir).at(-1);
	return newest ? fs.statSync(path.join(dir, newest)).mtimeMs : undefined;
}
