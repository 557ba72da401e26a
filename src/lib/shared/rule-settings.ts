import { z } from 'zod';
import type { Locale } from '../i18n/locales';
import type { MessageKey } from '../i18n/catalog';
import { problemsOf, type Params, type Problems } from '../i18n/problem';
import type { Translate } from '../i18n/translate';
import {
	adviceCode,
	DEFAULT_VITAL_RULES,
	METRICS,
	RULE_ACTIONS,
	type Metric,
	type RuleAction,
	type VitalRule
} from './rules';

/** What wording needs: the catalog in a language, and the language for numbers (a page's I18n). */
export type Words = { t: Translate; locale: Locale };

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
	const { decimals } = METRICS[rule.metric];
	return z.preprocess(
		// Form values arrive as text; an empty box is "missing", not zero.
		(value) =>
			typeof value === 'string' ? (value.trim() === '' ? undefined : Number(value)) : value,
		z
			.number({ error: 'settings.enter-number' })
			.min(min, `settings.rules.out-of-range.${rule.metric}`)
			.max(max, `settings.rules.out-of-range.${rule.metric}`)
			.refine(
				(n) => Math.abs(n * 10 ** decimals - Math.round(n * 10 ** decimals)) < 1e-9,
				decimals === 0 ? 'settings.rules.whole-number' : 'settings.rules.one-decimal'
			)
	);
}

function ruleSchema(rule: VitalRule) {
	return z
		.object({
			threshold: numberField(rule),
			// Only band rules have an upper edge to set.
			below: rule.below !== undefined ? numberField(rule) : z.undefined().optional(),
			action: z.enum(RULE_ACTIONS, { error: 'field.choose' }),
			enabled: z.boolean()
		})
		.strict()
		.refine((s) => s.below === undefined || s.threshold < s.below, {
			path: ['below'],
			message: 'settings.rules.below-above-threshold'
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

/**
 * zod names only the edge a number crossed (`{min}` or `{max}`); a range message names both, so
 * each problem takes the parameters `range` gives for its field and code (none: left as it is).
 */
export function withRange(
	problems: Problems,
	range: (field: string, code: MessageKey) => Params | undefined
): Problems {
	for (const [field, problem] of Object.entries(problems)) {
		const params = range(field, problem.code);
		if (params) problems[field] = { code: problem.code, params };
	}
	return problems;
}

/** A refused edit's problems by form name ("hr-rest-100.threshold"), ranges in the rule's unit. */
export function ruleProblems(error: z.ZodError): Problems {
	return withRange(problemsOf(error), (field, code) => {
		const rule = DEFAULT_VITAL_RULES.find((r) => field.startsWith(`${r.id}.`));
		if (!rule || code !== `settings.rules.out-of-range.${rule.metric}`) return undefined;
		const { min, max } = limitsFor(rule);
		return { min, max };
	});
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

const SYMBOL: Record<VitalRule['comparator'], string> = {
	'>': '>',
	'>=': '≥',
	'<': '<',
	'<=': '≤'
};

/** A comparator as the settings table shows it beside the threshold box. */
export const comparatorSymbol = (comparator: VitalRule['comparator']) => SYMBOL[comparator];

/**
 * "Resting heart rate > 100 bpm" in the reader's language: what the rule checks, always from its
 * current numbers (the settings page's and the audit list's own wording of rules.ts's labelFor).
 */
export function ruleLabel(rule: VitalRule, { t, locale }: Words): string {
	const { decimals } = METRICS[rule.metric];
	const format = new Intl.NumberFormat(locale, {
		minimumFractionDigits: decimals,
		maximumFractionDigits: decimals,
		useGrouping: false
	});
	const words = {
		metric: t(`settings.metric.${rule.metric}`),
		unit: t(`settings.unit.${rule.metric}`),
		value: format.format(rule.threshold),
		symbol: SYMBOL[rule.comparator]
	};
	// Each language puts the metric where it goes; the label starts with a capital either way.
	const label = ruleText(rule, words, format, t);
	return label[0]!.toLocaleUpperCase(locale) + label.slice(1);
}

function ruleText(
	rule: VitalRule,
	words: { metric: string; unit: string; value: string; symbol: string },
	format: Intl.NumberFormat,
	t: Translate
): string {
	const { decimals } = METRICS[rule.metric];
	if (rule.relativeToRest) {
		return rule.comparator[0] === '>'
			? t('settings.rule.above-resting', words)
			: // "falls > 10 below resting" reads better than "< resting − 10"; same test.
				t('settings.rule.falls-below-resting', {
					...words,
					symbol: rule.comparator === '<' ? '>' : '≥'
				});
	}
	const subject = t(`settings.rule.subject.${rule.when}`, words);
	if (rule.below !== undefined) {
		// A band [threshold, below): show the last value inside it, as clinicians write bands.
		const last = format.format(rule.below - 10 ** -decimals);
		return rule.comparator === '>='
			? t('settings.rule.band', { ...words, subject, last })
			: t('settings.rule.band-open', { ...words, subject, below: format.format(rule.below) });
	}
	return t('settings.rule.plain', { ...words, subject });
}

/** What to do when the rule fires, in the reader's language (advice the catalog lacks as typed). */
export function ruleAdvice(rule: VitalRule, t: Translate): string {
	const code = adviceCode(rule.advice);
	return code ? t(code) : rule.advice;
}

/** One line per change between two stored versions (null = the defaults), for the audit list. */
export function describeRuleChanges(
	before: RuleSetting[] | null,
	after: RuleSetting[] | null,
	words: Words
): string[] {
	const { t } = words;
	const old = applySettings(before);
	const lines: string[] = after === null ? [t('settings.change.rules-restored')] : [];
	const action = (a: RuleAction) => t(`settings.action.${a}`);
	applySettings(after).forEach((rule, i) => {
		const was = old[i]!;
		const label = ruleLabel(rule, words);
		if (was.threshold !== rule.threshold || was.below !== rule.below) {
			lines.push(t('settings.change.from-to', { from: ruleLabel(was, words), to: label }));
		}
		if (was.action !== rule.action) {
			lines.push(
				t('settings.change.labelled', { label, from: action(was.action), to: action(rule.action) })
			);
		}
		if ((was.enabled !== false) !== (rule.enabled !== false)) {
			lines.push(
				t(rule.enabled === false ? 'settings.change.rule-off' : 'settings.change.rule-on', {
					rule: label
				})
			);
		}
	});
	return lines;
}
