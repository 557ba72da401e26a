import { describe, expect, it } from 'vitest';
import {
	ageOn,
	CHAIR_STAND_BELOW_AVERAGE,
	improved,
	judgeOutcome,
	outcomeResultSchema,
	type OutcomeResult
} from './outcomes';

const chair = (count: number, armsUsed = false): OutcomeResult => ({
	test: 'chair_stand_30s',
	count,
	armsUsed
});
const tug = (seconds: number): OutcomeResult => ({ test: 'tug', seconds, device: 'none' });
const balance = (stage: number, seconds: number): OutcomeResult => ({
	test: 'four_stage_balance',
	stage,
	seconds
});

describe('30-second chair stand against the STEADI below-average counts', () => {
	// Every band of clinical.md, both sexes: one under the cut-off flags, the cut-off itself does not.
	const bands = CHAIR_STAND_BELOW_AVERAGE.flatMap((band) =>
		(['male', 'female'] as const).flatMap((sex) =>
			[band.fromAge, band.toAge].map((age) => ({ age, sex, cutoff: band[sex] }))
		)
	);
	it.each(bands)('age $age, $sex: below $cutoff flags', ({ age, sex, cutoff }) => {
		expect(judgeOutcome(chair(cutoff - 1), { age, sex })).toEqual({ verdict: 'flag', cutoff });
		expect(judgeOutcome(chair(cutoff), { age, sex })).toEqual({ verdict: 'ok', cutoff });
	});

	it('known rows: a 72-year-old woman needs 10, a 72-year-old man 12, a 91-year-old woman 4', () => {
		expect(judgeOutcome(chair(11), { age: 72, sex: 'female' }).verdict).toBe('ok');
		expect(judgeOutcome(chair(11), { age: 72, sex: 'male' }).verdict).toBe('flag');
		expect(judgeOutcome(chair(4), { age: 91, sex: 'female' }).verdict).toBe('ok');
		expect(judgeOutcome(chair(6), { age: 91, sex: 'male' }).verdict).toBe('flag');
	});

	it('arms used scores 0, so it flags whatever was counted', () => {
		expect(judgeOutcome(chair(20, true), { age: 70, sex: 'male' }).verdict).toBe('flag');
	});

	it('outside 60-94 or without a recorded sex there is no cut-off', () => {
		expect(judgeOutcome(chair(5), { age: 59, sex: 'male' })).toEqual({
			verdict: 'no-norm',
			reason: 'age'
		});
		expect(judgeOutcome(chair(5), { age: 95, sex: 'female' })).toEqual({
			verdict: 'no-norm',
			reason: 'age'
		});
		expect(judgeOutcome(chair(5), { age: 70, sex: 'not_recorded' })).toEqual({
			verdict: 'no-norm',
			reason: 'sex'
		});
	});
});

describe('Timed Up and Go', () => {
	it('12 s or more flags a fall risk; 11.9 s does not', () => {
		const anyone = { age: 50, sex: 'not_recorded' } as const;
		expect(judgeOutcome(tug(12), anyone)).toEqual({ verdict: 'flag', cutoff: 12 });
		expect(judgeOutcome(tug(15.2), anyone).verdict).toBe('flag');
		expect(judgeOutcome(tug(11.9), anyone)).toEqual({ verdict: 'ok', cutoff: 12 });
	});
});

describe('4-stage balance', () => {
	const anyone = { age: 80, sex: 'female' } as const;
	it.each([
		[1, 4, 'flag'],
		[2, 10, 'flag'],
		[3, 9.9, 'flag'],
		[3, 10, 'ok'],
		[4, 0, 'ok'],
		[4, 10, 'ok']
	] as const)('stage %i held %f s: %s', (stage, seconds, verdict) => {
		expect(judgeOutcome(balance(stage, seconds), anyone).verdict).toBe(verdict);
	});
});

describe('improvement between a first and a latest test', () => {
	it('more stands, fewer seconds, a later stage or a longer hold is better', () => {
		expect(improved(chair(9), chair(11))).toBe(true);
		expect(improved(chair(11), chair(11))).toBe(false);
		expect(improved(chair(12), chair(12, true))).toBe(false);
		expect(improved(tug(14.2), tug(11.8))).toBe(true);
		expect(improved(tug(11.8), tug(14.2))).toBe(false);
		expect(improved(balance(3, 4), balance(3, 7))).toBe(true);
		expect(improved(balance(3, 10), balance(4, 0))).toBe(false);
		expect(improved(balance(2, 10), balance(4, 2))).toBe(true);
	});
	it('refuses to compare two different tests', () => {
		expect(() => improved(chair(9), tug(10))).toThrow();
	});
});

describe('results as recorded', () => {
	it.each([
		[{ test: 'chair_stand_30s', count: 12.5, armsUsed: false }, 'outcomes.count-whole'],
		[{ test: 'chair_stand_30s', count: 61, armsUsed: false }, 'outcomes.count-range'],
		[{ test: 'tug', seconds: 0.5, device: 'none' }, 'outcomes.tug-range'],
		[{ test: 'tug', seconds: 12.34, device: 'none' }, 'outcomes.tug-tenths'],
		[{ test: 'four_stage_balance', stage: 5, seconds: 3 }, 'outcomes.stage-range'],
		[{ test: 'four_stage_balance', stage: 2, seconds: 11 }, 'outcomes.hold-range']
	])('%j is refused with %s', (input, message) => {
		const parsed = outcomeResultSchema.safeParse(input);
		expect(parsed.success).toBe(false);
		expect(parsed.error?.issues[0]?.message).toBe(message);
	});
	it('a TUG with a walker at 13.5 s is accepted', () => {
		expect(outcomeResultSchema.parse({ test: 'tug', seconds: 13.5, device: 'walker' })).toEqual({
			test: 'tug',
			seconds: 13.5,
			device: 'walker'
		});
	});
});

describe('age on the day of the test', () => {
	it('counts whole years, the birthday itself included', () => {
		expect(ageOn('1950-06-15', '2026-06-14')).toBe(75);
		expect(ageOn('1950-06-15', '2026-06-15')).toBe(76);
		expect(ageOn('1950-06-15', '2026-12-01')).toBe(76);
	});
});
