import { describe, expect, it } from 'vitest';
import { tierFromEntries } from './tier';

describe('the support tier a participant used in a class', () => {
	it('is seated when any entry says seated, even beside hand support', () => {
		expect(
			tierFromEntries([
				{ kind: 'modifications', modifications: ['two_hand_support'] },
				{ kind: 'modifications', modifications: ['seated', 'rest_break'] }
			])
		).toBe('seated');
	});

	it('is supported with one or two hands on a support', () => {
		expect(tierFromEntries([{ kind: 'modifications', modifications: ['one_hand_support'] }])).toBe(
			'supported'
		);
		expect(tierFromEntries([{ kind: 'modifications', modifications: ['two_hand_support'] }])).toBe(
			'supported'
		);
	});

	it('is standing otherwise, other kinds of entries included', () => {
		expect(tierFromEntries([])).toBe('standing');
		expect(
			tierFromEntries([
				{ kind: 'pain', value: 3 },
				{ kind: 'modifications', modifications: ['fewer_reps'] }
			])
		).toBe('standing');
	});
});
