import type { BarChartProps, ChartDatum, ChartTable } from '../../components/charts/chart-types';
import type { AdverseEventType } from '../../shared/entries';
import { findingText, type Wording } from '../../shared/rules';
import { SAFETY_KINDS, type SafetyByBlock, type SafetyKind, type SafetyReport } from './safety';

/**
 * The safety report as the page shows it and the CSV writes it: three bar charts, each with
 * the same numbers as a table, in the reader's language.
 */

export type SafetyChart = {
	id: 'by-week' | 'by-type' | 'by-block';
	title: string;
	chart: BarChartProps;
	table: ChartTable;
};

export function safetyCharts(words: Wording, report: SafetyReport): SafetyChart[] {
	const { t } = words;
	const kindName = (kind: SafetyKind) => t(`reports.safety.kind.${kind}`);
	const kindColumns = SAFETY_KINDS.map(kindName);

	const weeks = [...new Set(report.byWeek.map((row) => row.week))];
	const byWeek = crossTable(
		weeks,
		report.byWeek.map((row) => ({ x: row.week, kind: row.kind, count: row.count }))
	);
	const total = report.byWeek.reduce((sum, row) => sum + row.count, 0);

	const typeName = (row: SafetyReport['byType'][number]) =>
		row.kind === 'adverse_event'
			? t('reports.safety.event-type', { type: t(`adverse-event.${row.type as AdverseEventType}`) })
			: t('reports.safety.finding-type', {
					action: t(`rules.action.${row.kind}`),
					label: row.finding ? findingText(words, row.finding).label : row.type
				});
	const types = report.byType.map((row) => ({ label: typeName(row), row }));

	const blockName = (row: SafetyByBlock) =>
		row.block === null
			? t('reports.safety.block.outside')
			: row.block !== ''
				? row.block
				: t(
						row.blockKind === 'transition'
							? 'reports.safety.block.transition'
							: row.blockKind === 'exercise'
								? 'reports.safety.block.exercise'
								: 'reports.safety.block.rest'
					);
	const blocks = [...new Set(report.byBlock.map(blockName))];
	const byBlock = crossTable(
		blocks,
		report.byBlock.map((row) => ({ x: blockName(row), kind: row.kind, count: row.count }))
	);
	const top = (rows: { x: string; total: number }[]) =>
		rows.reduce((best, row) => (row.total > best.total ? row : best), rows[0]!);
	const describe = (key: 'by-type' | 'by-block', rows: { x: string; total: number }[]) =>
		rows.length === 0
			? t('reports.safety.nothing-description')
			: t(`reports.safety.${key}-description`, { top: top(rows).x, count: top(rows).total });

	const datum = (x: string, kind: SafetyKind, y: number): ChartDatum => ({
		x,
		y,
		series: kindName(kind)
	});
	return [
		{
			id: 'by-week',
			title: t('reports.safety.by-week'),
			chart: {
				data: report.byWeek.map((row) => datum(row.week, row.kind, row.count)),
				xLabel: t('reports.safety.week'),
				yLabel: t('reports.safety.count'),
				stacked: true,
				description:
					total === 0
						? t('reports.safety.nothing-description')
						: t('reports.safety.by-week-description', { total })
			},
			table: {
				caption: t('reports.safety.by-week'),
				columns: [t('reports.safety.week'), ...kindColumns, t('reports.safety.total')],
				rows: byWeek.map((row) => [row.x, ...row.counts, row.total])
			}
		},
		{
			id: 'by-type',
			title: t('reports.safety.by-type'),
			chart: {
				data: types.map(({ label, row }) => datum(label, row.kind, row.count)),
				xLabel: t('reports.safety.type'),
				yLabel: t('reports.safety.count'),
				stacked: true,
				description: describe(
					'by-type',
					types.map(({ label, row }) => ({ x: label, total: row.count }))
				)
			},
			table: {
				caption: t('reports.safety.by-type'),
				columns: [t('reports.safety.kind'), t('reports.safety.type'), t('reports.safety.count')],
				rows: types.map(({ label, row }) => [kindName(row.kind), label, row.count])
			}
		},
		{
			id: 'by-block',
			title: t('reports.safety.by-block'),
			chart: {
				data: report.byBlock.map((row) => datum(blockName(row), row.kind, row.count)),
				xLabel: t('reports.safety.block'),
				yLabel: t('reports.safety.count'),
				stacked: true,
				description: describe('by-block', byBlock)
			},
			table: {
				caption: t('reports.safety.by-block'),
				columns: [t('reports.safety.block'), ...kindColumns, t('reports.safety.total')],
				rows: byBlock.map((row) => [row.x, ...row.counts, row.total])
			}
		}
	];
}

/** One row per x (in the order given) with a count per kind and their total. */
function crossTable(xs: string[], cells: { x: string; kind: SafetyKind; count: number }[]) {
	return xs.map((x) => {
		const counts = SAFETY_KINDS.map((kind) =>
			cells
				.filter((cell) => cell.x === x && cell.kind === kind)
				.reduce((sum, cell) => sum + cell.count, 0)
		);
		return { x, counts, total: counts.reduce((sum, n) => sum + n, 0) };
	});
}
