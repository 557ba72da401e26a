import { z } from 'zod';

/**
 * Tolerance scales and vital-sign limits from clinical.md sections 1 and 2. The ranges here are
 * what a value can physically be (bad input is refused); the clinic's rules (rules.ts) decide
 * what a plausible value means for exercise.
 */

export const BORG_RPE = { min: 6, max: 20, step: 1 } as const;
export const BORG_CR10 = { min: 0, max: 10, step: 0.5 } as const;
export const PAIN = { min: 0, max: 10, step: 1 } as const;

export function painBand(score: number): 'none' | 'mild' | 'moderate' | 'severe' {
	if (score === 0) return 'none';
	if (score <= 3) return 'mild';
	if (score <= 6) return 'moderate';
	return 'severe';
}

/** When in the class a vital sign was taken: rules differ at rest and during exercise. */
export const VITALS_TIMINGS = ['before', 'during', 'after'] as const;
export type VitalsTiming = (typeof VITALS_TIMINGS)[number];

/**
 * What a phone can record for each vital sign: the physically possible range (anything outside
 * is a typing slip, refused on the phone and by the server), and where a stepper starts.
 */
export const VITAL_FIELDS = {
	heartRate: { unit: 'bpm', min: 25, max: 250, start: 80, bigStep: 10 },
	systolic: { unit: 'mmHg', min: 60, max: 260, start: 130, bigStep: 10 },
	diastolic: { unit: 'mmHg', min: 30, max: 160, start: 80, bigStep: 10 },
	spo2: { unit: '%', min: 50, max: 100, start: 97, bigStep: undefined },
	glucose: { unit: 'mg/dL', min: 20, max: 600, start: 120, bigStep: 10 }
} as const;
export type VitalField = keyof typeof VITAL_FIELDS;

function wholeNumberIn(field: VitalField) {
	const { min, max } = VITAL_FIELDS[field];
	const message = `entries.vitals.${field}-range` as const;
	return z.number().int(message).min(min, message).max(max, message).optional();
}

export const vitalsSchema = z
	.object({
		timing: z.enum(VITALS_TIMINGS),
		heartRate: wholeNumberIn('heartRate'),
		systolic: wholeNumberIn('systolic'),
		diastolic: wholeNumberIn('diastolic'),
		spo2: wholeNumberIn('spo2'),
		glucose: wholeNumberIn('glucose'),
		temperatureC: z
			.number()
			.min(34, 'entries.vitals.temperature-range')
			.max(43, 'entries.vitals.temperature-range')
			.optional()
	})
	.strict()
	.refine((v) => (v.systolic === undefined) === (v.diastolic === undefined), {
		message: 'entries.vitals.bp-both'
	})
	.refine(
		(v) => v.systolic === undefined || v.diastolic === undefined || v.systolic > v.diastolic,
		{ message: 'entries.vitals.bp-order' }
	)
	.refine(
		(v) =>
			[v.heartRate, v.systolic, v.spo2, v.glucose, v.temperatureC].some((x) => x !== undefined),
		{ message: 'entries.vitals.at-least-one' }
	);
export type Vitals = z.infer<typeof vitalsSchema>;
