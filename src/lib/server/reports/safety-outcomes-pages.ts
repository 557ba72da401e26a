import { stringify } from 'csv-stringify/sync';
import type { ChartTable } from '../../components/charts/chart-types';
import { isUuid } from '../../shared/ids';
import { localDate } from '../../shared/time-zone';
import { MAX_RANGE_DAYS } from '../exports/query';
import { clinicTimeZone } from '../exports/read';
import { readReportFilter } from './filter';
import { improvementBySeries, outcomeParticipants, participantOutcomes } from './outcomes';
import { safetyReport } from './safety';

/**
 * What the safety and outcomes pages and their CSV downloads read: the filter from the query
 * string, then the report's plain numbers (the page words them; the CSV writes the same tables
 * the page shows beside its charts).
 */

type Asked = { db: App.Locals['app']['db']; url: URL; clinicId: string };

/** A refused filter, as the page words it beside its field. */
export type ReportRefusal = { code: string; field?: string; params: { days: number } };

async function filterOf({ db, url, clinicId }: Asked) {
	const timeZone = (await clinicTimeZone(db, clinicId)) ?? 'UTC';
	const read = readReportFilter(url.searchParams, localDate(timeZone, new Date()));
	const refusal: ReportRefusal | null = read.ok
		? null
		: { code: read.refusal.code, field: read.refusal.field, params: { days: MAX_RANGE_DAYS } };
	return { timeZone, read, refusal };
}

export async function readSafety(asked: Asked) {
	const { timeZone, read, refusal } = await filterOf(asked);
	if (!read.ok) return { ok: false as const, refusal: refusal! };
	const report = await safetyReport(asked.db, asked.clinicId, read.filter, timeZone, new Date());
	return { ok: true as const, filter: read.filter, report };
}

export async function readOutcomes(asked: Asked) {
	const { timeZone, read, refusal } = await filterOf(asked);
	const given = asked.url.searchParams.get('participantId') ?? '';
	const participantId = isUuid(given) ? given : '';
	if (!read.ok) return { ok: false as const, refusal: refusal!, participantId };
	const { db, clinicId } = asked;
	const [person, series] = await Promise.all([
		participantId
			? participantOutcomes(db, clinicId, participantId, read.filter, timeZone)
			: Promise.resolve(null),
		improvementBySeries(db, clinicId, read.filter, timeZone)
	]);
	return {
		ok: true as const,
		filter: read.filter,
		participantId,
		person,
		/** A participant was asked for who is not the clinic's (or the id is not one). */
		unknownPerson: given !== '' && person === null,
		series
	};
}

export async function participantChoices(db: Asked['db'], clinicId: string) {
	return (await outcomeParticipants(db, clinicId)).map((p) => ({
		id: p.id,
		name: `${p.lastName}, ${p.firstName}`
	}));
}

/**
 * Tables one after another in one CSV file, each under its caption: the page's own tables.
 * Cells are written by csv-stringify with formula escaping, as the exports are.
 */
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
