import { describe, expect, it } from 'vitest';
import { classMinutesFor, classTypeFor, nextWeekday, weekdayCodeOf } from './prefill';

const minute = 60_000;

describe('classMinutesFor', () => {
	it('rounds a planned total up to whole 5 minutes', () => {
		expect(classMinutesFor(30 * minute)).toBe(30);
		expect(classMinutesFor(30 * minute + 1)).toBe(35);
		expect(classMinutesFor(31 * minute)).toBe(35);
		expect(classMinutesFor(34 * minute + 59_000)).toBe(35);
		expect(classMinutesFor(44.2 * minute)).toBe(45);
	});

	it('keeps within the series form limits (10 to 240 minutes)', () => {
		expect(classMinutesFor(0)).toBe(10);
		expect(classMinutesFor(3 * minute)).toBe(10);
		expect(classMinutesFor(11 * minute)).toBe(15);
		expect(classMinutesFor(300 * minute)).toBe(240);
		expect(classMinutesFor(-5)).toBe(10);
	});
});

describe('classTypeFor', () => {
	const land = (category: 'core' | 'balance_static' | 'strength' | 'aerobic') => ({
		category,
		waterDepth: null
	});

	it('is aquatic when any exercise is done in the water', () => {
		expect(classTypeFor([land('core'), { category: 'aquatic_method', waterDepth: null }])).toBe(
			'aquatic'
		);
		expect(
			classTypeFor([land('core'), land('core'), { category: 'aerobic', waterDepth: 'waist' }])
		).toBe('aquatic');
	});

	it('is core when most exercise blocks are core work', () => {
		expect(classTypeFor([land('core'), land('core'), land('balance_static')])).toBe('core');
		expect(classTypeFor([land('core')])).toBe('core');
	});

	it('is balance otherwise: half core is not most, and an empty routine is balance', () => {
		expect(classTypeFor([land('core'), land('balance_static')])).toBe('balance');
		expect(classTypeFor([land('strength'), land('aerobic'), land('core')])).toBe('balance');
		expect(classTypeFor([])).toBe('balance');
	});
});

describe('nextWeekday', () => {
	it('is the next day from Monday to Thursday, and Monday after Friday to Sunday', () => {
		expect(nextWeekday('2026-12-01')).toBe('2026-12-02'); // Tuesday → Wednesday
		expect(nextWeekday('2026-12-03')).toBe('2026-12-04'); // Thursday → Friday
		expect(nextWeekday('2026-12-04')).toBe('2026-12-07'); // Friday → Monday
		expect(nextWeekday('2026-12-05')).toBe('2026-12-07'); // Saturday → Monday
		expect(nextWeekday('2026-12-06')).toBe('2026-12-07'); // Sunday → Monday
		expect(nextWeekday('2026-12-31')).toBe('2027-01-01');
	});

	it('words a date as its weekday code', () => {
		expect(weekdayCodeOf('2026-12-07')).toBe('MO');
		expect(weekdayCodeOf('2026-12-06')).toBe('SU');
		expect(weekdayCodeOf('2026-12-04')).toBe('FR');
	});
});
