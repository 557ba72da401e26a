import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/translate';
import { plannedDosingSeconds, type Dosing } from './dosing';
import { dosingText } from './exercise-form';

const base = { sets: 1, restBetweenSetsSeconds: 0, perSide: false };

describe('plannedDosingSeconds', () => {
	it.each<[string, Dosing, number]>([
		['counts a timed bout once', { kind: 'timed', seconds: 120, ...base }, 120],
		[
			'adds rests between holds but not after the last one',
			{ kind: 'hold', holdSeconds: 5, reps: 10, restBetweenRepsSeconds: 3, ...base },
			10 * 5 + 9 * 3
		],
		[
			'runs both sides with a switch pause, then repeats sets with rest between',
			{
				kind: 'reps',
				reps: 10,
				secondsPerRep: 3,
				sets: 2,
				restBetweenSetsSeconds: 60,
				perSide: true
			},
			// one set: left 30 + switch 5 + right 30 = 65; two sets and one rest
			65 * 2 + 60
		]
	])('%s', (_, dosing, seconds) => {
		expect(plannedDosingSeconds(dosing)).toBe(seconds);
	});
});

describe('dosingText', () => {
	const twoSetsPerSide = { sets: 2, restBetweenSetsSeconds: 30, perSide: true };
	const hold: Dosing = {
		kind: 'hold',
		holdSeconds: 5,
		reps: 10,
		restBetweenRepsSeconds: 2,
		...twoSetsPerSide
	};
	const reps: Dosing = {
		kind: 'reps',
		reps: 12,
		secondsPerRep: 3,
		...twoSetsPerSide,
		perSide: false
	};

	it("reads like a handout, in the reader's language", () => {
		expect(dosingText(translator('en'), hold)).toBe('hold 5 s x 10 per side, 2 sets');
		expect(dosingText(translator('es'), hold)).toBe('mantener 5 s x 10 por lado, 2 series');
	});

	it('says when a reps block waits for Done', () => {
		expect(dosingText(translator('en'), reps)).toBe('12 reps, 2 sets');
		expect(dosingText(translator('en'), { ...reps, waitForDone: true })).toBe(
			'12 reps, 2 sets, waits for Done'
		);
	});
});
