import { z } from 'zod';
import { overrideReasonSchema } from './participant-form';

/**
 * The roster page's and the participant page's enrol / cancel buttons. `scope`: this one session,
 * or the whole series it belongs to. `override` is set by the "Enrol anyway" form, which must
 * carry a written reason.
 */
export const enrollFormSchema = z
	.object({
		participantId: z.uuid({ error: 'Choose a participant' }),
		scope: z.enum(['session', 'series'], { error: 'Choose this class or the whole series' }),
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
	participantId: z.uuid({ error: 'Choose a participant' }),
	scope: z.enum(['session', 'series'], { error: 'Choose this class or the whole series' })
});

export function formFields(form: FormData): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const [key, value] of form) if (typeof value === 'string') fields[key] = value;
	return fields;
}
