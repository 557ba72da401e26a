import { z } from 'zod';
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
		.number({ error: 'Enter the seconds' })
		.int('A whole number of seconds')
		.min(1, 'At least 1 s')
		.max(3600, 'At most 3600 s (an hour)'),
	label: z.string().trim().max(40, 'At most 40 characters')
});

const exerciseBlock = z.object({
	kind: z.literal('exercise'),
	phase: z.enum(PHASES),
	exerciseId: z.uuid('Choose an exercise'),
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
		message:
			'Get ready is a routine setting now: remove this block and set Get ready between exercises under Routine settings'
	});
	return z.NEVER;
});

const PHASE_ORDER = Object.fromEntries(PHASES.map((phase, i) => [phase, i]));

export const routineFormSchema = z.object({
	name: z.string().trim().min(1, 'Give the routine a name').max(80, 'At most 80 characters'),
	description: z.string().trim().max(500, 'At most 500 characters'),
	/** "Get ready" seconds between exercises; null (or absent): none. */
	transitionSeconds: z
		.number({ error: 'Enter the seconds, or choose Off' })
		.int('A whole number of seconds')
		.min(1, 'At least 1 s, or choose Off')
		.max(120, 'At most 120 s')
		.nullable()
		.optional(),
	/** Every reps block waits for Done; absent: only blocks that say so. */
	waitForDone: z.boolean().optional(),
	blocks: z
		.array(z.discriminatedUnion('kind', [exerciseBlock, restBlock, transitionBlock]))
		.min(1, 'Add at least one exercise')
		.max(200, 'At most 200 blocks')
		.refine(
			(blocks) => blocks.some((block) => block.kind === 'exercise'),
			'Add at least one exercise'
		)
		.refine(
			(blocks) =>
				blocks.every(
					(b, i) => i === 0 || PHASE_ORDER[blocks[i - 1]!.phase]! <= PHASE_ORDER[b.phase]!
				),
			'Warm-up blocks come first and cool-down blocks last'
		)
});
export type RoutineInput = z.infer<typeof routineFormSchema>;

/** Numbers out of range read as the limits, in words staff use (zod's defaults say "Too small"). */
function message(issue: z.core.$ZodRawIssue): string | undefined {
	if (issue.code === 'too_small' && issue.origin === 'number') return `At least ${issue.minimum}`;
	if (issue.code === 'too_big' && issue.origin === 'number') return `At most ${issue.maximum}`;
	if (issue.code === 'invalid_type' && issue.expected === 'number') {
		return issue.input === undefined ? 'Enter a number' : 'A number, please';
	}
	if (issue.code === 'invalid_type' && issue.expected === 'int') return 'A whole number';
	return undefined;
}

export type RoutineErrors = Record<string, string>;

/** Checks a draft; errors are keyed by the field they belong to ("blocks.2.dosing.reps"). */
export function parseRoutineDraft(
	draft: RoutineDraft
): { ok: true; value: RoutineInput } | { ok: false; errors: RoutineErrors } {
	const result = routineFormSchema.safeParse(draftInput(draft), { error: message });
	if (result.success) return { ok: true, value: result.data };
	const errors: RoutineErrors = {};
	for (const issue of result.error.issues) {
		const key = issue.path.join('.') || 'form';
		errors[key] ??= issue.message;
	}
	return { ok: false, errors };
}
