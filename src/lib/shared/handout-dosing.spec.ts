import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/translate';
import { handoutDosing } from './handout-dosing';

const common = { sets: 1, restBetweenSetsSeconds: 0, perSide: false };

describe('a handout dose', () => {
	it('speaks to the participant in their language', () => {
		const hold = {
			kind: 'hold' as const,
			holdSeconds: 10,
			reps: 5,
			restBetweenRepsSeconds: 5,
			...common,
			sets: 2,
			perSide: true
		};
		expect(handoutDosing(translator('en'), hold)).toBe(
			'Hold 10 seconds, 5 times, each side, 2 sets'
		);
		expect(handoutDosing(translator('es'), hold)).toBe(
			'Mantenga 10 segundos, 5 veces, cada lado, 2 series'
		);
	});

	it('counts reps and times plainly', () => {
		const reps = { kind: 'reps' as const, reps: 1, secondsPerRep: 3, ...common };
		expect(handoutDosing(translator('en'), reps)).toBe('1 time');
		expect(handoutDosing(translator('es'), { ...reps, reps: 12 })).toBe('12 veces');
		expect(handoutDosing(translator('en'), { kind: 'timed', seconds: 30, ...common })).toBe(
			'30 seconds'
		);
	});
});
