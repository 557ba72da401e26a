/**
 * fast-check generators for the timeline specs. Test-only: nothing in the app imports this.
 * Ranges stay small so plans have few segments and a few hundred runs stay fast.
 */
import fc from 'fast-check';
import type { Dosing } from '../dosing';
import { PHASES } from '../domain';
import { T0 } from './fixtures';
import { applicable } from './state';
import type { Command, LogEntry, PlanBlock, RoutinePlan } from './types';

const sometimesZero = (max: number) => fc.oneof(fc.constant(0), fc.integer({ min: 1, max }));

const common = {
	sets: fc.integer({ min: 1, max: 3 }),
	restBetweenSetsSeconds: sometimesZero(30),
	perSide: fc.boolean()
};

export const timedDosingArb: fc.Arbitrary<Dosing> = fc.oneof(
	fc.record({
		kind: fc.constant('timed' as const),
		seconds: fc.integer({ min: 5, max: 60 }),
		...common
	}),
	fc.record({
		kind: fc.constant('hold' as const),
		holdSeconds: fc.integer({ min: 1, max: 20 }),
		reps: fc.integer({ min: 1, max: 5 }),
		restBetweenRepsSeconds: sometimesZero(10),
		...common
	})
);

const repsFields = {
	kind: fc.constant('reps' as const),
	reps: fc.integer({ min: 1, max: 20 }),
	secondsPerRep: fc.integer({ min: 1, max: 6 }),
	...common
};

/** Reps that move on at their planned time: they run on time alone, like timed work. */
export const movingRepsDosingArb: fc.Arbitrary<Dosing> = fc.record(repsFields);

/** Reps with and without their own "wait for Done" (absent, false or true). */
export const repsDosingArb: fc.Arbitrary<Dosing> = fc.record(
	{ ...repsFields, waitForDone: fc.boolean() },
	{ requiredKeys: ['kind', 'reps', 'secondsPerRep', 'sets', 'restBetweenSetsSeconds', 'perSide'] }
);

export const dosingArb = fc.oneof(timedDosingArb, repsDosingArb);

function blockArb(
	dosing: fc.Arbitrary<Dosing>,
	waitForDone: fc.Arbitrary<boolean>
): fc.Arbitrary<Omit<PlanBlock, 'id'>> {
	const phase = fc.constantFrom(...PHASES);
	return fc.oneof(
		fc.record({
			kind: fc.constant('exercise' as const),
			phase,
			dosing,
			name: fc.constantFrom('Heel raises', 'Tandem stance', 'Bridge'),
			cue: fc.constantFrom('Slow and steady', 'Hold the rail'),
			supportTiers: fc.constantFrom({}, { seated: 'Sit tall' }),
			waitForDone
		}),
		fc.record({
			kind: fc.constantFrom('rest' as const, 'transition' as const),
			phase,
			// 0 s happens in saved routines; the engine must pass over it.
			seconds: sometimesZero(60),
			name: fc.constantFrom('Rest', 'Get ready'),
			cue: fc.constant(''),
			supportTiers: fc.constant({})
		})
	);
}

function planOf(
	dosing: fc.Arbitrary<Dosing>,
	waitForDone: fc.Arbitrary<boolean>
): fc.Arbitrary<RoutinePlan> {
	return fc
		.array(blockArb(dosing, waitForDone), { minLength: 1, maxLength: 6 })
		.map((blocks) => ({ blocks: blocks.map((block, index) => ({ ...block, id: `b${index}` })) }));
}

/** Any plan: reps blocks that move on, and ones that wait for Done (by the block or its dosing). */
export const planArb = planOf(dosingArb, fc.boolean());
/** Plans that run start to end on time alone: no block waits for Done. */
export const timedPlanArb = planOf(
	fc.oneof(timedDosingArb, movingRepsDosingArb),
	fc.constant(false)
);

/** 'end' closes a log for good, so it comes up less often than the rest. */
export const commandArb: fc.Arbitrary<Command> = fc.oneof(
	{
		weight: 8,
		arbitrary: fc.constantFrom<Command>(
			{ type: 'start' },
			{ type: 'pause' },
			{ type: 'resume' },
			{ type: 'next' },
			{ type: 'back' },
			{ type: 'done' }
		)
	},
	{ weight: 1, arbitrary: fc.constantFrom<Command>({ type: 'end' }, { type: 'stop' }) },
	{
		weight: 2,
		arbitrary: fc
			.integer({ min: -700, max: 700 })
			.map((seconds): Command => ({ type: 'extend', seconds }))
	},
	{
		weight: 1,
		arbitrary: fc
			.integer({ min: -1, max: 7 })
			.map((blockIndex): Command => ({ type: 'jump', blockIndex }))
	}
);

/** Gaps between commands, in ms: 0 (same instant) happens, as do a few seconds and minutes. */
const gapArb = fc.oneof(
	fc.constant(0),
	fc.integer({ min: 1, max: 3000 }),
	fc.integer({ min: 1, max: 120_000 })
);

export type Step = { gap: number; command: Command };
export const stepsArb = fc.array(fc.record({ gap: gapArb, command: commandArb }), {
	maxLength: 25
});

/** Every step appended as is, applicable or not; times never decrease. */
export function rawLog(steps: Step[]): LogEntry[] {
	let at = T0;
	return steps.map((step, seq) => {
		at += step.gap;
		return { seq, at, command: step.command };
	});
}

/** A log as the server keeps it: 'start' first, then only the steps applicable accepts. */
export function acceptedLog(plan: RoutinePlan, steps: Step[]): LogEntry[] {
	const log: LogEntry[] = [{ seq: 0, at: T0, command: { type: 'start' } }];
	let at = T0;
	for (const step of steps) {
		at += step.gap;
		if (applicable(plan, log, step.command, at).ok) {
			log.push({ seq: log.length, at, command: step.command });
		}
	}
	return log;
}

export { T0 };

export function lastAt(log: LogEntry[]): number {
	return log[log.length - 1]?.at ?? T0;
}

export function deepFreeze<T>(value: T): T {
	if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const inner of Object.values(value)) deepFreeze(inner);
	}
	return value;
}
