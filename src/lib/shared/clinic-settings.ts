import { z } from 'zod';
import { EXERTION_SCALES, type ExertionScale } from './domain';
import { DEFAULT_POOL_RANGES, POOL_RANGE_LABELS, describeRange, type PoolRanges } from './pool';
import { describeRuleChanges, type RuleSetting } from './rule-settings';

/** The names under which clinic_setting_changes stores each setting. */
export const SETTINGS = {
	vitalRules: 'vital_rules',
	poolRanges: 'pool_ranges',
	exertionScale: 'default_exertion_scale'
} as const;

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
		default:
			return [`${setting} changed`];
	}
}
