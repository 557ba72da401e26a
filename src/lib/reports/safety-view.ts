import { chartTable } from '../components/charts/chart-style';
import type {
	BarChartProps,
	ChartDatum,
	ChartFormat,
	ChartTable
} from '../components/charts/chart-types';
import type { AdverseEventType } from '../shared/entries';
import { findingText, type Wording } from '../shared/rules';
import { shortDay } from './report-format';
import {
	SAFETY_KINDS,
	type SafetyByBlock,
	type SafetyByType,
	type SafetyKind,
	type SafetyReport
} from './safety-types';

/**
 * The safety report as the page shows it and the CSV writes it: three bar charts stacked by
 * kind, each with the same numbers as a table (chartTable: a cell says what its bar's title
 * says), in the reader's language.
 */

export type SafetyChart = {
	id: 'by-week' | 'by-type' | 'by-block';
	title: string;
	chart: BarChartProps;
	table: ChartTable;
};

export function safetyCharts(words: Wording, report: SafetyReport): SafetyChart[] {
	const { t, locale } = words;
	const kindName = (kind: SafetyKind) => t(`reports.safety.kind.${kind}`);
	const count = new Intl.NumberFormat(locale);
	// A long rule's words under a bar are cut short; its title and table cell say them whole.
	const counted: ChartFormat = {
		x: (x) => String(x),
		y: (y) => count.format(y),
		tick: (x) => (String(x).length > 18 ? `${String(x).slice(0, 17)}…` : String(x))
	};
	const weekly: ChartFormat = {
		x: (x) => shortDay(locale, String(x), true),
		y: counted.y,
		tick: (x) => shortDay(locale, String(x), false)
	};
	const datum = (x: string, kind: SafetyKind, y: number): ChartDatum => ({
		x,
		y,
		series: kindName(kind)
	});

	const byWeek = report.byWeek.map((row) => datum(row.week, row.kind, row.count));
	const total = report.byWeek.reduce((sum, row) => sum + row.count, 0);
	// One bar per type, its kind in its words ("STOP: …"): a type is of one kind only.
	const byType = report.byType.map((row) => ({
		x: typeName(words, row),
		y: row.count,
		series: t('reports.safety.count')
	}));
	const byBlock = report.byBlock.map((row) => datum(blockName(words, row), row.kind, row.count));

	const chart = (
		id: SafetyChart['id'],
		data: ChartDatum[],
		format: ChartFormat,
		xHeading: string,
		description: string
	): SafetyChart => {
		// The kinds in one order on every chart: the same colour and hatch for each.
		const order = [...SAFETY_KINDS.map(kindName), t('reports.safety.count')].filter((name) =>
			data.some((d) => d.series === name)
		);
		return {
			id,
			title: t(`reports.safety.${id}`),
			chart: {
				data,
				format,
				xLabel: xHeading,
				yLabel: t('reports.safety.count'),
				stacked: true,
				seriesOrder: order,
				wholeNumbers: true,
				description
			},
			table: chartTable(data, format, t(`reports.safety.${id}`), xHeading, order)
		};
	};
	const most = (key: 'by-type' | 'by-block', data: ChartDatum[]) => {
		const totals = new Map<string, number>();
		for (const d of data) totals.set(String(d.x), (totals.get(String(d.x)) ?? 0) + d.y);
		const [top, n] = [...totals].reduce((best, row) => (row[1] > best[1] ? row : best), ['', 0]);
		return data.length === 0
			? t('reports.safety.nothing-description')
			: t(`reports.safety.${key}-description`, { top, count: n });
	};
	return [
		chart(
			'by-week',
			byWeek,
			weekly,
			t('reports.safety.week'),
			total === 0
				? t('reports.safety.nothing-description')
				: t('reports.safety.by-week-description', { total })
		),
		chart('by-type', byType, counted, t('reports.safety.type'), most('by-type', byType)),
		chart('by-block', byBlock, counted, t('reports.safety.block'), most('by-block', byBlock))
	];
}

/** "Adverse event: fall", "STOP: Resting systolic ≥ 180 mmHg" (the rule as it was recorded). */
function typeName(words: Wording, row: SafetyByType): string {
	const { t } = words;
	return row.kind === 'adverse_event'
		? t('reports.safety.event-type', { type: t(`adverse-event.${row.type as AdverseEventType}`) })
		: t('reports.safety.finding-type', {
				action: t(`rules.action.${row.kind}`),
				label: row.finding ? findingText(words, row.finding).label : row.type
			});
}

/** The block's name as the class ran it; a pause nobody named by its kind. */
function blockName({ t }: Wording, row: SafetyByBlock): string {
	if (row.block === null) return t('reports.safety.block.outside');
	if (row.block !== '') return row.block;
	return t(
		row.blockKind === 'transition'
			? 'reports.safety.block.transition'
			: row.blockKind === 'exercise'
				? 'reports.safety.block.exercise'
				: 'reports.safety.block.rest'
	);
}
