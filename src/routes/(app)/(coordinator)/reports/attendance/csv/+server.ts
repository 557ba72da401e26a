import { requireCoordinator } from '$lib/server/auth/guard';
import { attendanceBySeriesWeek, ratePercent } from '$lib/server/reports/attendance';
import { reportCsv } from '$lib/server/reports/csv';
import { reportRequest } from '$lib/server/reports/request';
import type { RequestHandler } from './$types';

/** The attendance report's numbers per series and week, with the page's filter (?from&to&…). */
const COLUMNS = [
	'week_starting',
	'series_id',
	'series',
	'attended',
	'expected',
	'rate_percent',
	'no_shows',
	'late_cancellations'
] as const;

export const GET: RequestHandler = async ({ locals, url }) => {
	const user = requireCoordinator(locals);
	const { db } = locals.app;
	const request = await reportRequest(db, user.clinicId, url);
	const rows = request.filter
		? await attendanceBySeriesWeek(db, user.clinicId, request.filter, request.timeZone)
		: [];
	return reportCsv(
		'attendance',
		request,
		COLUMNS,
		rows.map((row) => [
			row.week,
			row.seriesId,
			row.seriesName,
			row.attended,
			row.expected,
			row.expected ? ratePercent(row.attended, row.expected) : null,
			row.noShows,
			row.lateCancellations
		])
	);
};
