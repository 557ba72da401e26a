import { z } from 'zod';
import { EXERTION_SCALES, type ExertionScale } from './domain';
import { DEFAULT_POOL_RANGES, POOL_RANGE_LABELS, describeRange, type PoolRanges } from './pool';
import { describeRuleChanges, type RuleSetting } from './rule-settings';

/** The names under which clinic_setting_changes stores each setting. */
export const SETTINGS = {
	vitalRules: 'vital_rules',
	poolRanges: 'pool_ranges',
	exertionScale: 'default_exertion_scale',
	staffRatios: 'staff_ratios',
	classWindows: 'class_windows',
	/** Per room: may a clicker or keyboard on its displays run the class. */
	displayControls: 'display_controls'
} as const;

/** Pool rooms' staff ratios as audited: room name → at most N participants per staff member. */
export type StaffRatios = Record<string, number | null>;

/** The one rule for a ratio a coordinator types: a whole number of participants per staff. */
export const STAFF_RATIO = { min: 1, max: 20 } as const;

export const EXERTION_SCALE_LABELS: Record<ExertionScale, string> = {
	borg_6_20: 'Borg RPE 6–20',
	borg_cr10: 'Borg CR10 (0–10)'
};

/** The settings form's one field for the default scale. */
export const exertionScaleSchema = z.object({
	defaultExertionScale: z.enum(EXERTION_SCALES, { error: 'Choose Borg RPE 6–20 or Borg CR10' })
});

function describePoolRanges(before: PoolRanges | null, after: PoolRanges | null): string[] {
	const old = before ?? DEFAULT_POOL_RANGES;
	const now = after ?? DEFAULT_POOL_RANGES;
	const lines: string[] = after === null ? ['Pool ranges: restored the defaults'] : [];
	for (const key of Object.keys(POOL_RANGE_LABELS) as (keyof PoolRanges)[]) {
		const { label, unit } = POOL_RANGE_LABELS[key];
		if (old[key].min !== now[key].min || old[key].max !== now[key].max) {
			lines.push(`${label} ${describeRange(old[key], unit)} → ${describeRange(now[key], unit)}`);
		}
	}
	return lines;
}

/** The class windows' fields as the audit lists them: key, label, unit. */
const CLASS_WINDOW_LABELS = [
	['startBeforeMinutes', 'Start a class from', 'min before'],
	['startAfterMinutes', 'Start a class until', 'min after'],
	['documentationHours', 'Entries taken for', 'h after the end']
] as const;

/** One line per change in an audit row, whichever setting it is about. */
export function describeSettingChange(setting: string, before: unknown, after: unknown): string[] {
	switch (setting) {
		case SETTINGS.vitalRules:
			return describeRuleChanges(before as RuleSetting[] | null, after as RuleSetting[] | null);
		case SETTINGS.poolRanges:
			return describePoolRanges(before as PoolRanges | null, after as PoolRanges | null);
		case SETTINGS.exertionScale: {
			const label = (scale: unknown) =>
				EXERTION_SCALE_LABELS[scale as ExertionScale] ?? String(scale);
			return [`Default exertion scale: ${label(before)} → ${label(after)}`];
		}
		case SETTINGS.staffRatios: {
			const was = (before ?? {}) as StaffRatios;
			const now = (after ?? {}) as StaffRatios;
			const ratio = (n: number | null | undefined) => (n ? `1 staff per ${n}` : 'not set');
			return Object.keys(now)
				.filter((room) => was[room] !== now[room])
				.map((room) => `${room}: ${ratio(was[room])} → ${ratio(now[room])}`);
		}
		case SETTINGS.classWindows: {
			const was = (before ?? {}) as Record<string, number>;
			const now = (after ?? {}) as Record<string, number>;
			return CLASS_WINDOW_LABELS.filter(([key]) => was[key] !== now[key]).map(
				([key, label, unit]) => `${label}: ${was[key]} ${unit} → ${now[key]} ${unit}`
			);
		}
		case SETTINGS.displayControls: {
			const was = (before ?? {}) as Record<string, boolean>;
			const now = (after ?? {}) as Record<string, boolean>;
			const word = (on: boolean | undefined) => (on ? 'on' : 'off');
			return Object.keys(now)
				.filter((room) => was[room] !== now[room])
				.map((room) => `Clicker control in ${room}: ${word(was[room])} → ${word(now[room])}`);
		}
		default:
			return [`${setting} changed`];
	}
}
