import { z } from 'zod';
import type { AquaticExclusion } from './domain';
import { overrideReasonSchema } from './participant-form';

/** Someone moved up from the waitlist: for one class (its clinic-local day) or the series. */
export type Promoted = { name: string; date: string | null };

/** A class the participant already has a place in: its name, clinic-local day and start. */
export type Clash = { name: string; date: string; startsAt: string };

/**
 * Why a place is refused unless a coordinator overrides with a written reason: a code and what
 * the page needs to word it in the reader's language (enroll-refusal.svelte), never prose.
 */
export type Refusal =
	| { code: 'aquatic_exclusion'; exclusions: AquaticExclusion[] }
	| { code: 'double_booked'; clashes: Clash[]; more: number; timeZone: string };

/**
 * The roster page's and the participant page's enrol / cancel buttons. `scope`: this one session,
 * or the whole series it belongs to. `override` is set by the "Enrol anyway" form, which must
 * carry a written reason. Messages are catalog keys (problemsOf words them).
 */
export const enrollFormSchema = z
	.object({
		participantId: z.uuid({ error: 'enrol.choose-participant' }),
		scope: z.enum(['session', 'series'], { error: 'enrol.choose-scope' }),
		override: z.enum(['yes']).optional(),
		overrideReason: z.string().optional()
	})
	.superRefine((value, ctx) => {
		if (value.override !== 'yes') return;
		const reason = overrideReasonSchema.safeParse(value.overrideReason ?? '');
		if (!reason.success) {
			ctx.addIssue({
				code: 'custom',
				path: ['overrideReason'],
				message: reason.error.issues[0]!.message
			});
		}
	});

export const cancelFormSchema = z.object({
	participantId: z.uuid({ error: 'enrol.choose-participant' }),
	scope: z.enum(['session', 'series'], { error: 'enrol.choose-scope' })
});

export function formFields(form: FormData): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const [key, value] of form) if (typeof value === 'string') fields[key] = value;
	return fields;
}
