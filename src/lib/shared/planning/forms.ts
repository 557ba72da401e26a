import { z } from 'zod';
import type { MessageKey } from '../../i18n/catalog';
import { LOCALES } from '../../i18n/locales';
import { CLASS_TYPES, EXERTION_SCALES, ROOM_KINDS } from '../domain';
import { WEEKDAY_CODES } from './recurrence';

/** The planning pages' form schemas: one per form, shared by the page and the server. */

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
const number = (message: MessageKey) =>
	z.preprocess(blankToUndefined, z.coerce.number({ error: message }).optional());
const dateField = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'planning.date-invalid');
const timeField = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'planning.time-invalid');
const reasonField = z
	.string()
	.trim()
	.min(3, 'session-change.reason-required')
	.max(200, 'field.too-long');

export const roomFormSchema = z
	.object({
		name: z.string().trim().min(1, 'rooms.name-required').max(60, 'field.too-long'),
		kind: z.enum(ROOM_KINDS, { error: 'rooms.kind-required' }),
		capacity: number('planning.places-required').pipe(
			z
				.number({ error: 'planning.places-required' })
				.int('planning.whole-places')
				.min(1, 'planning.places-min')
				.max(100, 'planning.places-max')
		),
		waterTempMinC: number('rooms.temperature-invalid'),
		waterTempMaxC: number('rooms.temperature-invalid'),
		participantsPerStaff: number('planning.whole-number'),
		/** A checkbox: sent as "on" when ticked, absent when not. */
		displayControls: z
			.union([z.string(), z.boolean()])
			.optional()
			.transform((value) => value === 'on' || value === 'true' || value === true)
	})
	.superRefine((room, ctx) => {
		if (room.kind !== 'pool') return;
		const issue = (path: string, message: MessageKey) =>
			ctx.addIssue({ code: 'custom', path: [path], message });
		// Therapy pools run at 33-36 °C (clinical.md section 4); allow some room around that.
		for (const key of ['waterTempMinC', 'waterTempMaxC'] as const) {
			const value = room[key];
			if (value === undefined) issue(key, 'rooms.temperature-required');
			else if (value < 25 || value > 40) issue(key, 'rooms.temperature-range');
		}
		if (
			room.waterTempMinC !== undefined &&
			room.waterTempMaxC !== undefined &&
			room.waterTempMinC > room.waterTempMaxC
		) {
			issue('waterTempMaxC', 'rooms.temperature-reversed');
		}
		const ratio = room.participantsPerStaff;
		if (ratio === undefined) issue('participantsPerStaff', 'rooms.ratio-required');
		else if (!Number.isInteger(ratio) || ratio < 1 || ratio > 20) {
			issue('participantsPerStaff', 'rooms.ratio-range');
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

const uuid = z.uuid('field.choose');

export const seriesFormSchema = z
	.object({
		name: z.string().trim().min(1, 'series.name-required').max(80, 'field.too-long'),
		/** A built-in class type by its kind, or any of the clinic's class types by id. */
		type: z.union([z.enum(CLASS_TYPES), z.uuid()], { error: 'field.choose' }),
		roomId: uuid,
		routineId: uuid,
		leadUserId: uuid,
		assistantUserIds: z.array(z.uuid()).max(10, 'series.assistants-too-many').default([]),
		capacity: number('planning.places-required').pipe(
			z
				.number({ error: 'planning.places-required' })
				.int('planning.whole-places')
				.min(1, 'planning.places-min')
				.max(100, 'planning.places-max')
		),
		exertionScale: z.enum(EXERTION_SCALES, { error: 'field.choose' }),
		/** The display's language for these classes; blank: the clinic's. */
		language: z.preprocess(blankToUndefined, z.enum(LOCALES, { error: 'field.choose' }).optional()),
		days: z.array(z.enum(WEEKDAY_CODES)).min(1, 'series.days-required'),
		startTime: timeField,
		durationMinutes: number('series.minutes-required').pipe(
			z
				.number({ error: 'series.minutes-required' })
				.int('series.whole-minutes')
				.min(10, 'series.minutes-min')
				.max(240, 'series.minutes-max')
		),
		startsOn: dateField,
		endsOn: z.preprocess(blankToUndefined, dateField.optional())
	})
	.refine((s) => !s.endsOn || s.endsOn >= s.startsOn, {
		path: ['endsOn'],
		message: 'series.ends-before-start'
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
export type CancelForm = z.output<typeof cancelFormSchema>;

export const moveFormSchema = z.object({
	date: dateField,
	startTime: timeField,
	roomId: uuid,
	reason: reasonField
});
export type MoveForm = z.output<typeof moveFormSchema>;
