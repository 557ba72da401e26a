import { z } from 'zod';
import { ADVERSE_EVENT_TYPES, ADVERSE_SEVERITIES, MODIFICATIONS } from '../entries';
import { PHASES, SUPPORT_TIERS } from '../domain';
import { outcomeResultSchema } from '../outcomes';
import { RULE_ACTIONS } from '../rules';
import { vitalsSchema } from '../vitals';

/**
 * The shape of class_notes.draft; bump with a reader for the old shape when it changes.
 * 1: the class, participation, observations, adverse events, billing.
 * 2: and the outcome tests recorded in the class (a version 1 draft reads as having none).
 */
export const NOTE_DRAFT_VERSION = 2;

/**
 * A finding as entries store it: rule codes and numbers, worded by findingText() when shown.
 * Checked loosely here (the entries' own reader owns its shape); unknown fields are kept.
 */
const findingSchema = z.looseObject({
	ruleId: z.string(),
	action: z.enum(RULE_ACTIONS),
	verified: z.boolean()
});

const at = z.number().int().positive();

const observationSchema = z.discriminatedUnion('kind', [
	z.object({
		kind: z.literal('exertion'),
		at,
		scale: z.enum(['borg_6_20', 'borg_cr10']),
		value: z.number(),
		findings: z.array(findingSchema)
	}),
	z.object({ kind: z.literal('pain'), at, value: z.number(), findings: z.array(findingSchema) }),
	z.object({
		kind: z.literal('vitals'),
		at,
		vitals: vitalsSchema,
		findings: z.array(findingSchema)
	}),
	z.object({
		kind: z.literal('symptoms'),
		at,
		symptoms: z.array(z.string()),
		findings: z.array(findingSchema)
	})
]);
export type NoteObservation = z.infer<typeof observationSchema>;

/**
 * An outcome test as the note keeps it: the result, its verdict against the cut-off as judged
 * when drafted (the participant's age on the class's day, their recorded sex), who tested.
 */
const outcomeTestSchema = z.object({
	at,
	result: outcomeResultSchema,
	judgement: z.discriminatedUnion('verdict', [
		z.object({ verdict: z.enum(['flag', 'ok']), cutoff: z.number() }),
		z.object({ verdict: z.literal('no-norm'), reason: z.enum(['age', 'sex']) })
	]),
	tester: z.object({ name: z.string(), credentials: z.string() }).nullable(),
	note: z.string().optional()
});
export type NoteOutcomeTest = z.infer<typeof outcomeTestSchema>;

/**
 * Only the outcome tests of a stored draft (what the FHIR note text needs), checked like the
 * whole draft: a version 1 draft has none; an unknown version or a broken shape reads as null.
 */
export function readDraftTests(stored: unknown, version: number): NoteOutcomeTest[] | null {
	if (version === 1) return [];
	if (version !== NOTE_DRAFT_VERSION) return null;
	const parsed = z.array(outcomeTestSchema).safeParse(stored);
	return parsed.success ? parsed.data : null;
}

const noteDraftV1Schema = z.object({
	version: z.literal(1),
	sessionId: z.uuid(),
	participantId: z.uuid(),
	/** The class's local date in the clinic's zone, YYYY-MM-DD. */
	date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
	className: z.string(),
	routineName: z.string(),
	roomName: z.string(),
	pool: z.boolean(),
	staff: z.array(
		z.object({
			userId: z.uuid(),
			name: z.string(),
			credentials: z.string(),
			role: z.enum(['lead', 'assistant'])
		})
	),
	attendance: z.enum(['present', 'late', 'left_early']),
	/** The participant's part of the class (server epoch ms) and its class time, pauses excluded. */
	from: at,
	to: at,
	minutes: z.number().int().min(0),
	classMinutes: z.number().int().min(0),
	blocks: z.array(
		z.object({
			blockIndex: z.number().int().min(0),
			name: z.string(),
			phase: z.enum(PHASES),
			minutes: z.number().int().min(0),
			tier: z.enum(SUPPORT_TIERS),
			modifications: z.array(z.enum(MODIFICATIONS)),
			/** This participant sat this one out (a 'skipped' modification). */
			skipped: z.boolean()
		})
	),
	/** Changes recorded outside any block (before the start). */
	classModifications: z.array(z.enum(MODIFICATIONS)),
	observations: z.array(observationSchema),
	adverseEvents: z.array(
		z.object({
			at,
			type: z.enum(ADVERSE_EVENT_TYPES),
			severity: z.enum(ADVERSE_SEVERITIES),
			actionTaken: z.string(),
			whoWasTold: z.string()
		})
	),
	group: z.object({ size: z.number().int().min(0), activity: z.string() }),
	billing: z.discriminatedUnion('ok', [
		z.object({ ok: z.literal(true), code: z.literal('97150'), units: z.literal(1) }),
		z.object({
			ok: z.literal(false),
			code: z.literal('97150'),
			refusal: z.literal('records.billing-group-too-small')
		})
	]),
	/** Pool classes: one-to-one 97113 time is documented separately and must not overlap. */
	aquatic: z.boolean()
});

export const noteDraftSchema = noteDraftV1Schema.extend({
	version: z.literal(NOTE_DRAFT_VERSION),
	outcomeTests: z.array(outcomeTestSchema)
});
export type NoteDraft = z.infer<typeof noteDraftSchema>;

export type DraftCheck =
	{ ok: true; draft: NoteDraft } | { ok: false; code: 'records.draft-unreadable' };

/**
 * Reads a stored draft: its version and shape are checked, never trusted. A version 1 draft
 * (drafted before outcome tests) reads as the current shape with no tests: it had none.
 */
export function readDraft(stored: unknown, version: number): DraftCheck {
	const unreadable = { ok: false, code: 'records.draft-unreadable' } as const;
	if (version === 1) {
		const old = noteDraftV1Schema.safeParse(stored);
		return old.success
			? { ok: true, draft: { ...old.data, version: NOTE_DRAFT_VERSION, outcomeTests: [] } }
			: unreadable;
	}
	if (version !== NOTE_DRAFT_VERSION) return unreadable;
	const parsed = noteDraftSchema.safeParse(stored);
	return parsed.success ? { ok: true, draft: parsed.data } : unreadable;
}
