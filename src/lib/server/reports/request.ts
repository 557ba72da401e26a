import { isMessageKey, type Problem } from '../../i18n/problem';
import { localDate } from '../../shared/time-zone';
import type { Database } from '../db/client';
import { clinicRooms, clinicSeries } from '../exports/choices';
import { clinicTimeZone } from '../exports/read';
import { MAX_RANGE_DAYS, queryObject } from '../exports/query';
import { listStaff } from '../planning/staff';
import { readReportFilter, type ReportFilter } from './filter';

export const FILTER_FIELDS = ['from', 'to', 'roomId', 'seriesId', 'technicianId'] as const;
export type FilterValues = Record<(typeof FILTER_FIELDS)[number], string>;

/**
 * What every report page and CSV starts from: the clinic's zone, the filter read from the query
 * string (or why it was refused, as a problem beside its field), the values to show in the form,
 * and the clinic's own rooms, series and staff to choose from (names and ids only).
 */
export async function reportRequest(db: Database, clinicId: string, url: URL) {
	const timeZone = (await clinicTimeZone(db, clinicId)) ?? 'UTC';
	const today = localDate(timeZone, new Date());
	const read = readReportFilter(url.searchParams, today);
	const given = queryObject(url.searchParams);
	const values: FilterValues = {
		from: read.ok ? read.filter.from : (given.from ?? ''),
		to: read.ok ? read.filter.to : (given.to ?? ''),
		roomId: given.roomId ?? '',
		seriesId: given.seriesId ?? '',
		technicianId: given.technicianId ?? ''
	};
	const refusal = read.ok ? null : read.refusal;
	const field = (FILTER_FIELDS as readonly string[]).includes(refusal?.field ?? '')
		? refusal!.field!
		: 'from';
	const problem: (Problem & { field: string }) | null = refusal && {
		field,
		code: isMessageKey(refusal.code) ? refusal.code : 'exports.bad-query',
		params: { days: MAX_RANGE_DAYS }
	};
	const filter: ReportFilter | null = read.ok ? read.filter : null;
	return { timeZone, values, problem, filter, choices: await filterChoices(db, clinicId) };
}

export type ReportRequest = Awaited<ReturnType<typeof reportRequest>>;

async function filterChoices(db: Database, clinicId: string) {
	const [roomRows, seriesRows, staff] = await Promise.all([
		clinicRooms(db, clinicId),
		clinicSeries(db, clinicId),
		listStaff(db, clinicId)
	]);
	return {
		rooms: roomRows,
		series: seriesRows,
		technicians: staff.map((person) => ({ id: person.id, name: person.name }))
	};
}
