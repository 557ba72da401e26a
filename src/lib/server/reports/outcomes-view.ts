import type {
	BarChartProps,
	ChartTable,
	ChartThreshold,
	LineChartProps
} from '../../components/charts/chart-types';
import { describeJudgement, describeOutcomeResult } from '../../shared/describe-outcome';
import {
	OUTCOME_TESTS,
	STAGE_SECONDS,
	TANDEM_STAGE,
	TUG_FALL_RISK_SECONDS,
	ageOn,
	chairStandCutoff,
	type OutcomeTest
} from '../../shared/outcomes';
import type { Wording } from '../../shared/rules';
import {
	improvedPercent,
	type OutcomePerson,
	type OutcomePoint,
	type SeriesImprovement
} from './outcomes';

/** The outcomes report as the page shows it and the CSV writes it, in the reader's language. */

export type PersonTestChart = {
	test: OutcomeTest;
	title: string;
	chart: LineChartProps;
	/** Why no cut-off is drawn (chair stand: age or sex outside the norms), else null. */
	noCutoff: string | null;
	table: ChartTable;
};

/**
 * One line chart per test the participant took in the range. The chair stand's cut-off depends
 * on age and sex: the one drawn is for their age at their latest chair stand.
 */
export function personCharts(
	words: Wording,
	person: OutcomePerson,
	points: OutcomePoint[]
): PersonTestChart[] {
	const { t } = words;
	return OUTCOME_TESTS.flatMap((test) => {
		const mine = points.filter((point) => point.result.test === test);
		if (mine.length === 0) return [];
		const latest = mine[mine.length - 1]!;
		const name = t(`outcomes.test.${test}`);
		let thresholds: ChartThreshold[] = [];
		let noCutoff: string | null = null;
		if (test === 'chair_stand_30s') {
			const age = ageOn(person.dateOfBirth, latest.on);
			const cutoff = chairStandCutoff({ age, sex: person.sex });
			if (typeof cutoff === 'number') {
				thresholds = [
					{
						y: cutoff,
						label: t('reports.outcomes.cutoff-chair', {
							cutoff,
							age,
							sex: t(`outcomes.sex.${person.sex}`)
						})
					}
				];
			} else {
				noCutoff = t('reports.outcomes.no-cutoff', {
					reason: t(`outcomes.verdict.no-norm.${cutoff.reason}`)
				});
			}
		} else if (test === 'tug') {
			thresholds = [
				{
					y: TUG_FALL_RISK_SECONDS,
					label: t('reports.outcomes.cutoff', { cutoff: TUG_FALL_RISK_SECONDS })
				}
			];
		} else {
			// Stage 3 held its 10 s plots as 3: stages 1 and 2 done plus all of the third.
			thresholds = [
				{ y: TANDEM_STAGE, label: t('reports.outcomes.cutoff-tandem', { cutoff: STAGE_SECONDS }) }
			];
		}
		const day = (iso: string) => iso;
		return [
			{
				test,
				title: name,
				noCutoff,
				chart: {
					data: mine.map((point) => ({
						x: new Date(`${point.on}T12:00:00Z`),
						y: point.value,
						series: name
					})),
					xLabel: t('reports.outcomes.date'),
					yLabel: t(`reports.outcomes.axis.${test}`),
					thresholds,
					yDomain: test === 'four_stage_balance' ? [0, 4] : undefined,
					description: t('reports.outcomes.line-description', {
						test: name,
						count: mine.length,
						first: day(mine[0]!.on),
						last: day(latest.on),
						latest: describeOutcomeResult(words, latest.result)
					})
				},
				table: {
					caption: name,
					columns: [
						t('reports.outcomes.date'),
						t('reports.outcomes.result'),
						t('reports.outcomes.value'),
						t('reports.outcomes.verdict'),
						t('reports.outcomes.where')
					],
					rows: mine.map((point) => [
						point.on,
						describeOutcomeResult(words, point.result),
						Math.round(point.value * 10) / 10,
						describeJudgement(words, test, point.judgement),
						t(point.inClass ? 'reports.outcomes.in-class' : 'reports.outcomes.on-page')
					])
				}
			}
		];
	});
}

/** Per series and test, the share improved: one bar chart (bars side by side) and its table. */
export function seriesChart(
	words: Wording,
	rows: SeriesImprovement[]
): { chart: BarChartProps; table: ChartTable } {
	const { t } = words;
	return {
		chart: {
			data: rows.map((row) => ({
				x: row.seriesName,
				y: improvedPercent(row),
				series: t(`outcomes.test.${row.test}`)
			})),
			xLabel: t('reports.outcomes.series'),
			yLabel: t('reports.outcomes.share'),
			yDomain: [0, 100],
			description:
				rows.length === 0
					? t('reports.outcomes.series-empty')
					: t('reports.outcomes.series-description', { rows: rows.length })
		},
		table: {
			caption: t('reports.outcomes.series-heading'),
			columns: [
				t('reports.outcomes.series'),
				t('reports.outcomes.test'),
				t('reports.outcomes.improved'),
				t('reports.outcomes.tested'),
				t('reports.outcomes.share')
			],
			rows: rows.map((row) => [
				row.seriesName,
				t(`outcomes.test.${row.test}`),
				row.improved,
				row.tested,
				improvedPercent(row)
			])
		}
	};
}
