import { describe, expect, it } from 'vitest';
import { painBand, vitalsSchema } from './vitals';

describe('vital signs', () => {
	it('accepts plausible readings', () => {
		expect(
			vitalsSchema.safeParse({ timing: 'before', systolic: 130, diastolic: 80, heartRate: 72 })
				.success
		).toBe(true);
	});

	it.each([
		[{ timing: 'before', spo2: 140 }, 'entries.vitals.spo2-range'],
		[{ timing: 'before', systolic: 80, diastolic: 120 }, 'entries.vitals.bp-order'],
		[{ timing: 'before', systolic: 130 }, 'entries.vitals.bp-both'],
		[{ timing: 'during' }, 'entries.vitals.at-least-one'],
		[{ timing: 'later', heartRate: 80 }, 'Invalid option']
	])('refuses %o with a plain message', (input, message) => {
		const result = vitalsSchema.safeParse(input);
		expect(result.success).toBe(false);
		expect(result.error!.issues.map((i) => i.message).join(' ')).toContain(message);
	});

	it('bands pain like the NPRS', () => {
		expect([0, 2, 5, 8].map(painBand)).toEqual(['none', 'mild', 'moderate', 'severe']);
	});
});
