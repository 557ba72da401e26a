import type { SQL } from 'drizzle-orm';
import type { Database } from '../db/client';

/** Runs a raw aggregate query: PGlite answers { rows }, postgres.js the rows themselves. */
export async function sqlRows(db: Database, query: SQL): Promise<Record<string, unknown>[]> {
	const result = await db.execute(query);
	return ((result as unknown as { rows?: unknown[] }).rows ?? (result as unknown[])) as Record<
		string,
		unknown
	>[];
}

/** A date column as 'YYYY-MM-DD' (PGlite may answer a Date, postgres.js a string). */
export function isoDay(value: unknown): string {
	return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
}
