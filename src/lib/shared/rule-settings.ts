import { z } from 'zod';
import {
	DEFAULT_VITAL_RULES,
	METRICS,
	RULE_ACTIONS,
	labelFor,
	type Metric,
	type RuleAction,
	type VitalRule
} from './rules';

/**
 * What a coordinator may change in a rule, and nothing else: the metric, comparator, advice,
 * source and verified flag always come from the shipped defaults, so a fixed wording or a newly
 * shipped rule reaches every clinic. This is what clinics.vital_rules stores (one per default
 * rule; null = the defaults).
 */
export type RuleSetting = {
	id: string;
	threshold: number;
	/** Band rules only: the upper edge (exclusive). */
	below?: number;
	action: RuleAction;
	enabled: boolean;
};

/**
 * Thresholds a coordinator can set: what the metric can physically be, not what is wise. A
 * threshold outside these could never fire (or always would), so it is a typing slip.
 */
export const THRESHOLD_LIMITS: Record<Metric, { min: number; max: number }> = {
	heartRate: { min: 20, max: 250 },
	systolic: { min: 60, max: 260 },
	diastolic: { min: 30, max: 160 },
	spo2: { min: 50, max: 100 },
	glucose: { min: 20, max: 600 },
	temperatureC: { min: 34, max: 42 }
};
/** Relative-to-rest rules: a distance from the resting reading. */
export const DELTA_LIMITS = { min: 1, max: 100 };

export function limitsFor(rule: VitalRule): { min: number; max: number; step: number } {
	const step = 10 ** -METRICS[rule.metric].decimals;
	return { ...(rule.relativeToRest ? DELTA_LIMITS : THRESHOLD_LIMITS[rule.metric]), step };
}

function numberField(rule: VitalRule) {
	const { min, max } = limitsFor(rule);
	const { unit, decimals } = METRICS[rule.metric];
	const range = `${min} to ${max} ${unit}`;
	return z.preprocess(
		// Form values arrive as text; an empty box is "missing", not zero.
		(value) =>
			typeof value === 'string' ? (value.trim() === '' ? undefined : Number(value)) : value,
		z
			.number({ error: 'Enter a number' })
			.min(min, `Enter ${range}`)
			.max(max, `Enter ${range}`)
			.refine(
				(n) => Math.abs(n * 10 ** decimals - Math.round(n * 10 ** decimals)) < 1e-9,
				decimals === 0 ? 'A whole number' : `At most ${decimals} decimal`
			)
	);
}

function ruleSchema(rule: VitalRule) {
	return z
		.object({
			threshold: numberField(rule),
			// Only band rules have an upper edge to set.
			below: rule.below !== undefined ? numberField(rule) : z.undefined().optional(),
			action: z.enum(RULE_ACTIONS, { error: 'Choose WARN, HOLD or STOP' }),
			enabled: z.boolean()
		})
		.strict()
		.refine((s) => s.below === undefined || s.threshold < s.below, {
			path: ['below'],
			message: 'Must be above the lower number'
		});
}

/** One edit of all the rules, keyed by rule id, as the settings form and saveClinicRules take it. */
export const ruleEditSchema = z
	.object(Object.fromEntries(DEFAULT_VITAL_RULES.map((rule) => [rule.id, ruleSchema(rule)])))
	.strict()
	.transform((edit): RuleSetting[] =>
		DEFAULT_VITAL_RULES.map((rule) => {
			const s = edit[rule.id] as Omit<RuleSetting, 'id'>;
			return {
				id: rule.id,
				threshold: s.threshold,
				...(s.below !== undefined ? { below: s.below } : {}),
				action: s.action,
				enabled: s.enabled
			};
		})
	);

/** The raw values of one rule's fields, as typed (kept to show them again beside an error). */
export type RuleEditInput = Record<
	string,
	{ threshold: string | number; below?: string | number; action: string; enabled: boolean }
>;

/** Form field names are `<rule id>.<field>`: the same path zod reports an error under. */
export function ruleFormInput(form: FormData): RuleEditInput {
	const text = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value.slice(0, 20) : '';
	};
	return Object.fromEntries(
		DEFAULT_VITAL_RULES.map((rule) => [
			rule.id,
			{
				threshold: text(`${rule.id}.threshold`),
				...(rule.below !== undefined ? { below: text(`${rule.id}.below`) } : {}),
				action: text(`${rule.id}.action`),
				// An unticked checkbox sends nothing: absent means off.
				enabled: form.has(`${rule.id}.enabled`)
			}
		])
	);
}

/** The first message for each field, keyed by its form name ("hr-rest-100.threshold"). */
export function editErrors(error: z.ZodError): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const issue of error.issues) {
		const key = issue.path.join('.') || 'form';
		errors[key] ??= issue.message;
	}
	return errors;
}

/** The defaults with a clinic's settings applied; settings for unknown rules are ignored. */
export function applySettings(settings: RuleSetting[] | null): VitalRule[] {
	return DEFAULT_VITAL_RULES.map((rule) => {
		const s = settings?.find((setting) => setting.id === rule.id);
		if (!s) return rule;
		return {
			...rule,
			threshold: s.threshold,
			...(rule.below !== undefined && s.below !== undefined ? { below: s.below } : {}),
			action: s.action,
			enabled: s.enabled
		};
	});
}

export function settingsOf(rules: VitalRule[]): RuleSetting[] {
	return rules.map((rule) => ({
		id: rule.id,
		threshold: rule.threshold,
		...(rule.below !== undefined ? { below: rule.below } : {}),
		action: rule.action,
		enabled: rule.enabled !== false
	}));
}

/** One line per change between two stored versions (null = the defaults), for the audit list. */
export function describeRuleChanges(
	before: RuleSetting[] | null,
	after: RuleSetting[] | null
): string[] {
	const old = applySettings(before);
	const lines: string[] = after === null ? ['Restored the defaults'] : [];
	applySettings(after).forEach((rule, i) => {
		const was = old[i]!;
		const label = labelFor(rule);
		if (was.threshold !== rule.threshold || was.below !== rule.below) {
			lines.push(`${labelFor(was)} → ${label}`);
		}
		if (was.action !== rule.action) lines.push(`${label}: ${was.action} → ${rule.action}`);
		if ((was.enabled !== false) !== (rule.enabled !== false)) {
			lines.push(`${label}: turned ${rule.enabled === false ? 'off' : 'on'}`);
		}
	});
	return lines;
}
