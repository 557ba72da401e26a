import { describe, expect, it } from 'vitest';
import {
	NO_FILTERS,
	activeFilterCount,
	equipmentOf,
	fold,
	matchRank,
	pick,
	type PickerCandidate
} from './exercise-picker';

const candidate = (name: string, more: Partial<PickerCandidate> = {}): PickerCandidate => ({
	id: name,
	name,
	category: 'balance_static',
	equipment: [],
	tiers: [],
	depth: null,
	...more
});

const rest = candidate('Rest (45 s)', { id: 'rest', category: null });
const list = [
	rest,
	candidate('Calf raises', { category: 'strength', equipment: ['chair'], tiers: ['supported'] }),
	candidate('Sit-to-stand', { category: 'strength', equipment: ['chair'], tiers: ['seated'] }),
	candidate('Tandem stance', { tiers: ['supported', 'standing'] }),
	candidate('Water walking', { category: 'aquatic_method', depth: 'waist' }),
	candidate('Step-ups', { category: 'strength', equipment: ['step', 'rail'] }),
	candidate('Seated marching', { category: 'aerobic' })
];
const names = (found: PickerCandidate[]) => found.map((c) => c.name);

describe('matchRank', () => {
	it('ranks a name that starts with the words first, then a word start, then inside', () => {
		expect(matchRank('Sit-to-stand', 'sit')).toBe(0);
		expect(matchRank('Sit-to-stand', 'stand')).toBe(1);
		expect(matchRank('Tandem stance', 'and')).toBe(2);
		expect(matchRank('Calf raises', 'calf ra')).toBe(0);
		expect(matchRank('Calf raises', 'raises calf')).toBe(1);
		expect(matchRank('Calf raises', 'calf x')).toBeNull();
		expect(matchRank('Calf raises', '   ')).toBe(0);
	});

	it('ignores case and accents', () => {
		expect(fold('  Équilibrio ')).toBe('equilibrio');
		expect(matchRank('Marcha sentado en la silla', 'SILLA')).toBe(1);
		expect(matchRank('Equilibrio', 'équi')).toBe(0);
	});
});

describe('pick', () => {
	it('keeps the order given when nothing is typed', () => {
		expect(names(pick(list, '', NO_FILTERS))).toEqual(names(list));
	});

	it('puts the best matches first', () => {
		expect(names(pick(list, 'st', NO_FILTERS))).toEqual([
			'Step-ups',
			'Sit-to-stand',
			'Tandem stance',
			// "st" inside "rest": found, last.
			'Rest (45 s)'
		]);
		expect(names(pick(list, 'rest', NO_FILTERS))).toEqual(['Rest (45 s)']);
		expect(pick(list, 'zzz', NO_FILTERS)).toEqual([]);
	});

	it('filters by category, equipment, support tier and pool depth; a rest only unfiltered', () => {
		expect(names(pick(list, '', { ...NO_FILTERS, category: 'strength' }))).toEqual([
			'Calf raises',
			'Sit-to-stand',
			'Step-ups'
		]);
		expect(names(pick(list, '', { ...NO_FILTERS, equipment: 'chair' }))).toEqual([
			'Calf raises',
			'Sit-to-stand'
		]);
		expect(names(pick(list, '', { ...NO_FILTERS, tier: 'supported' }))).toEqual([
			'Calf raises',
			'Tandem stance'
		]);
		expect(names(pick(list, '', { ...NO_FILTERS, depth: 'waist' }))).toEqual(['Water walking']);
		expect(
			names(pick(list, 's', { ...NO_FILTERS, category: 'strength', equipment: 'chair' }))
		).toEqual(['Sit-to-stand', 'Calf raises']);
	});

	it('counts the filters on and lists the equipment once each', () => {
		expect(activeFilterCount(NO_FILTERS)).toBe(0);
		expect(activeFilterCount({ ...NO_FILTERS, tier: 'seated', depth: 'hip' })).toBe(2);
		expect(equipmentOf(list)).toEqual(['chair', 'rail', 'step']);
	});
});
