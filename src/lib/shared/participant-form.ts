import { z } from 'zod';
import type { MessageKey } from '../i18n/catalog';
import { LOCALES } from '../i18n/locales';
import {
	AQUATIC_EXCLUSIONS,
	AQUATIC_PRECAUTIONS,
	ASSISTIVE_DEVICES,
	type AquaticExclusion,
	type AquaticPrecaution,
	type AssistiveDevice
} from './domain';
import { NORM_SEXES } from './outcomes';

/** The catalog's word for a coded value (clinical.md section 4), in the reader's language. */
export const deviceKey = (device: AssistiveDevice): MessageKey => `device.${device}`;
export const aquaticExclusionKey = (code: AquaticExclusion): MessageKey =>
	`aquatic-exclusion.${code}`;
export const aquaticPrecautionKey = (code: AquaticPrecaution): MessageKey =>
	`aquatic-precaution.${code}`;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (value: string) =>
	ISO_DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

const text = (max: number) => z.string().trim().max(max, 'field.too-long');
const required = (max: number, code: MessageKey) => text(max).min(1, code);

/**
 * One participant as the coordinator's form sends it. An empty display name means "first name +
 * last initial" (displayNameOf); the server fills it in. An empty language: the clinic's.
 * Messages are catalog keys (problemsOf words them).
 */
export const participantFormSchema = z
	.object({
		firstName: required(80, 'participants.first-name-required'),
		lastName: required(80, 'participants.last-name-required'),
		displayName: text(40),
		dateOfBirth: z
			.string()
			.trim()
			.refine(isRealDate, 'participants.birth-date-required')
			.refine((d) => d >= '1900-01-01', 'participants.birth-year-check')
			.refine((d) => d <= new Date().toISOString().slice(0, 10), 'participants.birth-date-future'),
		precautions: text(2000),
		assistiveDevice: z.enum(ASSISTIVE_DEVICES, { error: 'participants.device-choose' }),
		/** Only for the outcome tests' norms; a form without the field leaves it unrecorded. */
		sex: z.enum(NORM_SEXES, { error: 'outcomes.capture.sex-choose' }),
		preferredLanguage: z.union([z.literal(''), z.enum(LOCALES)], { error: 'field.choose' }),
		screenedOn: z
			.string()
			.trim()
			.refine((d) => d === '' || isRealDate(d), 'participants.screened-on-invalid'),
		exclusions: z.array(z.enum(AQUATIC_EXCLUSIONS), { error: 'field.choose' }),
		aquaticPrecautions: z.array(z.enum(AQUATIC_PRECAUTIONS), { error: 'field.choose' }),
		goals: text(2000),
		emergencyContact: text(300)
	})
	.refine((p) => p.screenedOn !== '' || (!p.exclusions.length && !p.aquaticPrecautions.length), {
		path: ['screenedOn'],
		message: 'participants.screened-on-required'
	});

export type ParticipantForm = z.infer<typeof participantFormSchema>;
/** What the form holds as typed, to show it again after a refusal. */
export type ParticipantFormValues = Omit<
	Record<keyof ParticipantForm, string>,
	'exclusions' | 'aquaticPrecautions'
> & { exclusions: string[]; aquaticPrecautions: string[] };

export function participantFormValues(form: FormData): ParticipantFormValues {
	const one = (name: string) => String(form.get(name) ?? '');
	return {
		firstName: one('firstName'),
		lastName: one('lastName'),
		displayName: one('displayName'),
		dateOfBirth: one('dateOfBirth'),
		precautions: one('precautions'),
		assistiveDevice: one('assistiveDevice'),
		sex: one('sex') || 'not_recorded',
		preferredLanguage: one('preferredLanguage'),
		screenedOn: one('screenedOn'),
		exclusions: form.getAll('exclusions').map(String),
		aquaticPrecautions: form.getAll('aquaticPrecautions').map(String),
		goals: one('goals'),
		emergencyContact: one('emergencyContact')
	};
}

/** A coordinator's written reason to enrol despite a refusal. */
export const overrideReasonSchema = z
	.string()
	.trim()
	.min(5, 'enrol.reason-too-short')
	.max(500, 'enrol.reason-too-long');
