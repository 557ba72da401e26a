import { describe, expect, it } from 'vitest';
import { enrollFormSchema } from './enrollment-form';
import { problemsOf } from '../i18n/problem';
import { participantFormSchema, participantFormValues } from './participant-form';

const fieldErrors = (error: Parameters<typeof problemsOf>[0]) =>
	Object.fromEntries(
		Object.entries(problemsOf(error, { top: true })).map(([field, p]) => [field, p.code])
	);

function formOf(fields: Record<string, string | string[]>) {
	const form = new FormData();
	for (const [key, value] of Object.entries(fields)) {
		for (const one of [value].flat()) form.append(key, one);
	}
	return form;
}

const valid = {
	firstName: ' Ada ',
	lastName: 'Lovelace',
	displayName: '',
	dateOfBirth: '1950-02-28',
	precautions: '',
	assistiveDevice: 'cane',
	screenedOn: '2026-11-01',
	exclusions: ['fever'],
	aquaticPrecautions: [],
	goals: '',
	emergencyContact: '',
	preferredLanguage: ''
};

describe('participant form', () => {
	it('accepts a complete form and trims names', () => {
		const parsed = participantFormSchema.parse(participantFormValues(formOf(valid)));
		expect(parsed).toMatchObject({ firstName: 'Ada', exclusions: ['fever'] });
	});

	it('names each wrong field', () => {
		const result = participantFormSchema.safeParse(
			participantFormValues(
				formOf({
					...valid,
					lastName: ' ',
					dateOfBirth: '1950-02-30',
					assistiveDevice: 'jetpack',
					screenedOn: '',
					exclusions: ['fever', 'made_up']
				})
			)
		);
		expect(result.success).toBe(false);
		const errors = fieldErrors(result.error!);
		expect(errors).toMatchObject({
			lastName: 'participants.last-name-required',
			dateOfBirth: 'participants.birth-date-required',
			assistiveDevice: 'participants.device-choose'
		});
		expect(errors.exclusions).toBeDefined();
	});

	it("keeps a handout language, or none for the clinic's", () => {
		const spanish = participantFormSchema.parse(
			participantFormValues(formOf({ ...valid, preferredLanguage: 'es' }))
		);
		expect(spanish.preferredLanguage).toBe('es');
		const clinics = participantFormSchema.parse(participantFormValues(formOf(valid)));
		expect(clinics.preferredLanguage).toBe('');
		const klingon = participantFormSchema.safeParse(
			participantFormValues(formOf({ ...valid, preferredLanguage: 'tlh' }))
		);
		expect(fieldErrors(klingon.error!)).toEqual({ preferredLanguage: 'field.choose' });
	});

	it('wants a screening date when a pool condition is ticked', () => {
		const result = participantFormSchema.safeParse(
			participantFormValues(formOf({ ...valid, screenedOn: '' }))
		);
		expect(fieldErrors(result.error!)).toEqual({
			screenedOn: 'participants.screened-on-required'
		});
	});
});

describe('enrol form', () => {
	const id = '5b0f7c9e-2a52-4c55-9a3f-0d6f0e8b1a11';
	it('needs a written reason only for an override', () => {
		expect(enrollFormSchema.safeParse({ participantId: id, scope: 'session' }).success).toBe(true);
		const short = enrollFormSchema.safeParse({
			participantId: id,
			scope: 'series',
			override: 'yes',
			overrideReason: ' ok '
		});
		expect(fieldErrors(short.error!)).toEqual({
			overrideReason: 'enrol.reason-too-short'
		});
	});
});
