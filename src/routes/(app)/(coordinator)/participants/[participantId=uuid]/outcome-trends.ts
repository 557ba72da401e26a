import type { ChartDatum } from '$lib/components/charts/chart-types';
import type { ParticipantTest } from '$lib/server/outcomes/participant-tests';
import {
	BALANCE_STAGES,
	OUTCOME_TESTS,
	STAGE_SECONDS,
	TANDEM_STAGE,
	outcomeValue,
	type OutcomeTest
} from '$lib/shared/outcomes';

/**
 * A participant's results of one test as a trend: oldest first, the value each result plots
 * (outcomeValue: TUG seconds, chair stand score, 4-stage stages completed) and the cut-off line.
 */
export type Trend = {
	test: OutcomeTest;
	data: ChartDatum[];
	cutoff: number | null;
	/** From 0, so a change of one stand or one second looks its size; the cut-off in view. */
	yDomain: [number, number];
};

/** The point a test's date is drawn at: midday UTC keeps it on its day on any axis. */
export const dayPoint = (date: string) => new Date(`${date}T12:00:00Z`);

/** The 4-stage balance's cut-off in plotted units: tandem (stage 3) held its 10 s. */
const BALANCE_CUTOFF = TANDEM_STAGE - 1 + STAGE_SECONDS / STAGE_SECONDS;

/**
 * One trend per test that has results, in the tests' order. `series`: the test's name. The
 * chair stand's cut-off depends on age and sex: the latest result's own (none without a norm).
 */
export function trendsOf(
	tests: readonly ParticipantTest[],
	nameOf: (test: OutcomeTest) => string
): Trend[] {
	return OUTCOME_TESTS.flatMap((test) => {
		const results = tests
			.filter((t) => t.result.test === test)
			.sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());
		const latest = results.at(-1);
		if (!latest) return [];
		const judged = latest.judgement;
		const cutoff =
			test === 'four_stage_balance'
				? BALANCE_CUTOFF
				: judged.verdict === 'no-norm'
					? null
					: judged.cutoff;
		const data = results.map((t) => ({
			x: dayPoint(t.date),
			y: outcomeValue(t.result),
			series: nameOf(test)
		}));
		const top =
			test === 'four_stage_balance'
				? BALANCE_STAGES.length
				: Math.ceil(Math.max(cutoff ?? 0, ...data.map((d) => d.y)) * 1.15);
		return [{ test, data, cutoff, yDomain: [0, Math.max(1, top)] }];
	});
}
