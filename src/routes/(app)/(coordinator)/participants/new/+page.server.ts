import { fail, redirect } from '@sveltejs/kit';
import { readForm } from '$lib/server/http/form-data';
import { signedIn } from '$lib/server/auth/guard';
import { createParticipant } from '$lib/server/planning/participants';
import {
	fieldErrors,
	participantFormSchema,
	participantFormValues
} from '$lib/shared/participant-form';
import type { Actions } from './$types';

export const actions: Actions = {
	save: async ({ locals, request }) => {
		const user = signedIn(locals);
		const values = participantFormValues(await readForm(request));
		const parsed = participantFormSchema.safeParse(values);
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
		const { app } = locals;
		const id = await createParticipant(app.db, user.clinicId, parsed.data);
		app.log.info({ userId: user.id, participantId: id }, 'participant created');
		redirect(303, `/participants/${id}?created=1`);
	}
};
