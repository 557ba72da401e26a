import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client';
import { classSessions } from '../db/schema';
import { sessionsInFilter, type ReportFilter } from './filter';

/** A raw query's rows: PGlite answers { rows }, postgres.js the rows themselves. */
export async function rowsOf<T>(db: Database, query: SQL): Promise<T[]> {
	const result = await db.execute(query);
	return ((result as unknown as { rows?: unknown[] }).rows ?? (result as unknown[])) as T[];
}

/**
 * The filter's classes as a CTE body (`id, series_id, starts_at, capacity, status, week`), the
 * week being the Monday of the class's local week in the clinic's zone, as text (YYYY-MM-DD).
 */
export function filteredSessions(clinicId: string, filter: ReportFilter, timeZone: string): SQL {
	return sql`select ${classSessions.id} as id, ${classSessions.seriesId} as series_id,
		${classSessions.name} as name, ${classSessions.startsAt} as starts_at,
		${classSessions.capacity} as capacity, ${classSessions.status} as status,
		${classSessions.roomId} as room_id,
		date_trunc('week', ${classSessions.startsAt} at time zone ${timeZone})::date::text as week
		from ${classSessions} where ${sessionsInFilter(clinicId, filter, timeZone)}`;
}
