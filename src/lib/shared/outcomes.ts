import { z } from 'zod';
import { ASSISTIVE_DEVICES } from './domain';

/**
 * The standard outcome tests a group class can run (clinical.md section 3, CDC STEADI), their
 * results as recorded, and the cut-offs that flag a result. Pure: the phone, the server, the
 * notes, the FHIR export and the reports all judge a result here, so they never disagree.
 */

export const OUTCOME_TESTS = ['chair_stand_30s', 'tug', 'four_stage_balance'] as const;
export type OutcomeTest = (typeof OUTCOME_TESTS)[number];

/** The 4-stage balance test's stages, in order; 10 s each, stop at the first failure. */
export const BALANCE_STAGES = ['feet_together', 'semi_tandem', 'tandem', 'single_leg'] as const;
export type BalanceStage = (typeof BALANCE_STAGES)[number];
/** Stage numbers as recorded: 1 = feet together ... 4 = single leg. */
export const TANDEM_STAGE = 3;
export const STAGE_SECONDS = 10;

/** Sex as the STEADI norms need it; a participant's record may leave it unrecorded. */
export const NORM_SEXES = ['female', 'male', 'not_recorded'] as const;
export type NormSex = (typeof NORM_SEXES)[number];

export const TUG_FALL_RISK_SECONDS = 12;

/** Whole tenths of a second: what a stopwatch shows. */
const tenths = (value: number) => Math.abs(value * 10 - Math.round(value * 10)) < 1e-9;

export const outcomeResultSchema = z.discriminatedUnion('test', [
	z
		.object({
			test: z.literal('chair_stand_30s'),
			/** Full stands in 30 s. */
			count: z
				.number()
				.int('outcomes.count-whole')
				.min(0, 'outcomes.count-range')
				.max(60, 'outcomes.count-range'),
			/** Arms used to stand: the STEADI score is then 0. */
			armsUsed: z.boolean()
		})
		.strict(),
	z
		.object({
			test: z.literal('tug'),
			seconds: z
				.number()
				.min(1, 'outcomes.tug-range')
				.max(300, 'outcomes.tug-range')
				.refine(tenths, 'outcomes.tug-tenths'),
			device: z.enum(ASSISTIVE_DEVICES)
		})
		.strict(),
	z
		.object({
			test: z.literal('four_stage_balance'),
			/** The stage the test ended in: failed there, or 4 when every stage was tried. */
			stage: z
				.number()
				.int('outcomes.stage-range')
				.min(1, 'outcomes.stage-range')
				.max(BALANCE_STAGES.length, 'outcomes.stage-range'),
			/** Seconds held in that stage (10 means it was held). */
			seconds: z
				.number()
				.min(0, 'outcomes.hold-range')
				.max(STAGE_SECONDS, 'outcomes.hold-range')
				.refine(tenths, 'outcomes.tug-tenths')
		})
		.strict()
]);
export type OutcomeResult = z.infer<typeof outcomeResultSchema>;

/** The CDC STEADI 30-second chair stand: below average under these counts (clinical.md). */
export const CHAIR_STAND_BELOW_AVERAGE: readonly {
	fromAge: number;
	toAge: number;
	male: number;
	female: number;
}[] = [
	{ fromAge: 60, toAge: 64, male: 14, female: 12 },
	{ fromAge: 65, toAge: 69, male: 12, female: 11 },
	{ fromAge: 70, toAge: 74, male: 12, female: 10 },
	{ fromAge: 75, toAge: 79, male: 11, female: 10 },
	{ fromAge: 80, toAge: 84, male: 10, female: 9 },
	{ fromAge: 85, toAge: 89, male: 8, female: 8 },
	{ fromAge: 90, toAge: 94, male: 7, female: 4 }
];

/** Who is tested, as the cut-offs need it. */
export type TestedPerson = { age: number; sex: NormSex };

/**
 * How a result stands against its cut-off:
 * - 'flag': below average / fall risk (the note and reports list it),
 * - 'ok': at or better than the cut-off,
 * - 'no-norm': the cut-off does not cover this person (chair stand: age outside 60-94 or sex
 *   not recorded). `cutoff` is the number compared against, for the words beside the result.
 */
export type OutcomeJudgement =
	{ verdict: 'flag' | 'ok'; cutoff: number } | { verdict: 'no-norm'; reason: 'age' | 'sex' };

/** The STEADI score: stands counted, or 0 when the arms were used. */
export function chairStandScore(result: { count: number; armsUsed: boolean }): number {
	return result.armsUsed ? 0 : result.count;
}

export function chairStandCutoff(person: TestedPerson): number | { reason: 'age' | 'sex' } {
	const row = CHAIR_STAND_BELOW_AVERAGE.find(
		(r) => person.age >= r.fromAge && person.age <= r.toAge
	);
	if (!row) return { reason: 'age' };
	if (person.sex === 'not_recorded') return { reason: 'sex' };
	return row[person.sex];
}

/** Whether the tandem stance (stage 3) was held for its 10 s. */
export function heldTandem(result: { stage: number; seconds: number }): boolean {
	return (
		result.stage > TANDEM_STAGE ||
		(result.stage === TANDEM_STAGE && result.seconds >= STAGE_SECONDS)
	);
}

export function judgeOutcome(result: OutcomeResult, person: TestedPerson): OutcomeJudgement {
	switch (result.test) {
		case 'chair_stand_30s': {
			const cutoff = chairStandCutoff(person);
			if (typeof cutoff !== 'number') return { verdict: 'no-norm', reason: cutoff.reason };
			return { verdict: chairStandScore(result) < cutoff ? 'flag' : 'ok', cutoff };
		}
		case 'tug':
			return {
				verdict: result.seconds >= TUG_FALL_RISK_SECONDS ? 'flag' : 'ok',
				cutoff: TUG_FALL_RISK_SECONDS
			};
		case 'four_stage_balance':
			return { verdict: heldTandem(result) ? 'ok' : 'flag', cutoff: STAGE_SECONDS };
	}
}

/**
 * One number per result where higher is better, so results of one test compare: chair stand
 * score; TUG negated seconds; 4-stage stages completed plus the fraction of the last one held
 * (stage 3 held 4 s = 2.4).
 */
export function outcomeScore(result: OutcomeResult): number {
	switch (result.test) {
		case 'chair_stand_30s':
			return chairStandScore(result);
		case 'tug':
			return -result.seconds;
		case 'four_stage_balance':
			return result.stage - 1 + result.seconds / STAGE_SECONDS;
	}
}

/** The number a chart plots for a result (the TUG in seconds, not negated). */
export function outcomeValue(result: OutcomeResult): number {
	return result.test === 'tug' ? result.seconds : outcomeScore(result);
}

/** Improved: the latest result of a test is better than the first (any amount). */
export function improved(first: OutcomeResult, latest: OutcomeResult): boolean {
	if (first.test !== latest.test) throw new Error('improved() compares results of one test');
	return outcomeScore(latest) > outcomeScore(first);
}

/** Whole years of age on a day (ISO dates): what the norms' age bands mean. */
export function ageOn(dateOfBirth: string, day: string): number {
	const [by = 0, bm = 0, bd = 0] = dateOfBirth.split('-').map(Number);
	const [y = 0, m = 0, d = 0] = day.split('-').map(Number);
	return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
