import { z } from 'zod';
import { STOP_SYMPTOMS } from './rules';
import { outcomeResultSchema } from './outcomes';
import { BORG_CR10, BORG_RPE, PAIN, vitalsSchema } from './vitals';

/**
 * What a technician records about a participant during a class. Each entry is made on the phone
 * with its own id, kept in the phone's outbox until the server has committed it, and never
 * changed afterwards: an edit or a deletion is a new entry that supersedes the old one.
 */

export const ATTENDANCE = ['present', 'late', 'left_early', 'absent', 'excused'] as const;
export type Attendance = (typeof ATTENDANCE)[number];

export const MODIFICATIONS = [
	'seated',
	'one_hand_support',
	'two_hand_support',
	'reduced_range',
	'fewer_reps',
	'rest_break',
	'flotation_aid',
	'deeper_water',
	'shallower_water',
	'skipped'
] as const;

export type Modification = (typeof MODIFICATIONS)[number];

export const ADVERSE_EVENT_TYPES = [
	'fall',
	'cardiac',
	'hypoglycaemia',
	'near_drowning',
	'injury',
	'other'
] as const;
export type AdverseEventType = (typeof ADVERSE_EVENT_TYPES)[number];
export const ADVERSE_SEVERITIES = ['mild', 'moderate', 'serious'] as const;
export type AdverseSeverity = (typeof ADVERSE_SEVERITIES)[number];

const halfSteps = (value: number) => Number.isInteger(value * 2);
const symptomIds = STOP_SYMPTOMS.map((s) => s.id) as [string, ...string[]];
const text = (max: number, what: 'note' | 'action-taken' | 'who-was-told') =>
	z.string().trim().min(1, `entries.${what}-required`).max(max, `entries.${what}-too-long`);
const distinct = <T>(items: T[]) => new Set(items).size === items.length;

export const entryPayloadSchema = z.discriminatedUnion('kind', [
	z
		.object({
			kind: z.literal('attendance'),
			status: z.enum(ATTENDANCE),
			/** For 'left_early': when they left, server epoch ms. */
			leftAt: z.number().int().positive().optional()
		})
		.strict()
		.refine((a) => a.leftAt === undefined || a.status === 'left_early', {
			message: 'entries.left-at-only-left-early'
		}),
	z
		.object({
			kind: z.literal('exertion'),
			scale: z.enum(['borg_6_20', 'borg_cr10']),
			value: z.number()
		})
		.strict()
		.refine(
			(e) =>
				e.scale === 'borg_6_20'
					? Number.isInteger(e.value) && e.value >= BORG_RPE.min && e.value <= BORG_RPE.max
					: halfSteps(e.value) && e.value >= BORG_CR10.min && e.value <= BORG_CR10.max,
			{ message: 'entries.exertion-range' }
		),
	z
		.object({
			kind: z.literal('pain'),
			value: z
				.number()
				.int('entries.pain-whole')
				.min(PAIN.min, 'entries.pain-range')
				.max(PAIN.max, 'entries.pain-range')
		})
		.strict(),
	z.object({ kind: z.literal('vitals'), vitals: vitalsSchema }).strict(),
	z
		.object({
			kind: z.literal('modifications'),
			modifications: z
				.array(z.enum(MODIFICATIONS))
				.min(1, 'entries.choose-change')
				.max(MODIFICATIONS.length)
				.refine(distinct, 'entries.each-change-once')
		})
		.strict(),
	z
		.object({
			kind: z.literal('symptoms'),
			symptoms: z
				.array(z.enum(symptomIds))
				.min(1, 'entries.choose-symptom')
				.max(symptomIds.length)
				.refine(distinct, 'entries.each-symptom-once')
		})
		.strict(),
	z.object({ kind: z.literal('note'), text: text(500, 'note') }).strict(),
	z
		.object({
			kind: z.literal('adverse_event'),
			type: z.enum(ADVERSE_EVENT_TYPES),
			severity: z.enum(ADVERSE_SEVERITIES),
			actionTaken: text(500, 'action-taken'),
			whoWasTold: text(200, 'who-was-told')
		})
		.strict(),
	/**
	 * Pool classes: how many people came out of the water at the end. About the whole class (no
	 * participant); the class cannot be ended until it matches the headcount in.
	 */
	z.object({ kind: z.literal('headcount_out'), count: z.number().int().min(0).max(100) }).strict(),
	/**
	 * Resting from this moment (recordedAt) until a later back_in: shown on every phone's roster
	 * and kept in the record. `alertId`: the alert entry that made staff sit them out.
	 */
	z.object({ kind: z.literal('sit_out'), alertId: z.uuid().optional() }).strict(),
	/** Back to the exercises after sitting out. */
	z.object({ kind: z.literal('back_in') }).strict(),
	/** Withdraws an earlier entry (recorded by mistake); the earlier one stays in the history. */
	z.object({ kind: z.literal('retraction') }).strict(),
	/**
	 * A standard outcome test (outcomes.ts): in or after a class from the phone, or from the
	 * participant's page (then about no class). Who tested is the entry's user; when, its time.
	 */
	z
		.object({
			kind: z.literal('outcome_test'),
			result: outcomeResultSchema,
			note: text(500, 'note').optional()
		})
		.strict()
]);
export type EntryPayload = z.infer<typeof entryPayloadSchema>;
export type EntryKind = EntryPayload['kind'];

export const entrySchema = z
	.object({
		/** Made on the phone; the server treats a repeated id as already done. */
		id: z.uuid(),
		sessionId: z.uuid(),
		/** Null only for entries about the whole class (headcount_out). */
		participantId: z.uuid().nullable(),
		/** The entry this one replaces (an edit) or withdraws (a retraction). */
		supersedes: z.uuid().optional(),
		/** When the technician recorded it, by the phone's corrected clock (server epoch ms). */
		recordedAt: z.number().int().positive(),
		/** Which phone, so the history says where each entry came from. */
		deviceId: z.string().min(1).max(64),
		payload: entryPayloadSchema
	})
	.strict()
	.refine((e) => e.payload.kind !== 'retraction' || e.supersedes !== undefined, {
		message: 'entries.retraction-needs-target'
	})
	.refine((e) => (e.payload.kind === 'headcount_out') === (e.participantId === null), {
		message: 'entries.headcount-whole-class'
	});
export type Entry = z.infer<typeof entrySchema>;
