import { stringify } from 'csv-stringify/sync';
import { clinicTimeZone } from '../exports/read';
import { MAX_RANGE_DAYS } from '../exports/query';
import { localDate } from '../../shared/time-zone';
import { wording } from '../../shared/rules';
import { isUuid } from '../../shared/ids';
import type { ChartTable } from '../../components/charts/chart-types';
import { readReportFilter, type ReportFilter } from './filter';
import { safetyReport } from './safety';
import { safetyCharts } from './safety-view';
import { improvementBySeries, outcomeParticipants, participantOutcomes } from './outcomes';
import { personCharts, seriesChart } from './outcomes-view';

/**
 * What the safety and outcomes pages and their CSV downloads share: the filter read from the
 * query string, the report read, its charts and tables worded in the viewer's language. The CSV
 * holds exactly the tables the page shows beside its charts.
 */

type Asked = { locals: App.Locals; url: URL; clinicId: string };

async function filterOf({ locals, url, clinicId }: Asked) {
	const timeZone = (await clinicTimeZone(locals.app.db, clinicId)) ?? 'UTC';
	const today = localDate(timeZone, new Date());
	return { timeZone, read: readReportFilter(url.searchParams, today) };
}

export type ReportRefusal = { code: string; field?: string; params: { days: number } };
const refusalOf = (refusal: { code: string; field?: string }): ReportRefusal => ({
	code: refusal.code,
	field: refusal.field,
	params: { days: MAX_RANGE_DAYS }
});

export async function safetyPage(asked: Asked) {
	const { timeZone, read } = await filterOf(asked);
	if (!read.ok) return { ok: false as const, refusal: refusalOf(read.refusal) };
	const words = wording(asked.locals.locale);
	const report = await safetyReport(
		asked.locals.app.db,
		asked.clinicId,
		read.filter,
		timeZone,
		new Date()
	);
	return {
		ok: true as const,
		filter: read.filter,
		daysSinceSerious: report.daysSinceSerious,
		lastSeriousOn: report.lastSeriousOn,
		charts: safetyCharts(words, report)
	};
}

export async function outcomesPage(asked: Asked) {
	const { timeZone, read } = await filterOf(asked);
	const { db } = asked.locals.app;
	const people = (await outcomeParticipants(db, asked.clinicId)).map((p) => ({
		id: p.id,
		name: `${p.lastName}, ${p.firstName}`
	}));
	const given = asked.url.searchParams.get('participantId') ?? '';
	const participantId = isUuid(given) ? given : '';
	if (!read.ok)
		return { ok: false as const, refusal: refusalOf(read.refusal), people, participantId };
	const words = wording(asked.locals.locale);
	const person = participantId
		? await participantOutcomes(db, asked.clinicId, participantId, read.filter, timeZone)
		: null;
	return {
		ok: true as const,
		filter: read.filter,
		people,
		participantId,
		person: person && {
			name: person.person.name,
			charts: personCharts(words, person.person, person.points)
		},
		/** A participant was asked for who is not the clinic's (or the id is not one). */
		unknownPerson: given !== '' && person === null,
		series: seriesChart(words, await improvementBySeries(db, asked.clinicId, read.filter, timeZone))
	};
}

/** Tables one after another in one CSV file, each under its caption, a blank line between. */
export function tablesCsv(tables: ChartTable[]): string {
	return tables
		.map((table, i) =>
			stringify([[table.caption], table.columns, ...table.rows], {
				bom: i === 0,
				escape_formulas: true,
				record_delimiter: 'windows',
				quoted_match: /[\r\n]/
			})
		)
		.join('\r\n');
}

export type { ReportFilter };
