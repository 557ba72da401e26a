import { z } from 'zod';
import {
	AQUATIC_EXCLUSIONS,
	AQUATIC_PRECAUTIONS,
	ASSISTIVE_DEVICES,
	type AquaticExclusion,
	type AquaticPrecaution,
	type AssistiveDevice
} from './domain';

/** Words staff read for the coded values (clinical.md section 4). */
export const ASSISTIVE_DEVICE_LABELS: Record<AssistiveDevice, string> = {
	none: 'None',
	cane: 'Cane',
	quad_cane: 'Quad cane',
	walker: 'Walker',
	rollator: 'Rollator',
	wheelchair: 'Wheelchair',
	other: 'Other'
};

export const AQUATIC_EXCLUSION_LABELS: Record<AquaticExclusion, string> = {
	fever: 'Fever',
	uncontrolled_seizures: 'Uncontrolled seizures',
	unstable_cardiac_disease: 'Unstable cardiac disease',
	open_wounds: 'Open wounds',
	bowel_incontinence: 'Bowel incontinence',
	infectious_disease: 'Infectious disease',
	tracheostomy: 'Tracheostomy',
	chlorine_allergy: 'Chlorine allergy'
};

export const AQUATIC_PRECAUTION_LABELS: Record<AquaticPrecaution, string> = {
	small_covered_wounds: 'Small covered wounds',
	uncontrolled_bp: 'Uncontrolled blood pressure',
	ms_heat_intolerance: 'MS heat intolerance',
	controlled_seizures: 'Controlled seizures',
	orthostatic_hypotension: 'Orthostatic hypotension on exit',
	ostomy: 'Ostomy',
	fear_of_water: 'Fear of water'
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (value: string) =>
	ISO_DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

const text = (max: number) => z.string().trim().max(max, `At most ${max} characters`);
const required = (max: number, message: string) => text(max).min(1, message);

/**
 * One participant as the coordinator's form sends it. An empty display name means "first name +
 * last initial" (displayNameOf); the server fills it in.
 */
export const participantFormSchema = z
	.object({
		firstName: required(80, 'Enter the first name'),
		lastName: required(80, 'Enter the last name'),
		displayName: text(40),
		dateOfBirth: z
			.string()
			.trim()
			.refine(isRealDate, 'Enter the date of birth')
			.refine((d) => d >= '1900-01-01', 'Check the year')
			.refine((d) => d <= new Date().toISOString().slice(0, 10), 'Cannot be in the future'),
		precautions: text(2000),
		assistiveDevice: z.enum(ASSISTIVE_DEVICES, { error: 'Choose a device (or None)' }),
		screenedOn: z
			.string()
			.trim()
			.refine((d) => d === '' || isRealDate(d), 'Enter a date, or leave empty if not screened'),
		exclusions: z.array(z.enum(AQUATIC_EXCLUSIONS)),
		aquaticPrecautions: z.array(z.enum(AQUATIC_PRECAUTIONS)),
		goals: text(2000),
		emergencyContact: text(300)
	})
	.refine((p) => p.screenedOn !== '' || (!p.exclusions.length && !p.aquaticPrecautions.length), {
		path: ['screenedOn'],
		message: 'Give the screening date for the ticked conditions'
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
		screenedOn: one('screenedOn'),
		exclusions: form.getAll('exclusions').map(String),
		aquaticPrecautions: form.getAll('aquaticPrecautions').map(String),
		goals: one('goals'),
		emergencyContact: one('emergencyContact')
	};
}

/** Field name -> first message, for showing each error next to its field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const issue of error.issues) {
		const key = String(issue.path[0] ?? 'form');
		errors[key] ??= issue.message;
	}
	return errors;
}

/** A coordinator's written reason to enrol despite a refusal. */
export const overrideReasonSchema = z
	.string()
	.trim()
	.min(5, 'Write why (at least 5 characters)')
	.max(500, 'At most 500 characters');
