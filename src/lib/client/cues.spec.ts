import { describe, expect, it } from 'vitest';
import { at, started, timedRepsPlan, plan as waitingPlan } from '../shared/timeline/fixtures';
import { classState } from '../shared/timeline';
import { cuesBetween } from './cues';

/** Cues from one instant to the next, as the display asks every frame. */
const cues = (p: typeof timedRepsPlan, from: number, to: number) =>
	cuesBetween(classState(p, started(), at(from)), classState(p, started(), at(to)));

describe('cues for reps blocks', () => {
	// Sit to stand (block 3) runs 60..90 s: 10 reps x 3 s.
	it('says Go as a timed reps block begins', () => {
		expect(cues(timedRepsPlan, 59.9, 60.1)).toEqual(['go']);
	});

	it('counts down 3-2-1 and calls halfway, as timed work does', () => {
		expect(cues(timedRepsPlan, 74.9, 75.1)).toEqual(['halfway']);
		expect(cues(timedRepsPlan, 86.9, 87.1)).toEqual(['tick']);
		expect(cues(timedRepsPlan, 88.9, 89.1)).toEqual(['tick']);
	});

	it('gives a block that waits for Done its Go but no countdown', () => {
		expect(cues(waitingPlan, 59.9, 60.1)).toEqual(['go']);
		expect(cues(waitingPlan, 86.9, 87.1)).toEqual([]);
		expect(cues(waitingPlan, 74.9, 75.1)).toEqual([]);
	});
});
