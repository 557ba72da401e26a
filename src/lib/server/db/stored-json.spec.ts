import { describe, expect, it } from 'vitest';
import { DEFAULT_VITAL_RULES, evaluateVitals, findingText, wording } from '../../shared/rules';
import {
	CURRENT,
	StoredJsonError,
	storedCommand,
	storedFindings,
	storedPayload,
	storedPlan,
	storedRules
} from './stored-json';

const at = (version: number) => ({ table: 'participant_entries', id: 'row-1', version });

describe('stored JSON, checked when read', () => {
	it('reads what the writers store today', () => {
		const findings = evaluateVitals({ timing: 'during', spo2: 86 }, DEFAULT_VITAL_RULES);
		expect(findings.length).toBeGreaterThan(0);
		expect(storedFindings(findings, at(CURRENT.findings))).toEqual(findings);
		expect(storedPayload({ kind: 'pain', value: 3 }, at(CURRENT.payload))).toEqual({
			kind: 'pain',
			value: 3
		});
		expect(storedCommand({ type: 'extend', seconds: 30 }, at(1))).toEqual({
			type: 'extend',
			seconds: 30
		});
		expect(storedRules(DEFAULT_VITAL_RULES, at(1))).toBe(DEFAULT_VITAL_RULES);
		const plan = {
			blocks: [
				{ id: 'b1', kind: 'rest', phase: 'main', seconds: 30, name: '', cue: '', supportTiers: {} }
			]
		};
		expect(storedPlan(plan, at(1))).toBe(plan);
	});

	it('reads version 1 findings (English label and advice) as version 2 codes', () => {
		const v1 = [
			{
				ruleId: 'spo2-88',
				action: 'STOP',
				label: 'SpO2 < 88 %',
				advice: 'Stop and tell the supervising therapist.',
				verified: true,
				rule: { metric: 'spo2', when: 'any', comparator: '<', threshold: 88 },
				adviceCode: 'rules.advice.stop-and-tell'
			},
			// Stored before rules kept their numbers: only its English label says what it was.
			{
				ruleId: 'hr-rest-100',
				action: 'WARN',
				label: 'Resting heart rate > 100 bpm',
				advice: 'Watch closely; recheck before starting.',
				verified: true
			},
			{
				ruleId: 'custom',
				action: 'HOLD',
				label: 'Glucose < 90 mg/dL',
				advice: 'Call Dr. Ruiz first.',
				verified: false,
				rule: { metric: 'glucose', when: 'rest', comparator: '<', threshold: 90 }
			}
		];
		const read = storedFindings(v1, at(1));
		expect(read).toEqual([
			{
				ruleId: 'spo2-88',
				action: 'STOP',
				verified: true,
				rule: { metric: 'spo2', when: 'any', comparator: '<', threshold: 88 },
				adviceCode: 'rules.advice.stop-and-tell'
			},
			{
				ruleId: 'hr-rest-100',
				action: 'WARN',
				verified: true,
				adviceCode: 'rules.advice.watch-closely',
				label: 'Resting heart rate > 100 bpm'
			},
			{
				ruleId: 'custom',
				action: 'HOLD',
				verified: false,
				rule: { metric: 'glucose', when: 'rest', comparator: '<', threshold: 90 },
				advice: 'Call Dr. Ruiz first.'
			}
		]);
		const es = wording('es');
		expect(findingText(es, read[0]!)).toMatchObject({ action: 'ALTO', label: 'SpO2 < 88 %' });
		expect(findingText(es, read[1]!).label).toBe('Resting heart rate > 100 bpm');
		expect(findingText(es, read[2]!).advice).toBe('Call Dr. Ruiz first.');
	});

	it('refuses a row that fails its check, naming table, row, version and path but never the value', () => {
		const secret = 'Ana Diaz fell';
		const bad = () =>
			storedPayload(
				{ kind: 'pain', value: secret },
				{ table: 'participant_entries', id: 'e-9', version: 1 }
			);
		expect(bad).toThrow(StoredJsonError);
		expect(bad).toThrow(
			/participant_entries row e-9: payload version 1 fails its check at \.value/
		);
		try {
			bad();
		} catch (error) {
			expect(String(error)).not.toContain(secret);
		}
		// Version 2 findings carry no English sentence of Steady's.
		expect(() =>
			storedFindings(
				[
					{
						ruleId: 'x',
						action: 'WARN',
						verified: true,
						label: 'English',
						symptom: 'chest_pain',
						adviceCode: 'rules.advice.stop-and-tell'
					}
				],
				at(2)
			)
		).toThrow(/findings version 2 fails its check at \[0\]/);
		expect(() =>
			storedCommand({ type: 'start' }, { table: 'class_commands', id: 'c-1', version: 7 })
		).toThrow('class_commands row c-1: command version 7 fails its check (unknown version)');
		expect(() =>
			storedPlan({ blocks: [{ id: 'b' }] }, { table: 'class_sessions', id: 's-1', version: 1 })
		).toThrow(/class_sessions row s-1: plan version 1 fails its check at \.blocks\[0\]\.kind/);
	});
});
