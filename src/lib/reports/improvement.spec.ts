import { describe, expect, it } from 'vitest';
import { improved } from '../shared/outcomes';
import { improvedPercent } from './outcomes-types';

describe('the share improved', () => {
	it('is a whole percentage of those tested twice, 0 when nobody was', () => {
		expect(improvedPercent({ tested: 3, improved: 1 })).toBe(33);
		expect(improvedPercent({ tested: 3, improved: 2 })).toBe(67);
		expect(improvedPercent({ tested: 4, improved: 4 })).toBe(100);
		expect(improvedPercent({ tested: 0, improved: 0 })).toBe(0);
	});

	it('counts a faster TUG, more stands and a longer hold as improved, an equal result not', () => {
		const tug = (seconds: number) => ({ test: 'tug' as const, seconds, device: 'none' as const });
		expect(improved(tug(14), tug(12.5))).toBe(true);
		expect(improved(tug(12.5), tug(12.5))).toBe(false);
		const chair = (count: number, armsUsed = false) => ({
			test: 'chair_stand_30s' as const,
			count,
			armsUsed
		});
		expect(improved(chair(8, true), chair(1))).toBe(true);
		expect(improved(chair(8), chair(12, true))).toBe(false);
		const balance = (stage: number, seconds: number) => ({
			test: 'four_stage_balance' as const,
			stage,
			seconds
		});
		expect(improved(balance(2, 10), balance(3, 0.1))).toBe(true);
	});
});
