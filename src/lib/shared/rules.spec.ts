import { describe, expect, it } from 'vitest';
import {
	DEFAULT_VITAL_RULES,
	evaluateVitals,
	findingText,
	labelFor,
	symptomFindings,
	wording,
	worstAction,
	type Finding,
	type VitalRule
} from './rules';

const ids = (findings: { ruleId: string }[]) => findings.map((f) => f.ruleId).sort();

describe('vital-sign rules', () => {
	it('holds a participant whose resting blood pressure is too high', () => {
		const findings = evaluateVitals(
			{ timing: 'before', systolic: 185, diastolic: 112 },
			DEFAULT_VITAL_RULES
		);
		expect(ids(findings)).toEqual(['dbp-rest-110', 'sbp-rest-180']);
		expect(worstAction(findings)).toBe('HOLD');
	});

	it('does not apply resting rules during exercise', () => {
		expect(
			evaluateVitals({ timing: 'during', systolic: 185, diastolic: 85 }, DEFAULT_VITAL_RULES)
		).toEqual([]);
	});

	it('stops on low oxygen at any time', () => {
		const findings = evaluateVitals({ timing: 'during', spo2: 87 }, DEFAULT_VITAL_RULES);
		expect(ids(findings)).toEqual(['spo2-88', 'spo2-90']);
		expect(worstAction(findings)).toBe('STOP');
	});

	it('compares with the resting reading when a rule is relative to it', () => {
		const rest = { heartRate: 70, systolic: 140 };
		expect(
			ids(evaluateVitals({ timing: 'during', heartRate: 101 }, DEFAULT_VITAL_RULES, rest))
		).toEqual(['hr-exercise-rest-30']);
		expect(
			ids(evaluateVitals({ timing: 'after', systolic: 128 }, DEFAULT_VITAL_RULES, rest))
		).toEqual(['sbp-drop-10']);
		// Without a resting reading, relative rules stay silent rather than guess.
		expect(evaluateVitals({ timing: 'during', heartRate: 101 }, DEFAULT_VITAL_RULES)).toEqual([]);
	});

	it('bands glucose', () => {
		expect(ids(evaluateVitals({ timing: 'before', glucose: 80 }, DEFAULT_VITAL_RULES))).toEqual([
			'glucose-low'
		]);
		expect(ids(evaluateVitals({ timing: 'before', glucose: 300 }, DEFAULT_VITAL_RULES))).toEqual([
			'glucose-250'
		]);
		expect(ids(evaluateVitals({ timing: 'before', glucose: 360 }, DEFAULT_VITAL_RULES))).toEqual([
			'glucose-350'
		]);
		expect(evaluateVitals({ timing: 'before', glucose: 120 }, DEFAULT_VITAL_RULES)).toEqual([]);
	});

	it('treats any stop symptom as STOP', () => {
		expect(worstAction(symptomFindings(['dizziness']))).toBe('STOP');
		expect(worstAction([])).toBeNull();
	});

	it('skips a rule a coordinator turned off, and only that one', () => {
		const rules: VitalRule[] = DEFAULT_VITAL_RULES.map((rule) =>
			rule.id === 'spo2-90' ? { ...rule, enabled: false } : rule
		);
		expect(ids(evaluateVitals({ timing: 'during', spo2: 89 }, rules))).toEqual([]);
		expect(ids(evaluateVitals({ timing: 'during', spo2: 87 }, rules))).toEqual(['spo2-88']);
		// enabled: true and an absent flag mean the same: applied.
		const on = rules.map((rule) => ({ ...rule, enabled: true }));
		expect(ids(evaluateVitals({ timing: 'during', spo2: 89 }, on))).toEqual(['spo2-90']);
	});
});

describe('rule labels', () => {
	it('reads as clinicians write the shipped rules', () => {
		expect(DEFAULT_VITAL_RULES.map(labelFor)).toEqual([
			'Resting systolic ≥ 180 mmHg',
			'Resting systolic > 200 mmHg',
			'Resting diastolic ≥ 110 mmHg',
			'Resting heart rate > 100 bpm',
			'Heart rate during exercise > 130 bpm',
			'Heart rate > resting + 30 bpm',
			'SpO2 < 90 %',
			'SpO2 < 88 %',
			'Systolic falls > 10 mmHg below resting',
			'Temperature > 38.0 °C',
			'Glucose < 90 mg/dL',
			'Glucose 250–349 mg/dL',
			'Glucose ≥ 350 mg/dL'
		]);
	});

	it('follows a changed threshold, in the label and in the findings', () => {
		const rules = DEFAULT_VITAL_RULES.map((rule) =>
			rule.id === 'hr-rest-100' ? { ...rule, threshold: 110 } : rule
		);
		expect(evaluateVitals({ timing: 'before', heartRate: 105 }, rules)).toEqual([]);
		expect(evaluateVitals({ timing: 'before', heartRate: 111 }, rules)).toEqual([
			expect.objectContaining({
				ruleId: 'hr-rest-100',
				rule: expect.objectContaining({ threshold: 110 })
			})
		]);
		expect(labelFor(evaluateVitals({ timing: 'before', heartRate: 111 }, rules)[0]!.rule!)).toBe(
			'Resting heart rate > 110 bpm'
		);
		const band = DEFAULT_VITAL_RULES.find((rule) => rule.id === 'glucose-250')!;
		expect(labelFor({ ...band, threshold: 240, below: 400 })).toBe('Glucose 240–399 mg/dL');
		const drop = DEFAULT_VITAL_RULES.find((rule) => rule.id === 'sbp-drop-10')!;
		expect(labelFor({ ...drop, threshold: 20 })).toBe('Systolic falls > 20 mmHg below resting');
		const fever = DEFAULT_VITAL_RULES.find((rule) => rule.id === 'temp-38')!;
		expect(labelFor({ ...fever, threshold: 37.5 })).toBe('Temperature > 37.5 °C');
	});
});

describe('findings in the language of the reader', () => {
	const en = wording('en');
	const es = wording('es');

	it('words a finding from the numbers of its rule as they were when recorded', () => {
		const [finding] = evaluateVitals({ timing: 'during', spo2: 87 }, [
			DEFAULT_VITAL_RULES.find((rule) => rule.id === 'spo2-88')!
		]);
		expect(finding).toMatchObject({
			rule: { metric: 'spo2', when: 'any', comparator: '<', threshold: 88 },
			adviceCode: 'rules.advice.stop-and-tell'
		});
		expect(findingText(en, finding!)).toEqual({
			action: 'STOP',
			label: 'SpO2 < 88 %',
			advice: 'Stop and tell the supervising therapist.'
		});
		expect(findingText(es, finding!)).toEqual({
			action: 'ALTO',
			label: 'SpO2 < 88 %',
			advice: 'Detenga el ejercicio y avise al terapeuta responsable.'
		});
		const [fever] = evaluateVitals({ timing: 'before', temperatureC: 38.4 }, DEFAULT_VITAL_RULES);
		expect(findingText(es, fever!).label).toBe('Temperatura > 38,0 °C');
		const [rest] = evaluateVitals({ timing: 'before', heartRate: 105 }, DEFAULT_VITAL_RULES);
		expect(findingText(es, rest!).label).toBe('Frecuencia cardíaca en reposo > 100 lpm');
	});

	it('keeps the own advice of a coordinator as typed, and symptoms by their id', () => {
		const rule = { ...DEFAULT_VITAL_RULES[0]!, advice: 'Call Dr. Ruiz first.' };
		const [finding] = evaluateVitals({ timing: 'before', systolic: 190, diastolic: 80 }, [rule]);
		expect(finding!.adviceCode).toBeUndefined();
		// Stored as codes and numbers: no English sentence of Steady's own in it.
		expect(finding).not.toHaveProperty('label');
		expect(finding!.advice).toBe('Call Dr. Ruiz first.');
		expect(findingText(es, finding!).advice).toBe('Call Dr. Ruiz first.');
		const [symptom] = symptomFindings(['chest_pain']);
		expect(findingText(es, symptom!).label).toBe('Dolor en el pecho o angina');
		expect(findingText(en, symptom!).label).toBe('Chest pain or angina');
	});

	it('shows a finding stored before codes by its English label', () => {
		const old: Finding = {
			ruleId: 'hr-rest-100',
			action: 'WARN',
			label: 'Resting heart rate > 100 bpm',
			advice: 'Watch closely; recheck before starting.',
			verified: true
		};
		expect(findingText(es, old)).toEqual({
			action: 'AVISO',
			label: 'Resting heart rate > 100 bpm',
			advice: 'Vigile de cerca; vuelva a medir antes de empezar.'
		});
	});
});
