import { error, fail, redirect } from '@sveltejs/kit';
import { readForm } from '$lib/server/http/form-data';
import { signedIn } from '$lib/server/auth/guard';
import {
	deleteUnusedExercise,
	exerciseUsage,
	getExercise,
	setArchived
} from '$lib/server/exercises/exercises';
import { removeMedia } from '$lib/server/exercises/media-store';
import { saveExerciseForm } from '$lib/server/exercises/save-form';
import { clinicOwns } from '$lib/server/planning/owned';
import { exerciseFormValues } from '$lib/shared/exercise-form';
import type { Actions, PageServerLoad } from './$types';

const SAVED = {
	created: 'Exercise created.',
	saved: 'Saved. Routines use the new version from their next class.',
	archived: 'Archived: hidden from the list and from new routines.',
	restored: 'Restored: back in the list.'
} as const;

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = signedIn(locals);
	const { app } = locals;
	const exercise = await getExercise(app.db, user.clinicId, params.id);
	if (!exercise) error(404, 'Not found');
	const usage = await exerciseUsage(app.db, user.clinicId, exercise.id);
	const saved = url.searchParams.get('saved');
	return {
		id: exercise.id,
		name: exercise.name,
		archived: exercise.archivedAt !== null,
		values: exerciseFormValues(exercise),
		media:
			exercise.mediaFile && exercise.mediaType
				? { url: `/media/${exercise.mediaFile}`, type: exercise.mediaType }
				: null,
		usage,
		message: saved && saved in SAVED ? SAVED[saved as keyof typeof SAVED] : null
	};
};

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const user = signedIn(locals);
		const { app } = locals;
		// Another clinic's exercise is not found, whatever the form holds.
		if (!(await clinicOwns(app.db, 'exercises', user.clinicId, params.id))) error(404, 'Not found');
		const form = await readForm(request);
		const result = await saveExerciseForm(app.db, user.clinicId, form, params.id);
		if (!result.ok) {
			const failure = { values: result.values, errors: result.errors, action: 'save' };
			return fail(result.notFound ? 404 : 400, failure);
		}
		app.log.info({ userId: user.id, exerciseId: result.id }, 'exercise changed');
		redirect(303, `/exercises/${result.id}?saved=saved`);
	},
	archive: async ({ locals, params }) => {
		const user = signedIn(locals);
		const { app } = locals;
		if (!(await setArchived(app.db, user.clinicId, params.id, true))) error(404, 'Not found');
		app.log.info({ userId: user.id, exerciseId: params.id }, 'exercise archived');
		redirect(303, `/exercises/${params.id}?saved=archived`);
	},
	restore: async ({ locals, params }) => {
		const user = signedIn(locals);
		const { app } = locals;
		if (!(await setArchived(app.db, user.clinicId, params.id, false))) error(404, 'Not found');
		app.log.info({ userId: user.id, exerciseId: params.id }, 'exercise restored');
		redirect(303, `/exercises/${params.id}?saved=restored`);
	},
	delete: async ({ locals, params }) => {
		const user = signedIn(locals);
		const { app } = locals;
		const result = await deleteUnusedExercise(app.db, user.clinicId, params.id);
		if (!result.ok && result.notFound) error(404, 'Not found');
		if (!result.ok) return fail(409, { deleteError: result.error, action: 'delete' });
		await removeMedia(app.db, result.media);
		app.log.info({ userId: user.id, exerciseId: params.id }, 'unused exercise deleted');
		redirect(303, '/exercises');
	}
};
