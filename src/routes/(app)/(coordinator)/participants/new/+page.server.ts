import { redirect } from '@sveltejs/kit';
import { problemsOf } from '$lib/i18n/problem';
import { readForm } from '$lib/server/http/form-data';
import { refuse } from '$lib/server/http/refuse';
import { signedIn } from '$lib/server/auth/guard';
import { clinicLanguageOf, createParticipant } from '$lib/server/planning/participants';
import { participantFormSchema, participantFormValues } from '$lib/shared/participant-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = signedIn(locals);
	return { clinicLanguage: await clinicLanguageOf(locals.app.db, user.clinicId) };
};

export const actions: Actions = {
	save: async ({ locals, request }) => {
		const user = signedIn(locals);
		const values = participantFormValues(await readForm(request));
		const parsed = participantFormSchema.safeParse(values);
		if (!parsed.success) return refuse(400, problemsOf(parsed.error, { top: true }), values);
		const { app } = locals;
		const id = await createParticipant(app.db, user.clinicId, parsed.data);
		app.log.info({ userId: user.id, participantId: id }, 'participant created');
		redirect(303, `/participants/${id}?created=1`);
	}
};
