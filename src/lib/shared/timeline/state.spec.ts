import { describe, expect, it } from 'vitest';
import { at, logOf, plan, started, T0 } from './fixtures';
import { classState } from './index';
import type { RoutinePlan } from './types';

describe('classState over time', () => {
	it('shows the first block before the start', () => {
		const state = classState(plan, [], at(30));
		expect(state).toMatchObject({
			status: 'not_started',
			blockIndex: 0,
			block: plan.blocks[0],
			phase: 'warm_up',
			segment: null,
			segmentRemainingMs: null,
			blockRemainingMs: 10_000,
			next: { blockIndex: 1, name: 'March in place', kind: 'exercise' },
			nextExercise: { blockIndex: 1, name: 'March in place' },
			elapsedMs: 0,
			totalRemainingMs: 102_000,
			progress: 0,
			startedAt: null,
			endedAt: null
		});
	});

	it('counts down the current segment once started', () => {
		const state = classState(plan, started(), at(4));
		expect(state).toMatchObject({
			status: 'running',
			blockIndex: 0,
			segmentIndex: 0,
			segmentElapsedMs: 4000,
			segmentRemainingMs: 6000,
			segmentDurationMs: 10_000,
			blockRemainingMs: 6000,
			elapsedMs: 4000,
			totalRemainingMs: 98_000,
			startedAt: T0
		});
		expect(state.segment?.kind).toBe('transition');
		expect(state.progress).toBeCloseTo(4 / 102);
	});

	it('moves on at the exact instant a segment runs out', () => {
		expect(classState(plan, started(), at(10) - 1)).toMatchObject({ blockIndex: 0 });
		expect(classState(plan, started(), at(10))).toMatchObject({
			blockIndex: 1,
			segmentElapsedMs: 0,
			segmentRemainingMs: 30_000
		});
	});

	it('names the next exercise during a rest', () => {
		const state = classState(plan, started(), at(45));
		expect(state.block?.kind).toBe('rest');
		expect(state.next).toEqual({ blockIndex: 3, name: 'Sit to stand', kind: 'exercise' });
		expect(state.nextExercise).toEqual({ blockIndex: 3, name: 'Sit to stand' });
	});

	it('waits in a reps exercise until Done, counting up', () => {
		const waiting = classState(plan, started(), at(600));
		expect(waiting).toMatchObject({
			status: 'running',
			blockIndex: 3,
			segmentElapsedMs: 540_000,
			segmentRemainingMs: null,
			segmentDurationMs: null,
			blockRemainingMs: 0,
			totalRemainingMs: 12_000
		});
		const after = classState(plan, started([70, { type: 'done' }]), at(71));
		expect(after).toMatchObject({ blockIndex: 4, segmentIndex: 0, segmentElapsedMs: 1000 });
		expect(after.segment).toMatchObject({ kind: 'hold', rep: 1, reps: 2 });
		expect(after.nextExercise).toBeNull();
		expect(after.next).toBeNull();
	});

	it('counts what is left of a manual segment by its plan', () => {
		const state = classState(plan, started(), at(70));
		expect(state.blockRemainingMs).toBe(20_000);
		expect(state.totalRemainingMs).toBe(32_000);
	});

	it('finishes at the instant the last segment ends', () => {
		const log = started([60, { type: 'done' }]);
		expect(classState(plan, log, at(72) - 1).status).toBe('running');
		const done = classState(plan, log, at(500));
		expect(done).toMatchObject({
			status: 'finished',
			blockIndex: 4,
			segment: null,
			segmentRemainingMs: null,
			blockRemainingMs: 0,
			totalRemainingMs: 0,
			progress: 1,
			elapsedMs: 72_000,
			endedAt: at(72),
			next: null,
			nextExercise: null
		});
	});

	it('freezes while paused and carries on after resume', () => {
		const log = started([5, { type: 'pause' }]);
		expect(classState(plan, log, at(50))).toEqual(classState(plan, log, at(6)));
		expect(classState(plan, log, at(50))).toMatchObject({ status: 'paused', elapsedMs: 5000 });
		const resumed = classState(plan, [...log, ...logOf([50, { type: 'resume' }])], at(56));
		expect(resumed).toMatchObject({ status: 'running', blockIndex: 1, segmentElapsedMs: 1000 });
		expect(resumed.elapsedMs).toBe(11_000);
	});

	it('freezes on an emergency stop and still shows where the class is', () => {
		const state = classState(plan, started([15, { type: 'stop' }]), at(90));
		expect(state).toMatchObject({
			status: 'stopped',
			blockIndex: 1,
			segmentElapsedMs: 5000,
			segmentRemainingMs: 25_000,
			elapsedMs: 15_000
		});
	});

	it('keeps how far an ended class got', () => {
		const state = classState(plan, started([51, { type: 'end' }]), at(90));
		expect(state).toMatchObject({
			status: 'ended',
			blockIndex: 2,
			segment: null,
			totalRemainingMs: 0,
			endedAt: at(51),
			elapsedMs: 51_000
		});
		expect(state.progress).toBeCloseTo(51 / 102);
	});

	it('keeps the finish instant when staff close a finished class', () => {
		const log = started([60, { type: 'done' }], [100, { type: 'end' }]);
		expect(classState(plan, log, at(200))).toMatchObject({
			status: 'ended',
			endedAt: at(72),
			progress: 1
		});
	});

	it('ignores log entries that do not apply instead of throwing', () => {
		const log = logOf([0, { type: 'pause' }], [1, { type: 'start' }], [2, { type: 'start' }]);
		expect(classState(plan, log, at(3))).toMatchObject({ status: 'running', elapsedMs: 2000 });
	});

	it('passes over 0 s rests and exercise blocks without dosing', () => {
		const gappy: RoutinePlan = {
			blocks: [
				{ ...plan.blocks[2]!, id: 'a', seconds: 0 },
				{ ...plan.blocks[1]!, id: 'b', dosing: undefined },
				{ ...plan.blocks[1]!, id: 'c' },
				{ ...plan.blocks[2]!, id: 'd', seconds: 0 }
			]
		};
		expect(classState(gappy, started(), at(0))).toMatchObject({ blockIndex: 2 });
		expect(classState(gappy, started(), at(30))).toMatchObject({
			status: 'finished',
			blockIndex: 3,
			endedAt: at(30)
		});
	});

	it('has no block for an empty plan', () => {
		expect(classState({ blocks: [] }, [], T0)).toMatchObject({
			status: 'not_started',
			block: null,
			phase: null,
			next: null,
			totalRemainingMs: 0,
			progress: 0
		});
	});
});
