import { z } from 'zod';
import { LOCALES } from '../../i18n/locales';
import { CLASS_TYPES, EXERTION_SCALES, ROOM_KINDS } from '../domain';
import { WEEKDAY_CODES } from './recurrence';

/** The planning pages' form schemas: one per form, shared by the page and the server. */

export type FieldErrors = Record<string, string>;

export function fieldErrors(error: z.ZodError): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
	return errors;
}

/** A form's text fields as typed, to put back after a refusal. */
export function formValues(data: FormData): Record<string, string | string[]> {
	const values: Record<string, string | string[]> = {};
	for (const key of new Set(data.keys())) {
		const all = data.getAll(key).map(String);
		values[key] = key === 'days' || key === 'assistantUserIds' ? all : all[0]!;
	}
	return values;
}

const blankToUndefined = (value: unknown) =>
	typeof value === 'string' && value.trim() === '' ? undefined : value;
const number = (message: string) =>
	z.preprocess(blankToUndefined, z.coerce.number({ error: message }).optional());
const dateField = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date.');
const timeField = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time (HH:MM).');
const reasonField = z
	.string()
	.trim()
	.min(3, 'Say why (for example "Bank holiday").')
	.max(200, 'Keep the reason under 200 characters.');

export const roomFormSchema = z
	.object({
		name: z.string().trim().min(1, 'Give the room a name.').max(60, 'Keep the name short.'),
		kind: z.enum(ROOM_KINDS, { error: 'Choose gym or pool.' }),
		capacity: number('Enter the number of places.').pipe(
			z
				.number({ error: 'Enter the number of places.' })
				.int('Whole places only.')
				.min(1, 'At least 1 place.')
				.max(100, 'At most 100 places.')
		),
		waterTempMinC: number('Enter a temperature in °C.'),
		waterTempMaxC: number('Enter a temperature in °C.'),
		participantsPerStaff: number('Enter a whole number.'),
		/** A checkbox: sent as "on" when ticked, absent when not. */
		displayControls: z
			.union([z.string(), z.boolean()])
			.optional()
			.transform((value) => value === 'on' || value === 'true' || value === true)
	})
	.superRefine((room, ctx) => {
		if (room.kind !== 'pool') return;
		const issue = (path: string, message: string) =>
			ctx.addIssue({ code: 'custom', path: [path], message });
		// Therapy pools run at 33-36 °C (clinical.md section 4); allow some room around that.
		for (const key of ['waterTempMinC', 'waterTempMaxC'] as const) {
			const value = room[key];
			if (value === undefined) issue(key, 'A pool needs its water temperature range.');
			else if (value < 25 || value > 40) issue(key, 'Between 25 and 40 °C.');
		}
		if (
			room.waterTempMinC !== undefined &&
			room.waterTempMaxC !== undefined &&
			room.waterTempMinC > room.waterTempMaxC
		) {
			issue('waterTempMaxC', 'The highest temperature must not be below the lowest.');
		}
		const ratio = room.participantsPerStaff;
		if (ratio === undefined) issue('participantsPerStaff', 'A pool needs its staff ratio.');
		else if (!Number.isInteger(ratio) || ratio < 1 || ratio > 20) {
			issue('participantsPerStaff', 'A whole number from 1 to 20.');
		}
	})
	.transform((room) =>
		// A gym keeps no pool settings, whatever was typed before switching the kind.
		room.kind === 'pool'
			? room
			: {
					...room,
					waterTempMinC: undefined,
					waterTempMaxC: undefined,
					participantsPerStaff: undefined
				}
	);
export type RoomForm = z.output<typeof roomFormSchema>;

const uuid = z.uuid('Choose from the list.');

export const seriesFormSchema = z
	.object({
		name: z.string().trim().min(1, 'Give the class a name.').max(80, 'Keep the name short.'),
		type: z.enum(CLASS_TYPES, { error: 'Choose the class type.' }),
		roomId: uuid,
		routineId: uuid,
		leadUserId: uuid,
		assistantUserIds: z.array(z.uuid()).max(10, 'At most 10 assistants.').default([]),
		capacity: number('Enter the number of places.').pipe(
			z
				.number({ error: 'Enter the number of places.' })
				.int('Whole places only.')
				.min(1, 'At least 1 place.')
				.max(100, 'At most 100 places.')
		),
		exertionScale: z.enum(EXERTION_SCALES, { error: 'Choose a scale.' }),
		/** The display's language for these classes; blank: the clinic's. */
		language: z.preprocess(
			blankToUndefined,
			z.enum(LOCALES, { error: 'Choose a language.' }).optional()
		),
		days: z.array(z.enum(WEEKDAY_CODES)).min(1, 'Choose at least one day.'),
		startTime: timeField,
		durationMinutes: number('Enter the length in minutes.').pipe(
			z
				.number({ error: 'Enter the length in minutes.' })
				.int('Whole minutes only.')
				.min(10, 'At least 10 minutes.')
				.max(240, 'At most 4 hours.')
		),
		startsOn: dateField,
		endsOn: z.preprocess(blankToUndefined, dateField.optional())
	})
	.refine((s) => !s.endsOn || s.endsOn >= s.startsOn, {
		path: ['endsOn'],
		message: 'The last day must not be before the first.'
	});
export type SeriesForm = z.output<typeof seriesFormSchema>;

/** Reads the series form; checkboxes and multi-selects arrive as repeated keys. */
export function seriesFormInput(data: FormData) {
	return {
		...Object.fromEntries(data),
		days: data.getAll('days').map(String),
		assistantUserIds: data.getAll('assistantUserIds').map(String).filter(Boolean)
	};
}

export const cancelFormSchema = z.object({ reason: reasonField });

export const moveFormSchema = z.object({
	date: dateField,
	startTime: timeField,
	roomId: uuid,
	reason: reasonField
});
