import { error, json } from '@sveltejs/kit';
import { requireCoordinator } from '$lib/server/auth/guard';
import { readOutcomes, tablesCsv } from '$lib/server/reports/safety-outcomes-pages';
import { personCharts, seriesChart } from '$lib/reports/outcomes-view';
import { wording } from '$lib/shared/rules';
import type { RequestHandler } from './$types';

/**
 * The outcomes report as CSV: the page's tables with the same query: who improved per series,
 * and with ?participantId= first that participant's results, a table per test.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
	const user = requireCoordinator(locals);
	const read = await readOutcomes({ db: locals.app.db, url, clinicId: user.clinicId });
	if (!read.ok) return json(read.refusal, { status: 400 });
	if (read.unknownPerson) error(404, 'reports.outcomes.no-participant');
	const words = wording(locals.locale);
	const tables = [
		...(read.person ? personCharts(words, read.person.person, read.person.points) : []).map(
			(c) => c.table
		),
		seriesChart(words, read.series).table
	];
	return new Response(tablesCsv(tables), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="outcomes-${read.filter.from}-${read.filter.to}.csv"`,
			'cache-control': 'no-store'
		}
	});
};
