import { z } from 'zod';
import { problemsOf, type Problems } from '../i18n/problem';
import { EXERTION_SCALES, type ExertionScale } from './domain';
import { DEFAULT_POOL_RANGES, formNumber, type PoolRanges } from './pool';
import { describeRuleChanges, withRange, type RuleSetting, type Words } from './rule-settings';

/** The names under which clinic_setting_changes stores each setting. */
export const SETTINGS = {
	vitalRules: 'vital_rules',
	poolRanges: 'pool_ranges',
	exertionScale: 'default_exertion_scale',
	staffRatios: 'staff_ratios',
	classWindows: 'class_windows',
	/** Per room: may a clicker or keyboard on its displays run the class. */
	displayControls: 'display_controls',
	/** A note's co-signature and the clinic's contact for handouts (issue 13). */
	records: 'records'
} as const;

/** The longest clinic contact a handout prints. */
export const RECORD_CONTACT_MAX = 300;

/** Pool rooms' staff ratios as audited: room name → at most N participants per staff member. */
export type StaffRatios = Record<string, number | null>;

/** The one rule for a ratio a coordinator types: a whole number of participants per staff. */
export const STAFF_RATIO = { min: 1, max: 20 } as const;

/** The class windows' fields, in the order the form and the audit list show them. */
export const CLASS_WINDOW_FIELDS = [
	'startBeforeMinutes',
	'startAfterMinutes',
	'documentationHours'
] as const;

/** The settings form's one field for the default scale. */
export const exertionScaleSchema = z.object({
	defaultExertionScale: z.enum(EXERTION_SCALES, { error: 'field.choose' })
});

const isScale = (value: unknown): value is ExertionScale =>
	(EXERTION_SCALES as readonly unknown[]).includes(value);

/** The pool readings a coordinator sets a range for, in the order the form lists them. */
export const POOL_READINGS = Object.keys(DEFAULT_POOL_RANGES) as (keyof PoolRanges)[];

/** What each reading can physically be: a range outside these is a typing slip. */
export const POOL_RANGE_LIMITS: Record<keyof PoolRanges, { min: number; max: number }> = {
	freeChlorinePpm: { min: 0, max: 10 },
	ph: { min: 6, max: 9 }
};

/** The pool readings' units; pH has none. */
export const POOL_RANGE_UNITS: Record<keyof PoolRanges, string> = {
	freeChlorinePpm: 'ppm',
	ph: ''
};

const poolRange = (reading: keyof PoolRanges) => {
	const { min, max } = POOL_RANGE_LIMITS[reading];
	const limit = z.preprocess(
		formNumber,
		z
			.number({ error: 'settings.enter-number' })
			.min(min, `settings.pool.out-of-range.${reading}`)
			.max(max, `settings.pool.out-of-range.${reading}`)
	);
	return z.object({ min: limit, max: limit }).refine((r) => r.min < r.max, {
		path: ['max'],
		message: `settings.pool.upper-above-lower.${reading}`
	});
};

/** The settings form's pool ranges, as typed (fields "ph.min"), with coded messages. */
export const poolRangesEditSchema = z.object({
	freeChlorinePpm: poolRange('freeChlorinePpm'),
	ph: poolRange('ph')
});

/** A refused pool-range edit's problems, a range naming both its ends. */
export function poolRangeProblems(error: z.ZodError): Problems {
	return withRange(problemsOf(error), (field, code) => {
		const reading = field.split('.')[0] as keyof PoolRanges;
		return code === `settings.pool.out-of-range.${reading}`
			? POOL_RANGE_LIMITS[reading]
			: undefined;
	});
}

/** "1–5 ppm", "7.2–7.8" in the reader's language. */
export function rangeText(r: { min: number; max: number }, unit: string, { t }: Words): string {
	return unit ? t('settings.range-unit', { ...r, unit }) : t('settings.range', r);
}

function describePoolRanges(
	before: PoolRanges | null,
	after: PoolRanges | null,
	words: Words
): string[] {
	const { t } = words;
	const old = before ?? DEFAULT_POOL_RANGES;
	const now = after ?? DEFAULT_POOL_RANGES;
	const lines: string[] = after === null ? [t('settings.change.pool-restored')] : [];
	for (const key of POOL_READINGS) {
		const unit = POOL_RANGE_UNITS[key];
		if (old[key].min !== now[key].min || old[key].max !== now[key].max) {
			lines.push(
				t('settings.change.pool-range', {
					reading: t(`settings.pool.reading.${key}`),
					from: rangeText(old[key], unit, words),
					to: rangeText(now[key], unit, words)
				})
			);
		}
	}
	return lines;
}

/** One line per change in an audit row, whichever setting it is about, in the reader's words. */
export function describeSettingChange(
	setting: string,
	before: unknown,
	after: unknown,
	words: Words
): string[] {
	const { t } = words;
	switch (setting) {
		case SETTINGS.vitalRules:
			return describeRuleChanges(
				before as RuleSetting[] | null,
				after as RuleSetting[] | null,
				words
			);
		case SETTINGS.poolRanges:
			return describePoolRanges(before as PoolRanges | null, after as PoolRanges | null, words);
		case SETTINGS.exertionScale: {
			const label = (scale: unknown) =>
				isScale(scale) ? t(`exertion-scale.${scale}`) : String(scale);
			return [t('settings.change.exertion-scale', { from: label(before), to: label(after) })];
		}
		case SETTINGS.staffRatios: {
			const was = (before ?? {}) as StaffRatios;
			const now = (after ?? {}) as StaffRatios;
			const ratio = (n: number | null | undefined) =>
				n ? t('settings.change.staff-ratio', { n }) : t('settings.change.not-set');
			return Object.keys(now)
				.filter((room) => was[room] !== now[room])
				.map((room) =>
					t('settings.change.labelled', {
						label: room,
						from: ratio(was[room]),
						to: ratio(now[room])
					})
				);
		}
		case SETTINGS.classWindows: {
			const was = (before ?? {}) as Record<string, number>;
			const now = (after ?? {}) as Record<string, number>;
			return CLASS_WINDOW_FIELDS.filter((key) => was[key] !== now[key]).map((field) =>
				t(`settings.change.window.${field}`, { from: was[field] ?? '', to: now[field] ?? '' })
			);
		}
		case SETTINGS.displayControls: {
			const was = (before ?? {}) as Record<string, boolean>;
			const now = (after ?? {}) as Record<string, boolean>;
			const word = (on: boolean | undefined) => t(on ? 'settings.on' : 'settings.off');
			return Object.keys(now)
				.filter((room) => was[room] !== now[room])
				.map((room) =>
					t('settings.change.clicker', { room, from: word(was[room]), to: word(now[room]) })
				);
		}
		case SETTINGS.records: {
			const was = (before ?? {}) as { requireCosign?: boolean; contact?: string };
			const now = (after ?? {}) as { requireCosign?: boolean; contact?: string };
			const word = (on: boolean | undefined) => t(on ? 'settings.on' : 'settings.off');
			return [
				...(was.requireCosign !== now.requireCosign
					? [
							t('records.settings.change-cosign', {
								from: word(was.requireCosign),
								to: word(now.requireCosign)
							})
						]
					: []),
				...(was.contact !== now.contact
					? [
							t('records.settings.change-contact', {
								from: was.contact ?? '',
								to: now.contact ?? ''
							})
						]
					: [])
			];
		}
		default:
			return [t('settings.change.other', { setting })];
	}
}
