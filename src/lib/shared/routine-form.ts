import { z } from 'zod';
import { problemsOf, type Problems } from '../i18n/problem';
import { PHASES } from './domain';
import { dosingSchema } from './dosing';
import { draftInput, type RoutineDraft } from './routine-draft';

/**
 * The one schema a routine save passes: the builder posts its fields, the server reads them
 * into a draft (draftFromForm) and checks the draft here. Nothing is stored unless all of it
 * passes.
 */
const restBlock = z.object({
	kind: z.literal('rest'),
	phase: z.enum(PHASES),
	seconds: z
		.number({ error: 'builder.enter-seconds' })
		.int('builder.whole-seconds')
		.min(1, 'builder.at-least-seconds')
		.max(3600, 'builder.at-most-seconds'),
	label: z.string().trim().max(40, 'field.too-long')
});

const exerciseBlock = z.object({
	kind: z.literal('exercise'),
	phase: z.enum(PHASES),
	exerciseId: z.uuid('builder.choose-exercise'),
	dosing: dosingSchema.nullable()
});

/**
 * "Get ready" is a routine setting now: the plan puts one before each exercise that follows
 * another. A posted transition block (an old page, a hand-made post) is refused by name.
 */
const transitionBlock = z.object({ kind: z.literal('transition') }).transform((_, ctx) => {
	ctx.addIssue({
		code: 'custom',
		path: ['kind'],
		message: 'builder.transition-block'
	});
	return z.NEVER;
});

const PHASE_ORDER = Object.fromEntries(PHASES.map((phase, i) => [phase, i]));

export const routineFormSchema = z.object({
	name: z.string().trim().min(1, 'routines.name-missing').max(80, 'field.too-long'),
	description: z.string().trim().max(500, 'field.too-long'),
	/** "Get ready" seconds between exercises; null (or absent): none. */
	transitionSeconds: z
		.number({ error: 'builder.transition-missing' })
		.int('builder.whole-seconds')
		.min(1, 'builder.transition-too-short')
		.max(120, 'builder.at-most-seconds')
		.nullable()
		.optional(),
	/** Every reps block waits for Done; absent: only blocks that say so. */
	waitForDone: z.boolean().optional(),
	blocks: z
		.array(z.discriminatedUnion('kind', [exerciseBlock, restBlock, transitionBlock]))
		.min(1, 'builder.no-exercise')
		.max(200, 'builder.too-many-blocks')
		.refine((blocks) => blocks.some((block) => block.kind === 'exercise'), 'builder.no-exercise')
		.refine(
			(blocks) =>
				blocks.every(
					(b, i) => i === 0 || PHASE_ORDER[blocks[i - 1]!.phase]! <= PHASE_ORDER[b.phase]!
				),
			'builder.phase-order'
		)
});
export type RoutineInput = z.infer<typeof routineFormSchema>;

/** Numbers out of range read as the limits, in words staff use (zod's defaults say "Too small"). */
function message(issue: z.core.$ZodRawIssue): string | undefined {
	if (issue.code === 'too_small' && issue.origin === 'number') return 'builder.at-least';
	if (issue.code === 'too_big' && issue.origin === 'number') return 'builder.at-most';
	if (issue.code === 'invalid_type' && issue.expected === 'number') {
		return issue.input === undefined ? 'builder.enter-number' : 'builder.a-number';
	}
	if (issue.code === 'invalid_type' && issue.expected === 'int') return 'builder.whole-number';
	return undefined;
}

/** Checks a draft; problems are keyed by the field they belong to ("blocks.2.dosing.reps"). */
export function parseRoutineDraft(
	draft: RoutineDraft
): { ok: true; value: RoutineInput } | { ok: false; problems: Problems } {
	const result = routineFormSchema.safeParse(draftInput(draft), { error: message });
	if (result.success) return { ok: true, value: result.data };
	return { ok: false, problems: problemsOf(result.error) };
}
