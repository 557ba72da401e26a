import { describe, expect, it } from 'vitest';
import { describeEntry } from './describe-entry';
import { wording } from './rules';

const en = wording('en');
const es = wording('es');

describe('one line per entry', () => {
	it('reads in English as before', () => {
		expect(describeEntry(en, { kind: 'pain', value: 4 })).toBe('Pain 4/10');
		expect(describeEntry(en, { kind: 'exertion', scale: 'borg_6_20', value: 11 })).toBe(
			'RPE 11 (Light)'
		);
		expect(describeEntry(en, { kind: 'exertion', scale: 'borg_6_20', value: 12 })).toBe('RPE 12');
		expect(
			describeEntry(en, {
				kind: 'vitals',
				vitals: { timing: 'before', heartRate: 80, systolic: 130, diastolic: 80, spo2: 97 }
			})
		).toBe('Vitals before: HR 80, BP 130/80, SpO2 97%');
		expect(describeEntry(en, { kind: 'attendance', status: 'left_early' })).toBe('Left early');
		expect(describeEntry(en, { kind: 'modifications', modifications: ['rest_break'] })).toBe(
			'Modified: rest break'
		);
	});

	it('reads in Spanish, numbers included', () => {
		expect(describeEntry(es, { kind: 'exertion', scale: 'borg_cr10', value: 0.5 })).toBe(
			`CR10 0,5 (${es.t('borg-cr10.0.5')})`
		);
		expect(describeEntry(es, { kind: 'symptoms', symptoms: ['chest_pain'] })).toBe(
			'Síntomas: Dolor en el pecho o angina'
		);
		expect(
			describeEntry(es, { kind: 'vitals', vitals: { timing: 'during', temperatureC: 37.5 } })
		).toBe('Signos vitales durante: 37,5 °C');
	});
});
