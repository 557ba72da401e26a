import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { MEDIA_FILE_NAME } from '../../shared/ids';
import type { DatabaseHandle } from '../db/client';
import {
	BACKUP_FORMAT,
	BACKUP_VERSION,
	backupFileName,
	type BackupEnd,
	type BackupHeader,
	type BackupSummary,
	type SequenceValue,
	type TableHeader
} from './format';
import { copyMediaToBackup, flush } from './media';
import { readMigrationLevel } from './migrations';
import {
	insertableColumns,
	listSequences,
	MEDIA_TABLE,
	quoteIdent,
	tablesInForeignKeyOrder
} from './tables';

/** A named file that vanished after the snapshot was removed by a later save: look again. */
const MEDIA_ATTEMPTS = 3;

/**
 * Writes a consistent backup of the whole database into `dir`: every table read in one
 * read-only REPEATABLE READ transaction, so the file is the database at one instant even while
 * classes are writing. The rows are gathered first and written after the transaction ends: on
 * PGlite (one connection) writes wait for the read, and that wait should not include the disk.
 *
 * The media files the snapshot's exercise rows name are copied after it (see media.ts). An
 * upload stores its file before the row that names it commits, so each one named is there;
 * but a save or delete after the snapshot may remove it before it is copied. Then the backup
 * is taken again from a new snapshot, which no longer names it. A file still missing after
 * that was lost before the backup: the backup says so rather than fail every day.
 */
export async function createBackup(
	database: DatabaseHandle,
	{ dir }: { dir: string },
	now = new Date()
): Promise<BackupSummary> {
	for (let attempt = 1; ; attempt++) {
		const snapshot = await readSnapshot(database, now);
		// Backups hold the clinic's health records: only this user may read them.
		fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
		const copy = await copyMediaToBackup(database.db, dir, snapshot.mediaFiles);
		if (copy.missing.length > 0 && attempt < MEDIA_ATTEMPTS) continue;
		const header: BackupHeader = { ...snapshot.header, media: copy.media };
		if (copy.missing.length > 0) header.missingMedia = copy.missing;
		snapshot.lines[0] = JSON.stringify(header);
		const written = await writeBackupFile(dir, now, snapshot.lines);
		return {
			...written,
			tables: snapshot.tables,
			rows: snapshot.rows,
			media: copy.media.length,
			mediaCopied: copy.copied,
			missingMedia: copy.missing
		};
	}
}

type Snapshot = {
	header: BackupHeader;
	lines: string[];
	tables: number;
	rows: number;
	mediaFiles: string[];
};

async function readSnapshot(database: DatabaseHandle, now: Date): Promise<Snapshot> {
	let tables = 0;
	let rows = 0;
	return database.transaction('snapshot', async (run) => {
		const header: BackupHeader = {
			format: BACKUP_FORMAT,
			version: BACKUP_VERSION,
			createdAt: now.toISOString(),
			database: database.kind,
			migration: await readMigrationLevel(run)
		};
		const out = [JSON.stringify(header)]; // replaced once the media are listed
		for (const table of await tablesInForeignKeyOrder(run)) {
			if (table === MEDIA_TABLE) continue; // its files go beside the backup (media.ts)
			const found = await run(`select row_to_json(t)::text as row from ${quoteIdent(table)} t`);
			const block: TableHeader = {
				table,
				columns: await insertableColumns(run, table),
				rows: found.length
			};
			out.push(JSON.stringify(block));
			for (const row of found) out.push(String(row.row));
			tables++;
			rows += found.length;
		}
		const sequences: SequenceValue[] = [];
		for (const name of await listSequences(run)) {
			const [value] = await run(
				`select last_value::text as value, is_called as called from ${quoteIdent(name)}`
			);
			sequences.push({ name, value: String(value!.value), called: Boolean(value!.called) });
		}
		out.push(JSON.stringify({ sequences }));
		const end: BackupEnd = { end: true, tables, rows };
		out.push(JSON.stringify(end));
		const named = await run(
			`select distinct media_file as file from exercises where media_file is not null
			 order by media_file`
		);
		// Only a name of the stored form is ever joined to a folder.
		const mediaFiles = named.map((row) => String(row.file)).filter((f) => MEDIA_FILE_NAME.test(f));
		return { header, lines: out, tables, rows, mediaFiles };
	});
}

async function writeBackupFile(
	dir: string,
	now: Date,
	lines: string[]
): Promise<{ file: string; bytes: number }> {
	const file = path.join(dir, backupFileName(now));
	const partial = `${file}.partial`;
	try {
		await pipeline(
			Readable.from(lines.map((line) => `${line}\n`)),
			createGzip(),
			fs.createWriteStream(partial, { mode: 0o600 })
		);
		flush(partial);
		// Only a complete, flushed file ever carries the backup's name.
		fs.renameSync(partial, file);
		flush(dir);
	} catch (error) {
		fs.rmSync(partial, { force: true });
		throw error;
	}
	return { file, bytes: fs.statSync(file).size };
}
