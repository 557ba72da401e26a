import { z } from 'zod';
import type { Problem } from '../i18n/problem';
import { formNumber, type PoolRanges } from './pool';

/**
 * What a pool check is measured against: the room's water temperature target (null when the
 * room has none set) and the clinic's chemistry ranges, both as they are when the check is made.
 */
export type PoolCheckLimits = PoolRanges & {
	waterTempC: { min: number; max: number } | null;
};

export type PoolCheckValues = {
	waterTempC: number;
	freeChlorinePpm: number;
	ph: number;
	emergencyEquipmentChecked: boolean;
	rescuerPresent: boolean;
};

/** What a thermometer or test kit can read: outside this is a typing slip, never an override. */
const READABLE = {
	waterTempC: { min: 0, max: 50, decimals: 1, unit: '°C' },
	freeChlorinePpm: { min: 0, max: 20, decimals: 2, unit: 'ppm' },
	ph: { min: 0, max: 14, decimals: 1, unit: '' }
} as const;

/** Messages are catalog keys (problemsOf words them); zod's limits arrive as {min} and {max}. */
function reading(key: keyof typeof READABLE) {
	const { min, max, decimals } = READABLE[key];
	const span = 'controller.pool.enter-between';
	return z.preprocess(
		formNumber,
		z
			.number({ error: 'controller.pool.enter-reading' })
			.min(min, span)
			.max(max, span)
			.refine(
				(n) => Math.abs(n * 10 ** decimals - Math.round(n * 10 ** decimals)) < 1e-9,
				decimals > 1 ? 'controller.pool.two-decimals' : 'controller.pool.one-decimal'
			)
	);
}

/** A check as the phone fills it: readings not taken yet are null. */
export type ReadingsSoFar = Omit<PoolCheckValues, keyof typeof READABLE> & {
	[K in keyof typeof READABLE]: number | null;
};

/**
 * The problems a check has, one code each: readings outside their range (`what` names the
 * reading: `controller.pool.what.<key>`) and safety boxes left unticked. Any of them needs a
 * written reason before the class may start.
 */
export function poolCheckProblems(values: ReadingsSoFar, limits: PoolCheckLimits): Problem[] {
	const problems: Problem[] = [];
	const outside = (key: keyof typeof READABLE, r: { min: number; max: number } | null) => {
		const value = values[key];
		// A reading not taken yet (the phone form as it fills) is no problem yet.
		if (value === null || !r || (value >= r.min && value <= r.max)) return;
		const { unit } = READABLE[key];
		problems.push({
			code: 'controller.pool.reading-outside',
			params: { what: key, value, unit: unit ? ` ${unit}` : '', min: r.min, max: r.max }
		});
	};
	outside('waterTempC', limits.waterTempC);
	outside('freeChlorinePpm', limits.freeChlorinePpm);
	outside('ph', limits.ph);
	if (!values.emergencyEquipmentChecked) {
		problems.push({ code: 'controller.pool.equipment-unchecked' });
	}
	if (!values.rescuerPresent) problems.push({ code: 'controller.pool.no-rescuer' });
	return problems;
}

/**
 * The one schema for a pool check, from the phone form to the service: readings a kit can
 * give, and a written reason whenever something is out of range or a safety box is unticked.
 */
export function poolCheckSchema(limits: PoolCheckLimits) {
	return z
		.object({
			waterTempC: reading('waterTempC'),
			freeChlorinePpm: reading('freeChlorinePpm'),
			ph: reading('ph'),
			emergencyEquipmentChecked: z.boolean(),
			rescuerPresent: z.boolean(),
			overrideReason: z
				.string()
				.trim()
				.max(500, 'field.too-long')
				.transform((text) => text || null)
				.nullable()
				.optional()
		})
		.strict()
		.superRefine((check, ctx) => {
			if (poolCheckProblems(check, limits).length > 0 && !check.overrideReason) {
				ctx.addIssue({
					code: 'custom',
					path: ['overrideReason'],
					message: 'controller.pool.why-needed'
				});
			}
		})
		.transform((check) => ({
			...check,
			// A reason with nothing to override would read as if something had been wrong.
			overrideReason: poolCheckProblems(check, limits).length > 0 ? check.overrideReason! : null
		}));
}

export type PoolCheckInput = {
	waterTempC: string;
	freeChlorinePpm: string;
	ph: string;
	emergencyEquipmentChecked: boolean;
	rescuerPresent: boolean;
	overrideReason: string;
};

export function poolCheckFormInput(form: FormData): PoolCheckInput {
	const text = (name: string, max = 20) => {
		const value = form.get(name);
		return typeof value === 'string' ? value.slice(0, max) : '';
	};
	return {
		waterTempC: text('waterTempC'),
		freeChlorinePpm: text('freeChlorinePpm'),
		ph: text('ph'),
		// An unticked checkbox sends nothing: absent means "no".
		emergencyEquipmentChecked: form.has('emergencyEquipmentChecked'),
		rescuerPresent: form.has('rescuerPresent'),
		overrideReason: text('overrideReason', 600)
	};
}

/** "28.5 °C, Cl 2.0, pH 7.4": the readings as the phone and the record show them. */
export function describeReadings(
	values: Pick<PoolCheckValues, 'waterTempC' | 'freeChlorinePpm' | 'ph'>
): string {
	// At least one decimal, as a kit reads; a second one only when it was taken.
	const shown = (n: number) => (Number.isInteger(n * 10) ? n.toFixed(1) : String(n));
	return `${shown(values.waterTempC)} °C, Cl ${shown(values.freeChlorinePpm)}, pH ${shown(values.ph)}`;
}

/** A recorded pool check as the controller shows it (who, when, what was read). */
export type RecordedPoolCheck = {
	waterTempC: number;
	freeChlorinePpm: number;
	ph: number;
	overrideReason: string | null;
	by: string;
	at: string;
	time: string;
};

/** What the controller knows about its pool class before the start. */
export type ControllerPool = {
	notStarted: boolean;
	limits: PoolCheckLimits;
	check: RecordedPoolCheck | null;
};
