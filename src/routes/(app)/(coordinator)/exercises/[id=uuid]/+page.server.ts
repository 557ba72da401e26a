import { error, redirect } from '@sveltejs/kit';
import { refuse } from '$lib/server/http/refuse';
import { readForm } from '$lib/server/http/form-data';
import { signedIn } from '$lib/server/auth/guard';
import { signedInOwning } from '$lib/server/auth/clinic-row';
import {
	deleteUnusedExercise,
	exerciseUsage,
	getExercise,
	setArchived
} from '$lib/server/exercises/exercises';
import { removeMedia } from '$lib/server/exercises/media-store';
import { saveExerciseForm } from '$lib/server/exercises/save-form';
import { exerciseFormValues } from '$lib/shared/exercise-form';
import type { Action, Actions, PageServerLoad } from './$types';

/** Another clinic's exercise, or none at all: not found (the error page words it). */
function notFound(): never {
	error(404, 'exercises.not-found');
}

/** What the page says after each action (`?saved=`), worded on the page. */
const SAVED = ['created', 'saved', 'archived', 'restored'] as const;
type Saved = (typeof SAVED)[number];

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = signedIn(locals);
	const { app } = locals;
	const exercise = await getExercise(app.db, user.clinicId, params.id);
	if (!exercise) notFound();
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
		saved: SAVED.includes(saved as Saved) ? (saved as Saved) : null
	};
};

/** Archive (true) or restore (false) the exercise in the URL; the page says which it did. */
function setArchivedAction(archived: boolean): Action {
	const done: Saved = archived ? 'archived' : 'restored';
	return async ({ locals, params }) => {
		const user = signedIn(locals);
		const { app } = locals;
		if (!(await setArchived(app.db, user.clinicId, params.id, archived))) notFound();
		app.log.info({ userId: user.id, exerciseId: params.id }, `exercise ${done}`);
		redirect(303, `/exercises/${params.id}?saved=${done}`);
	};
}

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const { user, app } = await signedInOwning(
			locals,
			'exercises',
			params.id,
			'exercises.not-found'
		);
		const form = await readForm(request);
		const result = await saveExerciseForm(app.db, user.clinicId, form, params.id);
		if (!result.ok) return refuse(result.notFound ? 404 : 400, result.problems, result.values);
		app.log.info({ userId: user.id, exerciseId: result.id }, 'exercise changed');
		redirect(303, `/exercises/${result.id}?saved=saved`);
	},
	archive: setArchivedAction(true),
	restore: setArchivedAction(false),
	delete: async ({ locals, params }) => {
		const user = signedIn(locals);
		const { app } = locals;
		const result = await deleteUnusedExercise(app.db, user.clinicId, params.id);
		if (!result.ok && result.notFound) notFound();
		if (!result.ok) return refuse(409, { delete: result.problem });
		await removeMedia(app.db, result.media);
		app.log.info({ userId: user.id, exerciseId: params.id }, 'unused exercise deleted');
		redirect(303, '/exercises');
	}
};
