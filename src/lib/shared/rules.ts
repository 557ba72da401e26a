import type { Vitals, VitalsTiming } from './vitals';

/**
 * Vital-sign and symptom rules (clinical.md section 2). These are the shipped defaults; a clinic's
 * coordinator may change thresholds and actions, and a clinician signs them off. Rules marked
 * unverified are shown as such in the UI.
 */

export const RULE_ACTIONS = ['WARN', 'HOLD', 'STOP'] as const;
export type RuleAction = (typeof RULE_ACTIONS)[number];

type Metric = 'systolic' | 'diastolic' | 'heartRate' | 'spo2' | 'glucose' | 'temperatureC';

export type VitalRule = {
	id: string;
	label: string;
	metric: Metric;
	/** 'rest' = the reading before exercise; 'exercise' = during or after. */
	when: 'rest' | 'exercise' | 'any';
	comparator: '>' | '>=' | '<' | '<=';
	threshold: number;
	/** Compare with the participant's resting reading in this class plus `threshold` instead. */
	relativeToRest?: boolean;
	/** Upper bound for a band (e.g. glucose 250-349). */
	below?: number;
	action: RuleAction;
	advice: string;
	source: string;
	verified: boolean;
};

export const DEFAULT_VITAL_RULES: VitalRule[] = [
	{
		id: 'sbp-rest-180',
		label: 'Resting systolic ≥ 180 mmHg',
		metric: 'systolic',
		when: 'rest',
		comparator: '>=',
		threshold: 180,
		action: 'HOLD',
		advice: 'Do not start exercise.',
		source: 'ACSM GETP via cardiac-rehab summaries',
		verified: true
	},
	{
		id: 'sbp-rest-200',
		label: 'Resting systolic > 200 mmHg',
		metric: 'systolic',
		when: 'rest',
		comparator: '>',
		threshold: 200,
		action: 'HOLD',
		advice: 'Relative contraindication: do not start.',
		source: 'ACSM GETP 9th ed.',
		verified: true
	},
	{
		id: 'dbp-rest-110',
		label: 'Resting diastolic ≥ 110 mmHg',
		metric: 'diastolic',
		when: 'rest',
		comparator: '>=',
		threshold: 110,
		action: 'HOLD',
		advice: 'Do not start exercise.',
		source: 'ACSM GETP',
		verified: true
	},
	{
		id: 'hr-rest-100',
		label: 'Resting heart rate > 100 bpm',
		metric: 'heartRate',
		when: 'rest',
		comparator: '>',
		threshold: 100,
		action: 'WARN',
		advice: 'Watch closely; recheck before starting.',
		source: 'Cardiac rehab guidance',
		verified: true
	},
	{
		id: 'hr-exercise-130',
		label: 'Heart rate during exercise > 130 bpm',
		metric: 'heartRate',
		when: 'exercise',
		comparator: '>',
		threshold: 130,
		action: 'STOP',
		advice: 'Stop and tell the supervising therapist.',
		source: 'Inpatient phase I guidance',
		verified: false
	},
	{
		id: 'hr-exercise-rest-30',
		label: 'Heart rate > resting + 30 bpm',
		metric: 'heartRate',
		when: 'exercise',
		comparator: '>',
		threshold: 30,
		relativeToRest: true,
		action: 'STOP',
		advice: 'Stop and tell the supervising therapist.',
		source: 'Inpatient phase I guidance',
		verified: false
	},
	{
		id: 'spo2-90',
		label: 'SpO2 < 90 %',
		metric: 'spo2',
		when: 'any',
		comparator: '<',
		threshold: 90,
		action: 'STOP',
		advice: 'Stop; rest until SpO2 is 90 % or more.',
		source: 'Pulmonary rehab class rule',
		verified: true
	},
	{
		id: 'spo2-88',
		label: 'SpO2 < 88 %',
		metric: 'spo2',
		when: 'any',
		comparator: '<',
		threshold: 88,
		action: 'STOP',
		advice: 'Stop and tell the supervising therapist.',
		source: 'Hillegass 2014; Garvey 2012',
		verified: true
	},
	{
		id: 'sbp-drop-10',
		label: 'Systolic falls > 10 mmHg below resting',
		metric: 'systolic',
		when: 'exercise',
		comparator: '<',
		threshold: -10,
		relativeToRest: true,
		action: 'STOP',
		advice: 'Stop and tell the supervising therapist.',
		source: 'ACSM test-termination criteria',
		verified: true
	},
	{
		id: 'temp-38',
		label: 'Temperature > 38.0 °C',
		metric: 'temperatureC',
		when: 'any',
		comparator: '>',
		threshold: 38,
		action: 'HOLD',
		advice: 'Do not exercise today.',
		source: 'Contraindication tables',
		verified: true
	},
	{
		id: 'glucose-low',
		label: 'Glucose < 90 mg/dL',
		metric: 'glucose',
		when: 'any',
		comparator: '<',
		threshold: 90,
		action: 'WARN',
		advice: 'Carbohydrate first, then recheck.',
		source: 'ADA 2016 position statement',
		verified: true
	},
	{
		id: 'glucose-250',
		label: 'Glucose 250–349 mg/dL',
		metric: 'glucose',
		when: 'any',
		comparator: '>=',
		threshold: 250,
		below: 350,
		action: 'WARN',
		advice: 'Check ketones before exercise.',
		source: 'ADA 2016 position statement',
		verified: true
	},
	{
		id: 'glucose-350',
		label: 'Glucose ≥ 350 mg/dL',
		metric: 'glucose',
		when: 'any',
		comparator: '>=',
		threshold: 350,
		action: 'HOLD',
		advice: 'Do not exercise today.',
		source: 'ADA 2016 position statement',
		verified: true
	}
];

/** Any one of these: STOP and tell the supervising therapist (ACSM; Otago booklet). */
export const STOP_SYMPTOMS = [
	{ id: 'chest_pain', label: 'Chest pain or angina' },
	{ id: 'dizziness', label: 'Dizziness, unsteadiness or confusion' },
	{ id: 'breathless', label: 'Severe shortness of breath (cannot speak)' },
	{ id: 'pallor', label: 'Pale, blue or cold clammy skin' },
	{ id: 'palpitations', label: 'Palpitations or irregular pulse' },
	{ id: 'claudication', label: 'Leg pain when walking (claudication)' },
	{ id: 'asks_to_stop', label: 'Asks to stop' }
] as const;
export type StopSymptom = (typeof STOP_SYMPTOMS)[number]['id'];

export type Finding = {
	ruleId: string;
	action: RuleAction;
	label: string;
	advice: string;
	verified: boolean;
};

const compare = (value: number, comparator: VitalRule['comparator'], threshold: number) =>
	comparator === '>'
		? value > threshold
		: comparator === '>='
			? value >= threshold
			: comparator === '<'
				? value < threshold
				: value <= threshold;

function applies(rule: VitalRule, timing: VitalsTiming): boolean {
	if (rule.when === 'any') return true;
	return rule.when === 'rest' ? timing === 'before' : timing !== 'before';
}

/**
 * What a reading means under the clinic's rules. `rest` is the participant's own reading before
 * exercise in this class, for rules relative to it (skipped without one).
 */
export function evaluateVitals(
	vitals: Vitals,
	rules: VitalRule[],
	rest?: Pick<Vitals, 'heartRate' | 'systolic'>
): Finding[] {
	const findings: Finding[] = [];
	for (const rule of rules) {
		if (!applies(rule, vitals.timing)) continue;
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
			threshold = base + rule.threshold;
		}
		if (!compare(value, rule.comparator, threshold)) continue;
		if (rule.below !== undefined && value >= rule.below) continue;
		findings.push({
			ruleId: rule.id,
			action: rule.action,
			label: rule.label,
			advice: rule.advice,
			verified: rule.verified
		});
	}
	return findings;
}

export function symptomFindings(symptoms: StopSymptom[]): Finding[] {
	return symptoms.map((id) => ({
		ruleId: `symptom:${id}`,
		action: 'STOP' as const,
		label: STOP_SYMPTOMS.find((s) => s.id === id)!.label,
		advice: 'Stop and tell the supervising therapist.',
		verified: true
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
