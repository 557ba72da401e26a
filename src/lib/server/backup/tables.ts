import type { RunSql } from '../db/client';

/** Backed up as files beside the backup, not as rows in it (backup/media.ts). */
export const MEDIA_TABLE = 'media_files';

/**
 * Every table of the application schema, read from the database itself so that a new table is
 * backed up (and compared by the tests) without anyone remembering to list it.
 */
export async function listTables(run: RunSql): Promise<string[]> {
	const rows = await run(
		`select table_name as name from information_schema.tables
		 where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`
	);
	return rows.map((row) => String(row.name));
}

/** The tables ordered so that each comes after every table it references (restore order). */
export async function tablesInForeignKeyOrder(run: RunSql): Promise<string[]> {
	const tables = await listTables(run);
	const references = await run(
		`select child.relname as child, parent.relname as parent
		 from pg_constraint c
		 join pg_class child on child.oid = c.conrelid
		 join pg_class parent on parent.oid = c.confrelid
		 join pg_namespace n on n.oid = child.relnamespace
		 where c.contype = 'f' and n.nspname = 'public' and child.oid <> parent.oid`
	);
	const parents = new Map(tables.map((table) => [table, new Set<string>()]));
	for (const row of references) parents.get(String(row.child))?.add(String(row.parent));
	const ordered: string[] = [];
	const placed = new Set<string>();
	while (ordered.length < tables.length) {
		const ready = tables.filter(
			(table) => !placed.has(table) && [...parents.get(table)!].every((p) => placed.has(p))
		);
		// A cycle of foreign keys between tables would need deferred constraints; Steady has none.
		if (ready.length === 0) throw new Error('the tables reference each other in a cycle');
		for (const table of ready) {
			ordered.push(table);
			placed.add(table);
		}
	}
	return ordered;
}

/** A table's columns in their order, without generated ones (those cannot be inserted). */
export async function insertableColumns(run: RunSql, table: string): Promise<string[]> {
	const rows = await run(
		`select column_name as name from information_schema.columns
		 where table_schema = 'public' and table_name = $1 and is_generated = 'NEVER'
		 order by ordinal_position`,
		[table]
	);
	return rows.map((row) => String(row.name));
}

export async function listSequences(run: RunSql): Promise<string[]> {
	const rows = await run(
		`select sequence_name as name from information_schema.sequences
		 where sequence_schema = 'public' order by sequence_name`
	);
	return rows.map((row) => String(row.name));
}

/** Quotes an identifier read from the catalog (names come from the database, never from users). */
export function quoteIdent(name: string): string {
	return `"${name.replaceAll('"', '""')}"`;
}
