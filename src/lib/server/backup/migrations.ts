import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunSql } from '../db/client';

type JournalEntry = { idx: number; when: number; tag: string };
type Journal = { entries: JournalEntry[] } & Record<string, unknown>;

/** How far a database is migrated: drizzle stamps each applied migration with its `when`. */
export type MigrationLevel = { applied: number; last: number };

export async function readMigrationLevel(run: RunSql): Promise<MigrationLevel> {
	const [row] = await run(
		`select count(*)::int as applied, coalesce(max(created_at), 0)::text as last
		 from drizzle.__drizzle_migrations`
	);
	return { applied: Number(row!.applied), last: Number(row!.last) };
}

function readJournal(migrationsDir: string): Journal {
	return JSON.parse(fs.readFileSync(path.join(migrationsDir, 'meta', '_journal.json'), 'utf8'));
}

/** The code's own level: its newest migration. */
export function codeMigrationLevel(migrationsDir: string): MigrationLevel {
	const { entries } = readJournal(migrationsDir);
	return { applied: entries.length, last: entries.at(-1)?.when ?? 0 };
}

/**
 * A copy of the migrations folder that stops at `level`, so a restore can rebuild the schema
 * the backup was taken from, insert the rows, and then let the newer migrations convert them.
 * Returns undefined when this code does not know that level (a backup from newer code).
 */
export function migrationsUpTo(migrationsDir: string, level: MigrationLevel): string | undefined {
	const journal = readJournal(migrationsDir);
	const kept = journal.entries.filter((entry) => entry.when <= level.last);
	if (kept.length !== level.applied || kept.at(-1)?.when !== level.last) return undefined;
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'steady-restore-migrations-'));
	fs.mkdirSync(path.join(dir, 'meta'));
	fs.writeFileSync(
		path.join(dir, 'meta', '_journal.json'),
		JSON.stringify({ ...journal, entries: kept })
	);
	for (const entry of kept) {
		fs.copyFileSync(
			path.join(migrationsDir, `${entry.tag}.sql`),
			path.join(dir, `${entry.tag}.sql`)
		);
	}
	return dir;
}
