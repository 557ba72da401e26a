import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plannedDosingSeconds, plannedRoutineSeconds, type Dosing } from '../dosing';
import { dosingArb, planArb } from './arbitraries';
import { expandBlock, plannedTotalMs } from './index';
import type { PlanBlock } from './types';

const exercise = (dosing: Dosing): PlanBlock => ({
	id: 'x',
	kind: 'exercise',
	phase: 'main',
	dosing,
	name: 'Heel raises',
	cue: 'Slow',
	supportTiers: {}
});
/** One set, one side: what most of these doses share. */
const oneSet = { sets: 1, restBetweenSetsSeconds: 0, perSide: false };
const brief = (block: PlanBlock) =>
	expandBlock(block).map((s) => [s.kind, s.durationMs, s.set, s.side, s.rep]);

describe('expandBlock', () => {
	it('makes a rest or transition one segment of its length', () => {
		const rest: PlanBlock = {
			id: 'r',
			kind: 'rest',
			phase: 'main',
			seconds: 30,
			name: 'Rest',
			cue: '',
			supportTiers: {}
		};
		expect(expandBlock(rest)).toEqual([
			{
				kind: 'rest',
				durationMs: 30_000,
				plannedMs: 30_000,
				set: 1,
				sets: 1,
				side: null,
				rep: null,
				reps: null
			}
		]);
		expect(brief({ ...rest, kind: 'transition', seconds: 10 })).toEqual([
			['transition', 10_000, 1, null, null]
		]);
		expect(brief({ ...rest, seconds: undefined })).toEqual([['rest', 0, 1, null, null]]);
	});

	it('runs timed sets per side with a switch pause and rests between sets', () => {
		const block = exercise({
			kind: 'timed',
			seconds: 30,
			sets: 2,
			restBetweenSetsSeconds: 20,
			perSide: true
		});
		expect(brief(block)).toEqual([
			['work', 30_000, 1, 'left', null],
			['switch_sides', 5_000, 1, null, null],
			['work', 30_000, 1, 'right', null],
			['set_rest', 20_000, 1, null, null],
			['work', 30_000, 2, 'left', null],
			['switch_sides', 5_000, 2, null, null],
			['work', 30_000, 2, 'right', null]
		]);
	});

	it('leaves out a 0 s rest between sets', () => {
		const block = exercise({ kind: 'timed', seconds: 10, ...oneSet, sets: 2 });
		expect(brief(block)).toEqual([
			['work', 10_000, 1, null, null],
			['work', 10_000, 2, null, null]
		]);
	});

	it('repeats holds with rest between, not after the last', () => {
		/** `reps` holds of `holdSeconds`, `restSeconds` apart. */
		const holds = (holdSeconds: number, reps: number, restSeconds: number) =>
			exercise({ kind: 'hold', holdSeconds, reps, restBetweenRepsSeconds: restSeconds, ...oneSet });
		const block = holds(10, 3, 5);
		expect(brief(block)).toEqual([
			['hold', 10_000, 1, null, 1],
			['rep_rest', 5_000, 1, null, 1],
			['hold', 10_000, 1, null, 2],
			['rep_rest', 5_000, 1, null, 2],
			['hold', 10_000, 1, null, 3]
		]);
		expect(expandBlock(block).every((s) => s.reps === 3)).toBe(true);
		const noRest = holds(4, 2, 0);
		expect(brief(noRest)).toEqual([
			['hold', 4_000, 1, null, 1],
			['hold', 4_000, 1, null, 2]
		]);
	});

	const repsDose: Dosing = { kind: 'reps', reps: 12, secondsPerRep: 3, ...oneSet, perSide: true };
	const repsBrief = (block: PlanBlock) =>
		expandBlock(block).map((s) => [s.kind, s.durationMs, s.plannedMs, s.side, s.reps]);

	it('times each side of a reps dose at reps x seconds per rep', () => {
		const segments = expandBlock(exercise(repsDose));
		expect(repsBrief(exercise(repsDose))).toEqual([
			['reps', 36_000, 36_000, 'left', 12],
			['switch_sides', 5_000, 5_000, null, null],
			['reps', 36_000, 36_000, 'right', 12]
		]);
		expect(repsBrief({ ...exercise(repsDose), waitForDone: false })).toEqual(
			repsBrief(exercise(repsDose))
		);
		expect(segments[0]?.rep).toBeNull();
	});

	it('makes each side a manual segment when the block or its dosing waits for Done', () => {
		const waiting = [
			['manual', null, 36_000, 'left', 12],
			['switch_sides', 5_000, 5_000, null, null],
			['manual', null, 36_000, 'right', 12]
		];
		expect(repsBrief({ ...exercise(repsDose), waitForDone: true })).toEqual(waiting);
		expect(repsBrief(exercise({ ...repsDose, waitForDone: true }))).toEqual(waiting);
	});

	it('gives an exercise block without dosing no segments', () => {
		expect(
			expandBlock({ ...exercise({ kind: 'timed', seconds: 5, ...oneSet }), dosing: undefined })
		).toEqual([]);
	});

	it('plans exactly plannedDosingSeconds for any dosing', () => {
		fc.assert(
			fc.property(dosingArb, (dosing) => {
				const segments = expandBlock(exercise(dosing));
				const planned = segments.reduce((total, s) => total + s.plannedMs, 0);
				expect(planned).toBe(plannedDosingSeconds(dosing) * 1000);
				for (const s of segments) {
					expect(s.durationMs === null ? s.kind === 'manual' : s.durationMs === s.plannedMs).toBe(
						true
					);
					// A reps dose is timed unless its dosing asks to wait for Done.
					if (s.reps !== null && s.kind !== 'hold' && s.kind !== 'rep_rest') {
						expect(s.kind).toBe(dosing.kind === 'reps' && dosing.waitForDone ? 'manual' : 'reps');
					}
					expect(s.plannedMs).toBeGreaterThan(0);
				}
			}),
			{ numRuns: 200 }
		);
	});

	it('plans a routine exactly as plannedRoutineSeconds does', () => {
		fc.assert(
			fc.property(planArb, (plan) => {
				const seconds = plannedRoutineSeconds(plan.blocks, () => {
					throw new Error('every exercise block carries its dosing');
				});
				expect(plannedTotalMs(plan)).toBe(seconds * 1000);
			}),
			{ numRuns: 200 }
		);
	});
});
