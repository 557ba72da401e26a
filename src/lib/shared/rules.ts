import type { Locale } from '../i18n/locales';
import { translator, type MessageKey, type Translate } from '../i18n/translate';
import { DEFAULT_ADVICE, STOP_SYMPTOMS } from './rule-defaults';
import type { Vitals, VitalsTiming } from './vitals';

export { DEFAULT_VITAL_RULES, STOP_SYMPTOMS } from './rule-defaults';

/**
 * Vital-sign and symptom rules (clinical.md section 2). These are the shipped defaults; a clinic's
 * coordinator may change thresholds and actions, and a clinician signs them off. Rules marked
 * unverified are shown as such in the UI.
 */

export const RULE_ACTIONS = ['WARN', 'HOLD', 'STOP'] as const;
export type RuleAction = (typeof RULE_ACTIONS)[number];

export type Metric = 'systolic' | 'diastolic' | 'heartRate' | 'spo2' | 'glucose' | 'temperatureC';

/** Each metric's unit (its words are the catalog's `rules.metric.*`), and how many decimals its thresholds carry. */
export const METRICS: Record<Metric, { unit: string; decimals: number }> = {
	systolic: { unit: 'mmHg', decimals: 0 },
	diastolic: { unit: 'mmHg', decimals: 0 },
	heartRate: { unit: 'bpm', decimals: 0 },
	spo2: { unit: '%', decimals: 0 },
	glucose: { unit: 'mg/dL', decimals: 0 },
	temperatureC: { unit: '°C', decimals: 1 }
};

/**
 * No label is stored: a coordinator may change the threshold, and a stored sentence would then
 * say one number while the rule checks another. labelFor() builds it from the rule itself.
 */
export type VitalRule = {
	id: string;
	metric: Metric;
	/** 'rest' = the reading before exercise; 'exercise' = during or after. */
	when: 'rest' | 'exercise' | 'any';
	comparator: '>' | '>=' | '<' | '<=';
	threshold: number;
	/**
	 * Compare with the participant's resting reading in this class instead: `threshold` is then
	 * a distance from it, above for > and >=, below for < and <= (a coordinator edits one
	 * positive number, never a sign).
	 */
	relativeToRest?: boolean;
	/** Upper bound for a band (e.g. glucose 250-349). */
	below?: number;
	action: RuleAction;
	/** A coordinator can turn a rule off without losing its values; absent means on. */
	enabled?: boolean;
	advice: string;
	source: string;
	verified: boolean;
};

export type StopSymptom = (typeof STOP_SYMPTOMS)[number]['id'];

/** What a rule checks, as its numbers were: enough to word it in any language. */
export type RuleWords = Pick<
	VitalRule,
	'metric' | 'when' | 'comparator' | 'threshold' | 'below' | 'relativeToRest'
>;

/**
 * What a rule found, as stored (findings version 2): codes and numbers, never sentences. The page
 * words it in the reader's language (findingText). Exactly one of `rule` and `symptom` says
 * what was found; exactly one of `adviceCode` and `advice` says what to do.
 */
export type Finding = {
	ruleId: string;
	action: RuleAction;
	verified: boolean;
	/** A vital-sign rule's numbers when the reading was taken (worded by findingText). */
	rule?: RuleWords;
	/** A stop symptom's id (worded by findingText). */
	symptom?: StopSymptom;
	/** The built-in advice's catalog key: the page words it. */
	adviceCode?: MessageKey;
	/** The coordinator's own advice, as they typed it (absent for built-in advice). */
	advice?: string;
	/**
	 * Only in a finding stored before rules kept their numbers (version 1, neither `rule` nor
	 * `symptom`): its English label as recorded, the only words there are for it.
	 */
	label?: string;
};

/** A language to word things in: a page's I18n, or `wording('en')` outside a page. */
export type Wording = { locale: Locale; t: Translate };

export function wording(locale: Locale): Wording {
	return { locale, t: translator(locale) };
}

const compare = (value: number, comparator: VitalRule['comparator'], threshold: number) =>
	comparator === '>'
		? value > threshold
		: comparator === '>='
			? value >= threshold
			: comparator === '<'
				? value < threshold
				: value <= threshold;

const SYMBOL: Record<VitalRule['comparator'], string> = {
	'>': '>',
	'>=': '≥',
	'<': '<',
	'<=': '≤'
};
const isAbove = (comparator: VitalRule['comparator']) => comparator[0] === '>';

/** "Resting heart rate > 100 bpm": what the rule checks, always from its current numbers. */
export function labelFor(rule: RuleWords): string {
	return ruleLabel(wording('en'), rule);
}

/** What a rule checks, in the reader's language ("Resting heart rate > 100 bpm"). */
export function ruleLabel({ locale, t }: Wording, rule: RuleWords): string {
	const { decimals } = METRICS[rule.metric];
	const format = new Intl.NumberFormat(locale, {
		minimumFractionDigits: decimals,
		maximumFractionDigits: decimals,
		useGrouping: false
	});
	const number = (n: number) => format.format(n);
	const words = {
		metric: t(`rules.metric.${rule.metric}`),
		metricStart: t(`rules.metric-start.${rule.metric}`),
		unit: t(`rules.unit.${rule.metric}`),
		symbol: SYMBOL[rule.comparator],
		threshold: number(rule.threshold)
	};
	if (rule.relativeToRest) {
		return isAbove(rule.comparator)
			? t('rules.label.above-rest', words)
			: // "falls > 10 below resting" reads better than "< resting − 10"; same test.
				t('rules.label.below-rest', { ...words, symbol: rule.comparator === '<' ? '>' : '≥' });
	}
	const subject = t(`rules.subject.${rule.when}`, words);
	if (rule.below !== undefined) {
		// A band [threshold, below): show the last value inside it, as clinicians write bands.
		const last = rule.below - 10 ** -decimals;
		return rule.comparator === '>='
			? t('rules.label.band', { ...words, subject, last: number(last) })
			: t('rules.label.under', { ...words, subject, below: number(rule.below) });
	}
	return t('rules.label.simple', { ...words, subject });
}

/** The catalog key of a built-in advice, or undefined for a coordinator's own words. */
export function adviceCode(advice: string): MessageKey | undefined {
	return Object.hasOwn(DEFAULT_ADVICE, advice) ? DEFAULT_ADVICE[advice] : undefined;
}

/**
 * A finding in the reader's language: the rule's numbers as recorded, or the symptom; a finding
 * stored before those were kept shows its English label. The built-in advice is worded from the
 * catalog; a coordinator's own advice stays as they typed it.
 */
export function findingText(
	words: Wording,
	finding: Finding
): { action: string; label: string; advice: string } {
	const label = finding.rule
		? ruleLabel(words, finding.rule)
		: finding.symptom
			? words.t(`stop-symptom.${finding.symptom}`)
			: (finding.label ?? finding.ruleId);
	// An older phone may still hold a finding with the built-in advice's English.
	const code = finding.adviceCode ?? (finding.advice ? adviceCode(finding.advice) : undefined);
	return {
		action: words.t(`rules.action.${finding.action}`),
		label,
		advice: code ? words.t(code) : (finding.advice ?? '')
	};
}

/** The built-in advice as its code, a coordinator's own as typed: never both. */
export function adviceOf(advice: string): Pick<Finding, 'adviceCode' | 'advice'> {
	const code = adviceCode(advice);
	return code ? { adviceCode: code } : { advice };
}

function ruleWords(rule: VitalRule): RuleWords {
	const { metric, when, comparator, threshold, below, relativeToRest } = rule;
	return {
		metric,
		when,
		comparator,
		threshold,
		...(below !== undefined ? { below } : {}),
		...(relativeToRest ? { relativeToRest } : {})
	};
}

function applies(rule: VitalRule, timing: VitalsTiming): boolean {
	if (rule.when === 'any') return true;
	return rule.when === 'rest' ? timing === 'before' : timing !== 'before';
}

/**
 * What a reading means under the clinic's rules. `rest` is the participant's own reading before
 * exercise in this class, for rules relative to it (skipped without one). Rules turned off are
 * skipped.
 */
export function evaluateVitals(
	vitals: Vitals,
	rules: VitalRule[],
	rest?: Pick<Vitals, 'heartRate' | 'systolic'>
): Finding[] {
	const findings: Finding[] = [];
	for (const rule of rules) {
		if (rule.enabled === false || !applies(rule, vitals.timing)) continue;
		const value = vitals[rule.metric];
		if (value === undefined) continue;
		let threshold = rule.threshold;
		if (rule.relativeToRest) {
			const base =
				rule.metric === 'heartRate'
					? rest?.heartRate
					: rule.metric === 'systolic'
						? rest?.systolic
						: undefined;
			if (base === undefined) continue;
			threshold = isAbove(rule.comparator) ? base + rule.threshold : base - rule.threshold;
		}
		if (!compare(value, rule.comparator, threshold)) continue;
		if (rule.below !== undefined && value >= rule.below) continue;
		findings.push({
			ruleId: rule.id,
			action: rule.action,
			verified: rule.verified,
			// Kept with the stored entry: what the rule was when the reading was taken.
			rule: ruleWords(rule),
			...adviceOf(rule.advice)
		});
	}
	return findings;
}

export function symptomFindings(symptoms: StopSymptom[]): Finding[] {
	return symptoms.map((id) => ({
		ruleId: `symptom:${id}`,
		action: 'STOP' as const,
		verified: true,
		symptom: id,
		adviceCode: 'rules.advice.stop-and-tell' as const
	}));
}

const RANK: Record<RuleAction, number> = { WARN: 1, HOLD: 2, STOP: 3 };

/** The most serious action among findings, or null when all is well. */
export function worstAction(findings: Finding[]): RuleAction | null {
	return findings.reduce<RuleAction | null>(
		(worst, f) => (worst === null || RANK[f.action] > RANK[worst] ? f.action : worst),
		null
	);
}
