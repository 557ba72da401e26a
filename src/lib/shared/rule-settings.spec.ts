import { describe, expect, it } from 'vitest';
import {
	applySettings,
	describeRuleChanges,
	ruleEditSchema,
	ruleLabel,
	ruleProblems,
	ruleFormInput,
	settingsOf,
	type RuleEditInput
} from './rule-settings';
import { translator } from '../i18n/translate';
import { DEFAULT_VITAL_RULES } from './rules';
import { defaultRuleForm } from './testing/rule-form';

const english = { t: translator('en'), locale: 'en' as const };
const spanish = { t: translator('es'), locale: 'es' as const };

const parse = (input: RuleEditInput) => {
	const result = ruleEditSchema.safeParse(input);
	return result.success
		? { ok: true as const, data: result.data }
		: { ok: false as const, errors: ruleProblems(result.error) };
};

describe('the rule edit schema', () => {
	it('takes the shipped values back unchanged', () => {
		const result = parse(ruleFormInput(defaultRuleForm()));
		expect(result.ok && result.data).toEqual(settingsOf(DEFAULT_VITAL_RULES));
	});

	it('names the field of every error, by its form name', () => {
		const form = defaultRuleForm();
		form.set('hr-rest-100.threshold', '400');
		form.set('spo2-90.threshold', '');
		form.set('temp-38.threshold', '38.25');
		form.set('hr-exercise-rest-30.threshold', '0');
		form.set('sbp-rest-180.action', 'PANIC');
		form.set('glucose-low.threshold', 'ninety');
		const result = parse(ruleFormInput(form));
		expect(result.ok).toBe(false);
		expect(!result.ok && result.errors).toEqual({
			'hr-rest-100.threshold': {
				code: 'settings.rules.out-of-range.heartRate',
				params: { min: 20, max: 250 }
			},
			'spo2-90.threshold': { code: 'settings.enter-number' },
			'temp-38.threshold': { code: 'settings.rules.one-decimal' },
			'hr-exercise-rest-30.threshold': {
				code: 'settings.rules.out-of-range.heartRate',
				params: { min: 1, max: 100 }
			},
			'sbp-rest-180.action': { code: 'field.choose' },
			'glucose-low.threshold': { code: 'settings.enter-number' }
		});
		const { code, params } = result.ok
			? { code: 'field.invalid' as const }
			: result.errors['hr-rest-100.threshold']!;
		expect(english.t(code, params)).toBe('Enter 20 to 250 bpm');
		expect(spanish.t(code, params)).toBe('Escriba de 20 a 250 lpm');
	});

	it('keeps a band the right way up', () => {
		const form = defaultRuleForm();
		form.set('glucose-250.threshold', '300');
		form.set('glucose-250.below', '280');
		const result = parse(ruleFormInput(form));
		expect(!result.ok && result.errors).toEqual({
			'glucose-250.below': { code: 'settings.rules.below-above-threshold' }
		});
	});

	it('reads an unticked box as off, and refuses rules it does not know', () => {
		const form = defaultRuleForm();
		form.delete('spo2-90.enabled');
		const result = parse(ruleFormInput(form));
		expect(result.ok && result.data.find((s) => s.id === 'spo2-90')?.enabled).toBe(false);
		const extra = {
			...ruleFormInput(defaultRuleForm()),
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
		expect(describeRuleChanges(null, after, english)).toEqual([
			'Resting heart rate > 100 bpm → Resting heart rate > 110 bpm',
			'Resting heart rate > 110 bpm: WARN → HOLD',
			'SpO2 < 90 %: turned off'
		]);
		expect(describeRuleChanges(after, null, english)).toEqual([
			'Restored the defaults',
			'Resting heart rate > 110 bpm → Resting heart rate > 100 bpm',
			'Resting heart rate > 100 bpm: HOLD → WARN',
			'SpO2 < 90 %: turned on'
		]);
	});
});

describe('rule labels', () => {
	it("word every shipped rule as rules.ts's English label does, and in Spanish", async () => {
		const { labelFor } = await import('./rules');
		for (const rule of DEFAULT_VITAL_RULES) expect(ruleLabel(rule, english)).toBe(labelFor(rule));
		const temp = DEFAULT_VITAL_RULES.find((rule) => rule.id === 'temp-38')!;
		expect(ruleLabel(temp, spanish)).toMatch(/^Temperatura .*38,0 °C$/);
		const hr = DEFAULT_VITAL_RULES.find((rule) => rule.id === 'hr-rest-100')!;
		expect(ruleLabel(hr, spanish)).toBe('Frecuencia cardiaca en reposo > 100 lpm');
	});
});
