import { describe, expect, it } from 'vitest';
import {
	applySettings,
	describeRuleChanges,
	editErrors,
	ruleEditSchema,
	ruleFormInput,
	settingsOf,
	type RuleEditInput
} from './rule-settings';
import { DEFAULT_VITAL_RULES } from './rules';

/** The settings form as the browser posts it, with the shipped values. */
function defaultForm(): FormData {
	const form = new FormData();
	for (const rule of DEFAULT_VITAL_RULES) {
		form.set(`${rule.id}.threshold`, String(rule.threshold));
		if (rule.below !== undefined) form.set(`${rule.id}.below`, String(rule.below));
		form.set(`${rule.id}.action`, rule.action);
		form.set(`${rule.id}.enabled`, 'on');
	}
	return form;
}

const parse = (input: RuleEditInput) => {
	const result = ruleEditSchema.safeParse(input);
	return result.success
		? { ok: true as const, data: result.data }
		: { ok: false as const, errors: editErrors(result.error) };
};

describe('the rule edit schema', () => {
	it('takes the shipped values back unchanged', () => {
		const result = parse(ruleFormInput(defaultForm()));
		expect(result.ok && result.data).toEqual(settingsOf(DEFAULT_VITAL_RULES));
	});

	it('names the field of every error, by its form name', () => {
		const form = defaultForm();
		form.set('hr-rest-100.threshold', '400');
		form.set('spo2-90.threshold', '');
		form.set('temp-38.threshold', '38.25');
		form.set('hr-exercise-rest-30.threshold', '0');
		form.set('sbp-rest-180.action', 'PANIC');
		form.set('glucose-low.threshold', 'ninety');
		const result = parse(ruleFormInput(form));
		expect(result.ok).toBe(false);
		expect(!result.ok && result.errors).toEqual({
			'hr-rest-100.threshold': 'Enter 20 to 250 bpm',
			'spo2-90.threshold': 'Enter a number',
			'temp-38.threshold': 'At most 1 decimal',
			'hr-exercise-rest-30.threshold': 'Enter 1 to 100 bpm',
			'sbp-rest-180.action': 'Choose WARN, HOLD or STOP',
			'glucose-low.threshold': 'Enter a number'
		});
	});

	it('keeps a band the right way up', () => {
		const form = defaultForm();
		form.set('glucose-250.threshold', '300');
		form.set('glucose-250.below', '280');
		const result = parse(ruleFormInput(form));
		expect(!result.ok && result.errors).toEqual({
			'glucose-250.below': 'Must be above the lower number'
		});
	});

	it('reads an unticked box as off, and refuses rules it does not know', () => {
		const form = defaultForm();
		form.delete('spo2-90.enabled');
		const result = parse(ruleFormInput(form));
		expect(result.ok && result.data.find((s) => s.id === 'spo2-90')?.enabled).toBe(false);
		const extra = {
			...ruleFormInput(defaultForm()),
			'my-rule': { threshold: 1, action: 'WARN', enabled: true }
		};
		expect(parse(extra).ok).toBe(false);
	});
});

describe('clinic settings over the defaults', () => {
	it('applies thresholds, actions and on/off, and nothing else', () => {
		const settings = settingsOf(DEFAULT_VITAL_RULES).map((s) =>
			s.id === 'hr-rest-100' ? { ...s, threshold: 110, action: 'HOLD' as const, enabled: false } : s
		);
		const rules = applySettings([
			...settings,
			{ id: 'gone', threshold: 1, action: 'STOP', enabled: true }
		]);
		expect(rules.map((rule) => rule.id)).toEqual(DEFAULT_VITAL_RULES.map((rule) => rule.id));
		expect(rules.find((rule) => rule.id === 'hr-rest-100')).toMatchObject({
			threshold: 110,
			action: 'HOLD',
			enabled: false,
			advice: 'Watch closely; recheck before starting.'
		});
		expect(applySettings(null)).toEqual(DEFAULT_VITAL_RULES);
	});

	it('describes a change in plain lines', () => {
		const after = settingsOf(DEFAULT_VITAL_RULES).map((s) =>
			s.id === 'hr-rest-100'
				? { ...s, threshold: 110, action: 'HOLD' as const }
				: s.id === 'spo2-90'
					? { ...s, enabled: false }
					: s
		);
		expect(describeRuleChanges(null, after)).toEqual([
			'Resting heart rate > 100 bpm → Resting heart rate > 110 bpm',
			'Resting heart rate > 110 bpm: WARN → HOLD',
			'SpO2 < 90 %: turned off'
		]);
		expect(describeRuleChanges(after, null)).toEqual([
			'Restored the defaults',
			'Resting heart rate > 110 bpm → Resting heart rate > 100 bpm',
			'Resting heart rate > 100 bpm: HOLD → WARN',
			'SpO2 < 90 %: turned on'
		]);
	});
});
