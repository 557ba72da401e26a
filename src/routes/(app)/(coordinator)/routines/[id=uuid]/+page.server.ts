import { randomUUID } from 'node:crypto';
import { error } from '@sveltejs/kit';
import { refuse } from '$lib/server/http/refuse';
import { readForm } from '$lib/server/http/form-data';
import { signedIn } from '$lib/server/auth/guard';
import { signedInOwning } from '$lib/server/auth/clinic-row';
import { listExercises } from '$lib/server/planning/lists';
import { routineForEdit, saveRoutine } from '$lib/server/routines/routines';
import type { Dosing } from '$lib/shared/dosing';
import { applyOp, parseOp } from '$lib/shared/routine-builder';
import {
	draftBlockOf,
	draftFromForm,
	draftSettingsOf,
	type RoutineDraft
} from '$lib/shared/routine-draft';
import { parseRoutineDraft } from '$lib/shared/routine-form';
import type { Actions, PageServerLoad } from './$types';

function notFound(): never {
	error(404, 'routines.not-found');
}

/** Both actions are about the routine in the URL: another clinic's is not found. */
const routineOf = (locals: App.Locals, routineId: string) =>
	signedInOwning(locals, 'routines', routineId, 'routines.not-found');

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = signedIn(locals);
	const { app } = locals;
	const [found, library] = await Promise.all([
		routineForEdit(app.db, user.clinicId, params.id),
		listExercises(app.db, user.clinicId)
	]);
	if (!found || found.routine.archivedAt) notFound();
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
		// Just made on the routines page: the builder says so, and where to start.
		created: url.searchParams.has('created'),
		// What the builder and the preview need of each exercise; technician notes stay out.
		exercises: library.map((exercise) => ({
			id: exercise.id,
			name: exercise.name,
			category: exercise.category,
			displayCue: exercise.displayCue,
			dosing: exercise.dosing as Dosing,
			supportTiers: exercise.supportTiers,
			equipment: exercise.equipment,
			waterDepth: exercise.waterDepth,
			thumb:
				exercise.mediaFile && exercise.mediaType
					? { url: `/media/${exercise.mediaFile}`, video: exercise.mediaType.startsWith('video/') }
					: null
		}))
	};
};

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const { user, app } = await routineOf(locals, params.id);
		const form = await readForm(request);
		const draft = draftFromForm(form);
		const parsed = parseRoutineDraft(draft);
		if (!parsed.ok) return refuse(400, parsed.problems, draft);
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
			return refuse(status, result.problems, draft);
		}
		app.log.info(
			{ userId: user.id, routineId: params.id, version: result.version },
			'routine saved'
		);
		return {
			saved: {
				newVersion: result.newVersion,
				version: result.version,
				moved: result.movedSessions
			}
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
		return { edited: draft };
	}
};
