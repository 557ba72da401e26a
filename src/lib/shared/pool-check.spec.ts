import { describe, expect, it } from 'vitest';
import { poolRangesEditSchema } from './clinic-settings';
import { DEFAULT_POOL_RANGES } from './pool';
import {
	describeReadings,
	poolCheckFormInput,
	poolCheckProblems,
	poolCheckSchema,
	type PoolCheckLimits
} from './pool-check';
import { goodPoolCheck } from './testing/pool-check';

const limits: PoolCheckLimits = { ...DEFAULT_POOL_RANGES, waterTempC: { min: 33, max: 35 } };
const good = goodPoolCheck;

function errorsOf(input: unknown, against = limits) {
	const result = poolCheckSchema(against).safeParse(input);
	return result.success
		? {}
		: Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('pool check schema', () => {
	it('accepts readings in range with both safety boxes ticked, and no reason', () => {
		const result = poolCheckSchema(limits).parse(good);
		expect(result).toEqual({
			waterTempC: 34,
			freeChlorinePpm: 2,
			ph: 7.4,
			emergencyEquipmentChecked: true,
			rescuerPresent: true,
			overrideReason: null
		});
	});

	it('takes the range edges as in range', () => {
		for (const edge of [
			{ waterTempC: '33', freeChlorinePpm: '1', ph: '7.2' },
			{ waterTempC: '35', freeChlorinePpm: '5', ph: '7.8' }
		]) {
			expect(poolCheckSchema(limits).safeParse({ ...good, ...edge }).success).toBe(true);
		}
	});

	it.each([
		['waterTempC', '36.5'],
		['waterTempC', '32.9'],
		['freeChlorinePpm', '0.8'],
		['freeChlorinePpm', '5.5'],
		['ph', '8.0'],
		['ph', '7.1']
	])('needs a written reason when %s is %s', (field, value) => {
		expect(errorsOf({ ...good, [field]: value })).toEqual({
			overrideReason: 'controller.pool.why-needed'
		});
		const withReason = poolCheckSchema(limits).parse({
			...good,
			[field]: value,
			overrideReason: '  Pool engineer on the way; shallow end only  '
		});
		expect(withReason.overrideReason).toBe('Pool engineer on the way; shallow end only');
	});

	it('needs a reason for an unticked safety box, and a blank reason is no reason', () => {
		expect(errorsOf({ ...good, rescuerPresent: false })).toHaveProperty('overrideReason');
		expect(
			errorsOf({ ...good, emergencyEquipmentChecked: false, overrideReason: '   ' })
		).toHaveProperty('overrideReason');
	});

	it('drops a reason when nothing needed one', () => {
		expect(
			poolCheckSchema(limits).parse({ ...good, overrideReason: 'just in case' })
		).toMatchObject({ overrideReason: null });
	});

	it('refuses missing and impossible readings beside their fields, whatever the reason', () => {
		expect(
			errorsOf({ ...good, waterTempC: '', ph: '15', freeChlorinePpm: '1.234', overrideReason: 'x' })
		).toEqual({
			waterTempC: 'controller.pool.enter-reading',
			ph: 'controller.pool.enter-between',
			freeChlorinePpm: 'controller.pool.two-decimals'
		});
	});

	it('follows the limits it is given: a clinic range and a room without a target', () => {
		const strict = { ...limits, ph: { min: 7.4, max: 7.6 }, waterTempC: null };
		expect(errorsOf({ ...good, ph: '7.3' }, strict)).toHaveProperty('overrideReason');
		expect(errorsOf({ ...good, waterTempC: '40' }, strict)).toEqual({});
	});

	it('lists each problem as a code', () => {
		expect(
			poolCheckProblems(
				{
					waterTempC: 36,
					freeChlorinePpm: 2,
					ph: 8.1,
					emergencyEquipmentChecked: false,
					rescuerPresent: true
				},
				limits
			)
		).toEqual([
			{
				code: 'controller.pool.reading-outside',
				params: { what: 'waterTempC', value: 36, unit: ' °C', min: 33, max: 35 }
			},
			{
				code: 'controller.pool.reading-outside',
				params: { what: 'ph', value: 8.1, unit: '', min: 7.2, max: 7.8 }
			},
			{ code: 'controller.pool.equipment-unchecked' }
		]);
	});

	it('reads the phone form: unticked boxes are "no"', () => {
		const form = new FormData();
		form.set('waterTempC', '34.5');
		form.set('ph', '7.4');
		form.set('rescuerPresent', 'on');
		expect(poolCheckFormInput(form)).toEqual({
			waterTempC: '34.5',
			freeChlorinePpm: '',
			ph: '7.4',
			emergencyEquipmentChecked: false,
			rescuerPresent: true,
			overrideReason: ''
		});
	});

	it('describes readings as the phone shows them', () => {
		expect(describeReadings({ waterTempC: 28.5, freeChlorinePpm: 2, ph: 7.4 })).toBe(
			'28.5 °C, Cl 2.0, pH 7.4'
		);
		expect(describeReadings({ waterTempC: 34, freeChlorinePpm: 1.25, ph: 7 })).toBe(
			'34.0 °C, Cl 1.25, pH 7.0'
		);
	});
});

describe('pool ranges schema', () => {
	it('takes form text and refuses a lower limit above the upper, next to the upper', () => {
		expect(
			poolRangesEditSchema.parse({
				freeChlorinePpm: { min: '1.5', max: '4' },
				ph: { min: '7.2', max: '7.8' }
			})
		).toEqual({ freeChlorinePpm: { min: 1.5, max: 4 }, ph: { min: 7.2, max: 7.8 } });
		const result = poolRangesEditSchema.safeParse({
			freeChlorinePpm: { min: '', max: '4' },
			ph: { min: '7.8', max: '7.2' }
		});
		expect(result.success).toBe(false);
		expect(result.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
			['freeChlorinePpm.min', 'settings.enter-number'],
			['ph.max', 'settings.pool.upper-above-lower.ph']
		]);
	});
});
