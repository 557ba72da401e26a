import { describe, expect, it } from 'vitest';
import { DEFAULT_VITAL_RULES, evaluateVitals, symptomFindings, worstAction } from './rules';

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
});
