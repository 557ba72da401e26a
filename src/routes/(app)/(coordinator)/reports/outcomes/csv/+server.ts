import { error } from '@sveltejs/kit';
import { requireCoordinator } from '$lib/server/auth/guard';
import { improvedPercent } from '$lib/reports/outcomes-types';
import { reportCsv } from '$lib/server/reports/csv';
import { readOutcomes } from '$lib/server/reports/safety-outcomes-pages';
import type { RequestHandler } from './$types';

/**
 * The outcomes report's numbers with the page's query: a `series` row per series and test (who
 * improved of who was tested twice), and with ?participantId= a `result` row per test result
 * of that participant (the value charted, the verdict and the cut-off it was judged against).
 */
const COLUMNS = [
	'section',
	'series_id',
	'series',
	'test',
	'improved',
	'tested',
	'percent_improved',
	'participant_id',
	'date',
	'value',
	'verdict',
	'cutoff',
	'in_class'
] as const;

export const GET: RequestHandler = async ({ locals, url }) => {
	const user = requireCoordinator(locals);
	const request = await readOutcomes(locals.app.db, user.clinicId, url);
	if (request.unknownPerson) error(404, 'reports.outcomes.no-participant');
	const people = (request.person?.points ?? []).map((p) => [
		'result',
		null,
		null,
		p.result.test,
		null,
		null,
		null,
		request.participantId,
		p.on,
		p.value,
		p.judgement.verdict,
		'cutoff' in p.judgement ? p.judgement.cutoff : null,
		p.inClass ? 'yes' : 'no'
	]);
	const series = (request.series ?? []).map((row) => [
		'series',
		row.seriesId,
		row.seriesName,
		row.test,
		row.improved,
		row.tested,
		improvedPercent(row),
		null,
		null,
		null,
		null,
		null,
		null
	]);
	return reportCsv('outcomes', request, COLUMNS, [...people, ...series]);
};
