import fs from 'node:fs';
import readline from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { DatabaseHandle, RunSql } from '../db/client';
import {
	BACKUP_FORMAT,
	BACKUP_VERSION,
	type BackupEnd,
	type BackupHeader,
	type SequenceValue,
	type TableHeader
} from './format';
import { moveFolderMediaIntoDatabase } from '../exercises/media-move';
import { createLogger } from '../log';
import { MediaRefused, stageMedia, type StagedMedia } from './media';
import { codeMigrationLevel, migrationsUpTo } from './migrations';
import { insertableColumns, listTables, quoteIdent } from './tables';

/** A restore that must not go ahead; the message says why in a line a user can act on. */
export class RestoreRefused extends Error {
	readonly code = 'STEADY_USAGE';
}

const BATCH_ROWS = 500;

export type RestoreSummary = {
	tables: number;
	rows: number;
	createdAt: string;
	/** Media files restored into the database, and those the backup says were lost before it. */
	media: number;
	missingMedia: string[];
};

/**
 * Restores a backup file into an empty database: the schema at the backup's migration level
 * first, then every row in one transaction (all or nothing), then the newer migrations of this
 * code, which convert the restored rows the way they converted everyone else's. The exercise
 * pictures and videos are checked and copied beside DATA_DIR/media before any of that, and moved
 * into it as the transaction's last step: a damaged or missing one refuses the whole restore.
 * Last, they move from that folder into the database's media table.
 */
export async function restoreBackup(
	database: DatabaseHandle,
	file: string,
	migrationsDir: string,
	dataDir: string
): Promise<RestoreSummary> {
	const lines = readLines(file);
	try {
		const header = await readHeader(lines);
		const code = codeMigrationLevel(migrationsDir);
		if (header.migration.last > code.last) {
			throw new RestoreRefused(
				`This backup comes from a newer Steady (database level ${header.migration.applied}, this one has ${code.applied}): update Steady, then restore.`
			);
		}
		const backupSchema = migrationsUpTo(migrationsDir, header.migration);
		if (!backupSchema) {
			throw new RestoreRefused(
				'This backup comes from a different version of Steady, whose migrations this one does not have.'
			);
		}
		let media: StagedMedia;
		try {
			await refuseUnlessEmpty(database);
			media = await stageMedia(file, header.media ?? [], dataDir);
		} catch (error) {
			fs.rmSync(backupSchema, { recursive: true, force: true });
			if (error instanceof MediaRefused) throw new RestoreRefused(error.message);
			throw error;
		}
		let summary: { tables: number; rows: number };
		try {
			try {
				await database.migrate(backupSchema);
			} finally {
				fs.rmSync(backupSchema, { recursive: true, force: true });
			}
			summary = await database.transaction('write', async (run) => {
				const inserted = await insertAll(run, lines);
				media.place();
				return inserted;
			});
		} catch (error) {
			media.discard(); // the rows were not committed: neither are the files
			throw error;
		}
		await database.migrate(migrationsDir);
		// Now the current schema's media table exists. Should this step stop half-way, the files
		// wait in DATA_DIR/media and the server's start moves the rest.
		await moveFolderMediaIntoDatabase(database.db, dataDir, createLogger('warn'));
		return {
			...summary,
			createdAt: header.createdAt,
			media: header.media?.length ?? 0,
			missingMedia: header.missingMedia ?? []
		};
	} finally {
		lines.close();
	}
}

async function refuseUnlessEmpty(database: DatabaseHandle): Promise<void> {
	await database.transaction('snapshot', async (run) => {
		for (const table of await listTables(run)) {
			const [row] = await run(`select exists (select from ${quoteIdent(table)}) as found`);
			if (row!.found) {
				throw new RestoreRefused(
					`The target database is not empty (table ${table} has rows): restore into an empty DATA_DIR or a new database.`
				);
			}
		}
	});
}

type LineReader = { next(): Promise<string | undefined>; close(): void };

function readLines(file: string): LineReader {
	const input = fs.createReadStream(file);
	const reader = readline.createInterface({
		input: input.pipe(createGunzip()),
		crlfDelay: Infinity
	});
	const iterator = reader[Symbol.asyncIterator]();
	return {
		next: async () => {
			const result = await iterator.next();
			return result.done ? undefined : result.value;
		},
		close: () => {
			reader.close();
			input.destroy();
		}
	};
}

async function readHeader(lines: LineReader): Promise<BackupHeader> {
	let header: Partial<BackupHeader> | undefined;
	try {
		header = JSON.parse((await lines.next()) ?? 'null');
	} catch {
		header = undefined;
	}
	if (header?.format !== BACKUP_FORMAT || !header.migration) {
		throw new RestoreRefused('This file is not a Steady backup.');
	}
	if (header.version! > BACKUP_VERSION) {
		throw new RestoreRefused('This backup was written by a newer Steady: update Steady first.');
	}
	return header as BackupHeader;
}

async function insertAll(
	run: RunSql,
	lines: LineReader
): Promise<{ tables: number; rows: number }> {
	const present = new Set(await listTables(run));
	let tables = 0;
	let rows = 0;
	for (;;) {
		const line = await lines.next();
		if (line === undefined) break;
		const block = JSON.parse(line) as Partial<TableHeader & BackupEnd> & {
			sequences?: SequenceValue[];
		};
		if (block.end) {
			if (block.tables !== tables || block.rows !== rows) break;
			return { tables, rows };
		}
		if (block.sequences) {
			for (const { name, value, called } of block.sequences) {
				await run(`select setval($1, $2::bigint, $3)`, [quoteIdent(name), value, called]);
			}
			continue;
		}
		const { table, columns, rows: count } = block as TableHeader;
		if (!present.has(table)) throw new Error(`the backup's table ${table} is not in the schema`);
		const known = new Set(await insertableColumns(run, table));
		const names = columns
			.filter((column) => known.has(column))
			.map(quoteIdent)
			.join(', ');
		const insert = `insert into ${quoteIdent(table)} (${names}) overriding system value
			select ${names} from json_populate_recordset(null::${quoteIdent(table)}, $1::json)`;
		let batch: string[] = [];
		for (let i = 0; i < count; i++) {
			const row = await lines.next();
			if (row === undefined) break;
			batch.push(row);
			if (batch.length === BATCH_ROWS || i === count - 1) {
				await run(insert, [`[${batch.join(',')}]`]);
				rows += batch.length;
				batch = [];
			}
		}
		tables++;
	}
	throw new RestoreRefused('This backup file is incomplete (cut short): nothing was restored.');
}
