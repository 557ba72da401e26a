import { json } from '@sveltejs/kit';
import { stringify } from 'csv-stringify/sync';
import { MAX_RANGE_DAYS } from '../exports/query';
import type { ReportRequest } from './request';

export type CsvCell = string | number | null;

/**
 * A report's numbers as one CSV file, written as the exports write theirs: fixed column
 * identifiers (not words of one language), csv-stringify's formula escaping (a text cell starting
 * with = + - @ gets a leading '), a BOM so Excel reads UTF-8, CRLF rows, line breaks quoted.
 */
export function reportCsv(
	name: string,
	request: ReportRequest,
	columns: readonly string[],
	rows: CsvCell[][]
): Response {
	if (!request.filter) {
		const problem = request.problem!;
		return json(
			{ code: problem.code, field: problem.field, params: { days: MAX_RANGE_DAYS } },
			{ status: 400 }
		);
	}
	const text = stringify(rows, {
		header: true,
		bom: true,
		columns: [...columns],
		escape_formulas: true,
		record_delimiter: 'windows',
		quoted_match: /[\r\n]/
	});
	const filename = `steady-${name}-${request.filter.from}-${request.filter.to}.csv`;
	return new Response(text, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${filename}"`,
			'cache-control': 'no-store'
		}
	});
}
