import type {
	BarChartProps,
	ChartDatum,
	ChartFormat,
	ChartTable,
	ChartThreshold,
	LineChartProps
} from '../components/charts/chart-types';
import { describeJudgement, describeOutcomeResult } from '../shared/describe-outcome';
import {
	OUTCOME_TESTS,
	STAGE_SECONDS,
	TANDEM_STAGE,
	TUG_FALL_RISK_SECONDS,
	ageOn,
	chairStandCutoff,
	type OutcomeTest
} from '../shared/outcomes';
import type { Wording } from '../shared/rules';
import {
	improvedPercent,
	type OutcomePerson,
	type OutcomePoint,
	type SeriesImprovement
} from './outcomes-types';
import { shortDay } from './report-format';

/**
 * The outcomes report as the page shows it and the CSV writes it, in the reader's language:
 * a cell of a table says what its point's or bar's title says.
 */

export type PersonTestChart = {
	test: OutcomeTest;
	title: string;
	chart: LineChartProps;
	/** Why no cut-off is drawn (chair stand: age or sex outside the norms), else null. */
	noCutoff: string | null;
	table: ChartTable;
};

const dayOf = (x: ChartDatum['x']) =>
	x instanceof Date ? x.toISOString().slice(0, 10) : String(x).slice(0, 10);

/**
 * One line chart per test the participant took in the range. The chair stand's cut-off depends
 * on age and sex: the one drawn is for their age at their latest chair stand.
 */
export function personCharts(
	words: Wording,
	person: OutcomePerson,
	points: OutcomePoint[]
): PersonTestChart[] {
	const { t, locale } = words;
	const tenths = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
	return OUTCOME_TESTS.flatMap((test) => {
		const mine = points.filter((point) => point.result.test === test);
		if (mine.length === 0) return [];
		const latest = mine[mine.length - 1]!;
		const name = t(`outcomes.test.${test}`);
		const format: ChartFormat = {
			x: (x) => shortDay(locale, dayOf(x), true),
			y: (y) =>
				test === 'tug' ? t('outcomes.result.tug', { seconds: tenths.format(y) }) : tenths.format(y),
			tick: (x) => shortDay(locale, dayOf(x), false)
		};
		const { thresholds, noCutoff } = cutoffOf(words, test, person, latest.on);
		const data = mine.map((point) => ({
			x: new Date(`${point.on}T12:00:00Z`),
			y: point.value,
			series: name
		}));
		return [
			{
				test,
				title: name,
				noCutoff,
				chart: {
					data,
					format,
					xLabel: t('reports.outcomes.date'),
					yLabel: t(`reports.outcomes.axis.${test}`),
					thresholds,
					yDomain: yDomainOf(test, mine, thresholds),
					description: t('reports.outcomes.line-description', {
						test: name,
						count: mine.length,
						first: shortDay(locale, mine[0]!.on, true),
						last: shortDay(locale, latest.on, true),
						latest: describeOutcomeResult(words, latest.result)
					})
				},
				table: {
					caption: t('reports.outcomes.person-table', { test: name, name: person.name }),
					columns: [
						t('reports.outcomes.date'),
						t(`reports.outcomes.axis.${test}`),
						t('reports.outcomes.result'),
						t('reports.outcomes.verdict'),
						t('reports.outcomes.where')
					],
					rows: mine.map((point, i) => [
						format.x(data[i]!.x),
						format.y(point.value),
						describeOutcomeResult(words, point.result),
						describeJudgement(words, test, point.judgement),
						t(point.inClass ? 'reports.outcomes.in-class' : 'reports.outcomes.on-page')
					])
				}
			}
		];
	});
}

/**
 * From 0, and above the highest result and the cut-off with room to spare, so a change of one
 * stand or a second looks its size (not stretched over the whole height). 4-stage: its 0-4.
 */
function yDomainOf(
	test: OutcomeTest,
	points: OutcomePoint[],
	thresholds: ChartThreshold[]
): [number, number] {
	if (test === 'four_stage_balance') return [0, 4];
	const top = Math.max(...points.map((p) => p.value), ...thresholds.map((line) => line.y));
	return [0, Math.ceil(top * 1.25)];
}

/** The dashed line a test's results are read against, or why there is none. */
function cutoffOf(
	{ t }: Wording,
	test: OutcomeTest,
	person: OutcomePerson,
	latestOn: string
): { thresholds: ChartThreshold[]; noCutoff: string | null } {
	if (test === 'tug') {
		const label = t('reports.outcomes.cutoff', { cutoff: TUG_FALL_RISK_SECONDS });
		return { thresholds: [{ y: TUG_FALL_RISK_SECONDS, label }], noCutoff: null };
	}
	if (test === 'four_stage_balance') {
		// Stage 3 held its 10 s plots as 3: stages 1 and 2 done plus all of the third.
		const label = t('reports.outcomes.cutoff-tandem', { cutoff: STAGE_SECONDS });
		return { thresholds: [{ y: TANDEM_STAGE, label }], noCutoff: null };
	}
	const age = ageOn(person.dateOfBirth, latestOn);
	const cutoff = chairStandCutoff({ age, sex: person.sex });
	if (typeof cutoff !== 'number') {
		const reason = t(`outcomes.verdict.no-norm.${cutoff.reason}`);
		return { thresholds: [], noCutoff: t('reports.outcomes.no-cutoff', { reason }) };
	}
	const sex = t(`outcomes.sex.${person.sex}`);
	const label = t('reports.outcomes.cutoff-chair', { cutoff, age, sex });
	return { thresholds: [{ y: cutoff, label }], noCutoff: null };
}

/**
 * Per series, a bar per test with the share improved; the table gives a row per series and
 * test: the share (as the bar's title says it), how many improved, of how many tested twice.
 */
export function seriesChart(
	words: Wording,
	rows: SeriesImprovement[]
): { chart: BarChartProps; table: ChartTable } {
	const { t, locale } = words;
	const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
	const format: ChartFormat = { x: (x) => String(x), y: (y) => percent.format(y / 100) };
	const testName = (test: OutcomeTest) => t(`outcomes.test.${test}`);
	// The tests in their usual order on every chart: the same colour and hatch for each.
	const ordered = [...rows].sort(
		(a, b) =>
			a.seriesName.localeCompare(b.seriesName, locale) ||
			OUTCOME_TESTS.indexOf(a.test) - OUTCOME_TESTS.indexOf(b.test)
	);
	const data = ordered.map((row) => ({
		x: row.seriesName,
		y: improvedPercent(row),
		series: testName(row.test)
	}));
	return {
		chart: {
			data,
			format,
			xLabel: t('reports.outcomes.series'),
			yLabel: t('reports.outcomes.share'),
			yDomain: [0, 100],
			seriesOrder: OUTCOME_TESTS.filter((test) => rows.some((row) => row.test === test)).map(
				testName
			),
			// Empty, the figure says so in its place: the description then says what would be shown.
			description:
				rows.length === 0
					? t('reports.outcomes.series-scope')
					: t('reports.outcomes.series-description', { rows: rows.length })
		},
		table: {
			caption: t('reports.outcomes.series-heading'),
			columns: [
				t('reports.outcomes.series'),
				t('reports.outcomes.test'),
				t('reports.outcomes.share'),
				t('reports.outcomes.improved'),
				t('reports.outcomes.tested')
			],
			rows: ordered.map((row, i) => [
				format.x(data[i]!.x),
				testName(row.test),
				format.y(data[i]!.y),
				row.improved,
				row.tested
			])
		}
	};
}
