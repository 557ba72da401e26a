import { sql } from 'drizzle-orm';
import type { Logger } from '../log';
import type { DatabaseHandle } from './client';

/**
 * The embedded database (PGlite) runs no autovacuum, so its planner never learns how big the
 * tables are and plans every report as if each held a few rows: on a year of a busy clinic the
 * attendance report's join ran for 95 s instead of under one. ANALYZE gives it table statistics;
 * PostgreSQL keeps its own (autovacuum), so this only ever runs on the embedded database.
 */
export async function refreshPlannerStatistics(database: DatabaseHandle): Promise<void> {
	if (database.kind !== 'pglite') return;
	await database.db.execute(sql`analyze`);
}

/** How often the embedded database's statistics are refreshed while the server runs. */
export const REFRESH_EVERY_MS = 6 * 60 * 60 * 1000;

/**
 * Refreshes the statistics every few hours, as the clinic's record grows. A refresh takes the
 * embedded database's one connection for well under a second on a year of data (bench/reports.ts
 * prints it), so it never holds a class up noticeably. Returns the stop for shutdown.
 */
export function keepPlannerStatisticsFresh(database: DatabaseHandle, log: Logger): () => void {
	if (database.kind !== 'pglite') return () => {};
	const timer = setInterval(() => {
		refreshPlannerStatistics(database).catch((error: unknown) =>
			log.warn({ err: error }, 'refreshing the planner statistics failed')
		);
	}, REFRESH_EVERY_MS);
	timer.unref();
	return () => clearInterval(timer);
}
