import { randomUUID } from 'node:crypto';
import { error, fail } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireCoordinator } from '$lib/server/auth/guard';
import { listExercises } from '$lib/server/planning/lists';
import { routineForEdit, saveRoutine } from '$lib/server/routines/routines';
import { describeDosing, type Dosing } from '$lib/shared/dosing';
import { applyOp, parseOp } from '$lib/shared/routine-builder';
import { draftBlockOf, draftFromForm, type RoutineDraft } from '$lib/shared/routine-draft';
import { parseRoutineDraft } from '$lib/shared/routine-form';
import type { Actions, PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireCoordinator(locals);
	if (!UUID.test(params.id)) error(404, 'Page not found');
	const app = await getApp();
	const [found, library] = await Promise.all([
		routineForEdit(app.db, user.clinicId, params.id),
		listExercises(app.db, user.clinicId)
	]);
	if (!found || found.routine.archivedAt) error(404, 'Page not found');
	const draft: RoutineDraft = {
		name: found.routine.name,
		description: found.routine.description,
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
		const user = requireCoordinator(locals);
		const form = await request.formData();
		const draft = draftFromForm(form);
		const parsed = parseRoutineDraft(draft);
		if (!parsed.ok) return fail(400, { draft, errors: parsed.errors, message: null });
		const app = await getApp();
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
			return fail(result.conflict ? 409 : 400, { draft, errors: result.errors, message: null });
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
	edit: async ({ request, locals }) => {
		requireCoordinator(locals);
		const form = await request.formData();
		const draft = draftFromForm(form);
		const op = parseOp(String(form.get('op') ?? ''), {
			what: String(form.get('add.what') ?? ''),
			phase: String(form.get('add.phase') ?? '')
		});
		if (op) draft.blocks = applyOp(draft.blocks, op, randomUUID());
		return { draft, errors: null, message: 'Not saved yet: press Save routine when you are done.' };
	}
};
