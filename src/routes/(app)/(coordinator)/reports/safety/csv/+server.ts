import { requireCoordinator } from '$lib/server/auth/guard';
import { reportCsv } from '$lib/server/reports/csv';
import { readSafety } from '$lib/server/reports/safety-outcomes-pages';
import type { RequestHandler } from './$types';

/**
 * The safety report's numbers with the page's filter (?from&to&…): a row per count, `section`
 * saying which chart it belongs to (week, type, block), and one row with the days since the
 * clinic's last serious event (over the whole clinic, whatever the filter).
 */
const COLUMNS = [
	'section',
	'week_starting',
	'kind',
	'type',
	'block',
	'block_kind',
	'count',
	'last_serious_on'
] as const;

export const GET: RequestHandler = async ({ locals, url }) => {
	const user = requireCoordinator(locals);
	const request = await readSafety(locals.app.db, user.clinicId, url);
	const report = request.report;
	const rows = report
		? [
				...report.byWeek.map((r) => ['week', r.week, r.kind, null, null, null, r.count, null]),
				...report.byType.map((r) => ['type', null, r.kind, r.type, null, null, r.count, null]),
				...report.byBlock.map((r) => [
					'block',
					null,
					r.kind,
					null,
					r.block,
					r.blockKind,
					r.count,
					null
				]),
				[
					'days_since_serious',
					null,
					'adverse_event',
					null,
					null,
					null,
					report.daysSinceSerious,
					report.lastSeriousOn
				]
			]
		: [];
	return reportCsv('safety', request, COLUMNS, rows);
};
