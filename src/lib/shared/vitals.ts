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

/**
 * What a phone can record for each vital sign: the physically possible range (anything outside
 * is a typing slip, refused on the phone and by the server), and where a stepper starts.
 */
export const VITAL_FIELDS = {
	heartRate: { label: 'Heart rate', unit: 'bpm', min: 25, max: 250, start: 80, bigStep: 10 },
	systolic: { label: 'Systolic (top)', unit: 'mmHg', min: 60, max: 260, start: 130, bigStep: 10 },
	diastolic: {
		label: 'Diastolic (bottom)',
		unit: 'mmHg',
		min: 30,
		max: 160,
		start: 80,
		bigStep: 10
	},
	spo2: { label: 'SpO2', unit: '%', min: 50, max: 100, start: 97, bigStep: undefined },
	glucose: { label: 'Glucose', unit: 'mg/dL', min: 20, max: 600, start: 120, bigStep: 10 }
} as const;
export type VitalField = keyof typeof VITAL_FIELDS;

function wholeNumberIn(field: VitalField) {
	const { label, unit, min, max } = VITAL_FIELDS[field];
	const message = `${label.replace(/ \(.*\)$/, '')}: ${min} to ${max} ${unit}`;
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
			.min(34, 'Temperature: 34 to 43 °C')
			.max(43, 'Temperature: 34 to 43 °C')
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
