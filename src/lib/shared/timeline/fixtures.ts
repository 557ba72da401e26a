/** A small routine the example specs share. Test-only. */
import type { Command, LogEntry, RoutinePlan } from './types';

export const T0 = 1_750_000_000_000;
/** The instant `seconds` after T0. */
export const at = (seconds: number) => T0 + seconds * 1000;

/** `[seconds after T0, command]` pairs as a log, in the order given. */
export function logOf(...entries: [number, Command][]): LogEntry[] {
	return entries.map(([seconds, command], seq) => ({ seq, at: at(seconds), command }));
}

export const started = (...more: [number, Command][]) => logOf([0, { type: 'start' }], ...more);

const single = { sets: 1, restBetweenSetsSeconds: 0, perSide: false };

/**
 * 0 Get ready 10 s · 1 March 30 s · 2 Rest 20 s · 3 Sit to stand 10 reps x 3 s, waits for
 * Done (manual) · 4 Tandem stance hold 5 s x 2, 2 s between. 102 s planned; block 3 starts at
 * 60 s. `timedRepsPlan` is the same with Sit to stand moving on by itself.
 */
export const plan: RoutinePlan = {
	blocks: [
		{
			id: 'ready',
			kind: 'transition',
			phase: 'warm_up',
			seconds: 10,
			name: 'Get ready',
			cue: 'Find your chair',
			supportTiers: {}
		},
		{
			id: 'march',
			kind: 'exercise',
			phase: 'warm_up',
			dosing: { kind: 'timed', seconds: 30, ...single },
			name: 'March in place',
			cue: 'Knees up',
			supportTiers: { seated: 'March seated' }
		},
		{
			id: 'rest',
			kind: 'rest',
			phase: 'main',
			seconds: 20,
			name: 'Rest',
			cue: '',
			supportTiers: {}
		},
		{
			id: 'sts',
			kind: 'exercise',
			phase: 'main',
			dosing: { kind: 'reps', reps: 10, secondsPerRep: 3, ...single },
			name: 'Sit to stand',
			cue: 'Nose over toes',
			supportTiers: {},
			waitForDone: true
		},
		{
			id: 'tandem',
			kind: 'exercise',
			phase: 'cool_down',
			dosing: { kind: 'hold', holdSeconds: 5, reps: 2, restBetweenRepsSeconds: 2, ...single },
			name: 'Tandem stance',
			cue: 'Heel to toe',
			supportTiers: {}
		}
	]
};

export const timedRepsPlan: RoutinePlan = {
	blocks: plan.blocks.map((block) =>
		block.id === 'sts' ? { ...block, waitForDone: false } : block
	)
};
