import type { MessageKey } from '../i18n/translate';
import type { VitalRule } from './rules';

/**
 * The shipped rules (clinical.md section 2) as data, with the English record each finding keeps:
 * a stored finding says, in English, what the rule said when the reading was taken (the audit
 * trail and exports read that), and the pages word it from its codes in the reader's language.
 * Sources are citations, never translated. A coordinator may change thresholds, actions and
 * advice (settings); their own advice stays in the words they typed.
 */

/** What every stop symptom advises (its words: `rules.advice.stop-and-tell`). */
export const STOP_ADVICE = 'Stop and tell the supervising therapist.';

export const DEFAULT_VITAL_RULES: VitalRule[] = [
	{
		id: 'sbp-rest-180',
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
		metric: 'heartRate',
		when: 'exercise',
		comparator: '>',
		threshold: 130,
		action: 'STOP',
		advice: STOP_ADVICE,
		source: 'Inpatient phase I guidance',
		verified: false
	},
	{
		id: 'hr-exercise-rest-30',
		metric: 'heartRate',
		when: 'exercise',
		comparator: '>',
		threshold: 30,
		relativeToRest: true,
		action: 'STOP',
		advice: STOP_ADVICE,
		source: 'Inpatient phase I guidance',
		verified: false
	},
	{
		id: 'spo2-90',
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
		metric: 'spo2',
		when: 'any',
		comparator: '<',
		threshold: 88,
		action: 'STOP',
		advice: STOP_ADVICE,
		source: 'Hillegass 2014; Garvey 2012',
		verified: true
	},
	{
		id: 'sbp-drop-10',
		metric: 'systolic',
		when: 'exercise',
		comparator: '<',
		threshold: 10,
		relativeToRest: true,
		action: 'STOP',
		advice: STOP_ADVICE,
		source: 'ACSM test-termination criteria',
		verified: true
	},
	{
		id: 'temp-38',
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

/** The built-in advice sentences, by their English words: each has a catalog key. */
export const DEFAULT_ADVICE: Record<string, MessageKey> = {
	'Do not start exercise.': 'rules.advice.do-not-start',
	'Relative contraindication: do not start.': 'rules.advice.relative-contraindication',
	'Watch closely; recheck before starting.': 'rules.advice.watch-closely',
	[STOP_ADVICE]: 'rules.advice.stop-and-tell',
	'Stop; rest until SpO2 is 90 % or more.': 'rules.advice.spo2-rest',
	'Do not exercise today.': 'rules.advice.not-today',
	'Carbohydrate first, then recheck.': 'rules.advice.carbohydrate-first',
	'Check ketones before exercise.': 'rules.advice.check-ketones'
};
