import { randomUUID } from 'node:crypto';
import { error, fail } from '@sveltejs/kit';
import { readForm } from '$lib/server/http/form-data';
import { signedIn } from '$lib/server/auth/guard';
import { listExercises } from '$lib/server/planning/lists';
import { clinicOwns } from '$lib/server/planning/owned';
import { routineForEdit, saveRoutine } from '$lib/server/routines/routines';
import { describeDosing, type Dosing } from '$lib/shared/dosing';
import { applyOp, parseOp } from '$lib/shared/routine-builder';
import {
	draftBlockOf,
	draftFromForm,
	draftSettingsOf,
	type RoutineDraft
} from '$lib/shared/routine-draft';
import { parseRoutineDraft } from '$lib/shared/routine-form';
import type { Actions, PageServerLoad } from './$types';

/** Both actions are about the routine in the URL: another clinic's is not found. */
async function routineOf(locals: App.Locals, routineId: string) {
	const user = signedIn(locals);
	const { app } = locals;
	if (!(await clinicOwns(app.db, 'routines', user.clinicId, routineId))) {
		error(404, 'Page not found');
	}
	return { user, app };
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = signedIn(locals);
	const { app } = locals;
	const [found, library] = await Promise.all([
		routineForEdit(app.db, user.clinicId, params.id),
		listExercises(app.db, user.clinicId)
	]);
	if (!found || found.routine.archivedAt) error(404, 'Page not found');
	const draft: RoutineDraft = {
		name: found.routine.name,
		description: found.routine.description,
		...draftSettingsOf(found.settings),
		blocks: found.blocks.map(draftBlockOf)
	};
	return {
		id: found.routine.id,
		version: found.version,
		revision: found.revision,
		usage: found.usage,
		draft,
		// What the builder and the preview need of each exercise; technician notes stay out.
		exercises: library.map((exercise) => ({
			id: exercise.id,
			name: exercise.name,
			category: exercise.category,
			displayCue: exercise.displayCue,
			dosing: exercise.dosing as Dosing,
			dosingText: describeDosing(exercise.dosing as Dosing),
			supportTiers: exercise.supportTiers
		}))
	};
};

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const { user, app } = await routineOf(locals, params.id);
		const form = await readForm(request);
		const draft = draftFromForm(form);
		const parsed = parseRoutineDraft(draft);
		if (!parsed.ok) return fail(400, { draft, errors: parsed.errors, message: null });
		const revision = String(form.get('revision') ?? '');
		const result = await saveRoutine(
			app.db,
			user.clinicId,
			user.id,
			params.id,
			parsed.value,
			revision
		);
		if (!result.ok) {
			const status = result.notFound ? 404 : result.conflict ? 409 : 400;
			return fail(status, { draft, errors: result.errors, message: null });
		}
		app.log.info(
			{ userId: user.id, routineId: params.id, version: result.version },
			'routine saved'
		);
		const moved = result.movedSessions
			? ` ${result.movedSessions} scheduled ${result.movedSessions === 1 ? 'class runs' : 'classes run'} it now; classes that already ran keep theirs.`
			: '';
		return {
			draft: null,
			errors: null,
			message: result.newVersion ? `Saved as version ${result.version}.${moved}` : 'Saved.'
		};
	},
	/** The builder's buttons when JavaScript is off: edit the posted draft, store nothing. */
	edit: async ({ request, locals, params }) => {
		await routineOf(locals, params.id);
		const form = await readForm(request);
		const draft = draftFromForm(form);
		const op = parseOp(String(form.get('op') ?? ''), {
			what: String(form.get('add.what') ?? ''),
			phase: String(form.get('add.phase') ?? '')
		});
		if (op) draft.blocks = applyOp(draft.blocks, op, randomUUID());
		return { draft, errors: null, message: 'Not saved yet: press Save routine when you are done.' };
	}
};
