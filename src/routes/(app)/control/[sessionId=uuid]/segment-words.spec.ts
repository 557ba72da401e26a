import { describe, expect, it } from 'vitest';
import { translator } from '$lib/i18n/translate';
import { classState, type RoutinePlan } from '$lib/shared/timeline';
import { at, logOf } from '$lib/shared/timeline/fixtures';
import { segmentClock, segmentDetails, segmentTitle, waitsForDone } from './segment-words';

const base = { phase: 'main' as const, cue: '', supportTiers: {} };

/** A per-side hold, 2 sets (0 s..), then a reps block waiting for Done. */
const plan: RoutinePlan = {
	blocks: [
		{
			...base,
			id: 'hold',
			kind: 'exercise',
			name: 'Tandem stance',
			dosing: {
				kind: 'hold',
				holdSeconds: 10,
				reps: 3,
				restBetweenRepsSeconds: 5,
				sets: 2,
				restBetweenSetsSeconds: 30,
				perSide: true
			}
		},
		{
			...base,
			id: 'reps',
			kind: 'exercise',
			name: 'Sit-to-stand',
			waitForDone: true,
			dosing: {
				kind: 'reps',
				reps: 10,
				secondsPerRep: 3,
				sets: 1,
				restBetweenSetsSeconds: 0,
				perSide: false
			}
		}
	]
};

const t = translator('en');
const started = logOf([0, { type: 'start' }]);
const texts = (seconds: number, log = started) =>
	segmentDetails(classState(plan, log, at(seconds)), t).map((d) => d.text);

describe('the current block in words', () => {
	it('names side, set and hold, and the rest after a hold', () => {
		expect(texts(1)).toEqual(['LEFT', 'Set 1 of 2', 'Hold 1 of 3']);
		// 10 s hold, then 5 s rest after it.
		expect(texts(12)).toEqual(['LEFT', 'Set 1 of 2', 'After hold 1 of 3']);
		expect(texts(16)).toEqual(['LEFT', 'Set 1 of 2', 'Hold 2 of 3']);
		// Left: 3 holds and 2 rests = 40 s, then 5 s switch sides, then the right.
		const switching = classState(plan, started, at(41));
		expect(segmentTitle(switching, t)).toBe('Switch sides');
		expect(texts(46)).toEqual(['RIGHT', 'Set 1 of 2', 'Hold 1 of 3']);
	});

	it('counts up and names the reps while a block waits for Done', () => {
		const log = logOf([0, { type: 'start' }], [1, { type: 'jump', blockIndex: 1 }]);
		const state = classState(plan, log, at(8));
		expect(waitsForDone(state)).toBe(true);
		expect(segmentTitle(state, t)).toBe('Sit-to-stand');
		expect(segmentClock(state)).toBe('0:07');
		expect(texts(8, log)).toEqual(['10 reps']);
		// Stopped is not waiting: the banner says STOPPED instead.
		const stopped = logOf(
			[0, { type: 'start' }],
			[1, { type: 'jump', blockIndex: 1 }],
			[2, { type: 'stop' }]
		);
		expect(waitsForDone(classState(plan, stopped, at(8)))).toBe(false);
	});

	it('says nothing before the start', () => {
		const state = classState(plan, [], at(5));
		expect(waitsForDone(state)).toBe(false);
		expect(segmentDetails(state, t)).toEqual([]);
	});
});
