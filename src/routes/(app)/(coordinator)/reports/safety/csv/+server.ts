import { json } from '@sveltejs/kit';
import { requireCoordinator } from '$lib/server/auth/guard';
import { readSafety, tablesCsv } from '$lib/server/reports/safety-outcomes-pages';
import { safetyCharts } from '$lib/reports/safety-view';
import { wording } from '$lib/shared/rules';
import type { RequestHandler } from './$types';

/** The safety report as CSV: the page's three tables, with the same filter (?from&to&roomId…). */
export const GET: RequestHandler = async ({ locals, url }) => {
	const user = requireCoordinator(locals);
	const read = await readSafety({ db: locals.app.db, url, clinicId: user.clinicId });
	if (!read.ok) return json(read.refusal, { status: 400 });
	const charts = safetyCharts(wording(locals.locale), read.report);
	return csvFile(
		tablesCsv(charts.map((c) => c.table)),
		`safety-${read.filter.from}-${read.filter.to}.csv`
	);
};

function csvFile(text: string, filename: string): Response {
	return new Response(text, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${filename}"`,
			'cache-control': 'no-store'
		}
	});
}
