import { z } from 'zod';

/**
 * Tolerance scales and vital-sign limits from clinical.md sections 1 and 2. The ranges here are
 * what a value can physically be (bad input is refused); the clinic's rules (rules.ts) decide
 * what a plausible value means for exercise.
 */

export const BORG_RPE = { min: 6, max: 20, step: 1 } as const;
export const BORG_CR10 = { min: 0, max: 10, step: 0.5 } as const;
export const PAIN = { min: 0, max: 10, step: 1 } as const;

export const BORG_RPE_LABELS: Record<number, string> = {
	6: 'No exertion at all',
	7: 'Extremely light',
	9: 'Very light',
	11: 'Light',
	13: 'Somewhat hard',
	15: 'Hard',
	17: 'Very hard',
	19: 'Extremely hard',
	20: 'Maximal exertion'
};

export const BORG_CR10_LABELS: Record<number, string> = {
	0: 'Nothing at all',
	0.5: 'Very, very slight',
	1: 'Very slight',
	2: 'Slight',
	3: 'Moderate',
	4: 'Somewhat severe',
	5: 'Severe',
	7: 'Very severe',
	9: 'Very, very severe',
	10: 'Maximal'
};

export function painBand(score: number): 'none' | 'mild' | 'moderate' | 'severe' {
	if (score === 0) return 'none';
	if (score <= 3) return 'mild';
	if (score <= 6) return 'moderate';
	return 'severe';
}

/** When in the class a vital sign was taken: rules differ at rest and during exercise. */
export const VITALS_TIMINGS = ['before', 'during', 'after'] as const;
export type VitalsTiming = (typeof VITALS_TIMINGS)[number];

export const vitalsSchema = z
	.object({
		timing: z.enum(VITALS_TIMINGS),
		heartRate: z
			.number()
			.int()
			.min(25, 'Heart rate: 25 to 250')
			.max(250, 'Heart rate: 25 to 250')
			.optional(),
		systolic: z
			.number()
			.int()
			.min(60, 'Systolic: 60 to 260')
			.max(260, 'Systolic: 60 to 260')
			.optional(),
		diastolic: z
			.number()
			.int()
			.min(30, 'Diastolic: 30 to 160')
			.max(160, 'Diastolic: 30 to 160')
			.optional(),
		spo2: z.number().int().min(50, 'SpO2: 50 to 100 %').max(100, 'SpO2: 50 to 100 %').optional(),
		glucose: z
			.number()
			.int()
			.min(20, 'Glucose: 20 to 600 mg/dL')
			.max(600, 'Glucose: 20 to 600 mg/dL')
			.optional(),
		temperatureC: z
			.number()
			.min(34, 'Temperature: 34 to 43 C')
			.max(43, 'Temperature: 34 to 43 C')
			.optional()
	})
	.strict()
	.refine((v) => (v.systolic === undefined) === (v.diastolic === undefined), {
		message: 'Blood pressure needs both numbers, e.g. 130/80'
	})
	.refine(
		(v) => v.systolic === undefined || v.diastolic === undefined || v.systolic > v.diastolic,
		{
			message: 'Blood pressure: the first number (systolic) must be higher, e.g. 130/80'
		}
	)
	.refine(
		(v) =>
			[v.heartRate, v.systolic, v.spo2, v.glucose, v.temperatureC].some((x) => x !== undefined),
		{ message: 'Enter at least one vital sign' }
	);
export type Vitals = z.infer<typeof vitalsSchema>;
