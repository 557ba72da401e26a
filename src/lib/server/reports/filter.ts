import { and, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { classSessions } from '../db/schema';
import { addDays } from '../../shared/time-zone';
import {
	checkRange,
	parseQuery,
	rangeFields,
	rangeInstants,
	type QueryRefusal
} from '../exports/query';

/**
 * What every report is filtered by, read from its page's query string: a range of local dates
 * (inclusive), and optionally a room, a class series and a technician (who led or assisted).
 * The same range rules as the exports (reversed or over 400 days is refused, with a code).
 */
export const reportFilterSchema = z
	.object({ ...rangeFields, technicianId: rangeFields.roomId })
	.superRefine(checkRange);
export type ReportFilter = z.infer<typeof reportFilterSchema>;

/** A report opened without dates covers the last 12 weeks, today included. */
export const DEFAULT_WEEKS = 12;

export function readReportFilter(
	params: URLSearchParams,
	today: string
): { ok: true; filter: ReportFilter } | { ok: false; refusal: QueryRefusal } {
	const withDates = new URLSearchParams(params);
	if (!withDates.get('to')) withDates.set('to', today);
	if (!withDates.get('from')) withDates.set('from', addDays(today, -DEFAULT_WEEKS * 7 + 1));
	const read = parseQuery(reportFilterSchema, withDates);
	return read.ok ? { ok: true, filter: read.query } : read;
}

/** The clinic's classes the filter covers: a condition on class_sessions for any report's query. */
export function sessionsInFilter(clinicId: string, filter: ReportFilter, timeZone: string): SQL {
	const { start, end } = rangeInstants(filter.from, filter.to, timeZone);
	return and(
		eq(classSessions.clinicId, clinicId),
		gte(classSessions.startsAt, start),
		lt(classSessions.startsAt, end),
		filter.roomId ? eq(classSessions.roomId, filter.roomId) : undefined,
		filter.seriesId ? eq(classSessions.seriesId, filter.seriesId) : undefined,
		filter.technicianId
			? or(
					eq(classSessions.leadUserId, filter.technicianId),
					sql`${filter.technicianId}::uuid = any(${classSessions.assistantUserIds})`
				)
			: undefined
	)!;
}
