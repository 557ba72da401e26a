import type { NormSex, OutcomeJudgement, OutcomeResult, OutcomeTest } from '../shared/outcomes';

/**
 * The outcomes report's data (issue 14), as the server reads it and the page words it: plain
 * values, so a page load can hand it over as it is.
 */

export type OutcomePerson = {
	id: string;
	name: string;
	dateOfBirth: string;
	sex: NormSex;
};

export type OutcomePoint = {
	id: string;
	/** The clinic's local date of the test. */
	on: string;
	recordedAt: Date;
	result: OutcomeResult;
	/** What the chart plots (outcomeValue). */
	value: number;
	judgement: OutcomeJudgement;
	/** Taken in a class (else on the participant's page). */
	inClass: boolean;
};

export type SeriesImprovement = {
	seriesId: string;
	seriesName: string;
	test: OutcomeTest;
	/** Participants with at least two results of the test in the range. */
	tested: number;
	/** Of those, whose latest result is better than their first. */
	improved: number;
};

/** The share improved, as a whole percentage (what the chart and table show). */
export function improvedPercent(row: { tested: number; improved: number }): number {
	return row.tested === 0 ? 0 : Math.round((100 * row.improved) / row.tested);
}
