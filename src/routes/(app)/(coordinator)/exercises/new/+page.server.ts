import { redirect } from '@sveltejs/kit';
import { refuse } from '$lib/server/http/refuse';
import { readForm } from '$lib/server/http/form-data';
import { signedIn } from '$lib/server/auth/guard';
import { saveExerciseForm } from '$lib/server/exercises/save-form';
import { EMPTY_EXERCISE_FORM } from '$lib/shared/exercise-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	return { values: EMPTY_EXERCISE_FORM };
};

export const actions: Actions = {
	save: async ({ request, locals }) => {
		const user = signedIn(locals);
		const { app } = locals;
		const form = await readForm(request);
		const result = await saveExerciseForm(app.db, user.clinicId, form, null);
		if (!result.ok) return refuse(400, result.problems, result.values);
		app.log.info({ userId: user.id, exerciseId: result.id }, 'exercise created');
		redirect(303, `/exercises/${result.id}?saved=created`);
	}
};
