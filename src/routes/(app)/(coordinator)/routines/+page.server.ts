import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { problemsOf } from '$lib/i18n/problem';
import { readForm } from '$lib/server/http/form-data';
import { refuse, refuseForm } from '$lib/server/http/refuse';
import { signedIn } from '$lib/server/auth/guard';
import { clinicTimeZone } from '$lib/server/classes/calendar';
import { listRoutines } from '$lib/server/planning/lists';
import {
	archiveRoutine,
	createRoutine,
	listArchivedRoutines,
	restoreRoutine
} from '$lib/server/routines/routines';
import { localDate } from '$lib/shared/time-zone';
import type { Actions, PageServerLoad } from './$types';

const newRoutineSchema = z.object({
	name: z.string().trim().min(1, 'routines.name-missing').max(80, 'field.too-long'),
	description: z.string().trim().max(500, 'field.too-long')
});
const idSchema = z.object({ id: z.uuid() });

export const load: PageServerLoad = async ({ locals }) => {
	const user = signedIn(locals);
	const { app } = locals;
	const [routines, archived] = await Promise.all([
		listRoutines(app.db, user.clinicId),
		listArchivedRoutines(app.db, user.clinicId)
	]);
	return { routines, archived };
};

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const user = signedIn(locals);
		const form = await readForm(request);
		const values = {
			name: String(form.get('name') ?? ''),
			description: String(form.get('description') ?? '')
		};
		const parsed = newRoutineSchema.safeParse(values);
		if (!parsed.success) return refuse(400, problemsOf(parsed.error, { top: true }), values);
		const { app } = locals;
		const result = await createRoutine(
			app.db,
			user.clinicId,
			user.id,
			parsed.data.name,
			parsed.data.description
		);
		if (!result.ok) return refuse(400, result.problems, values);
		redirect(303, `/routines/${result.id}?created`);
	},
	archive: async ({ request, locals }) => {
		const user = signedIn(locals);
		const parsed = idSchema.safeParse(Object.fromEntries(await readForm(request)));
		if (!parsed.success) return refuseForm(400, 'routines.gone');
		const { app } = locals;
		const today = localDate(await clinicTimeZone(app.db, user.clinicId), new Date());
		const result = await archiveRoutine(app.db, user.clinicId, parsed.data.id, today);
		if (!result.ok) return refuse(result.notFound ? 404 : 409, { form: result.problem });
		app.log.info({ userId: user.id, routineId: parsed.data.id }, 'routine archived');
		return { done: 'routines.archived-done' as const };
	},
	restore: async ({ request, locals }) => {
		const user = signedIn(locals);
		const parsed = idSchema.safeParse(Object.fromEntries(await readForm(request)));
		if (!parsed.success) return refuseForm(400, 'routines.gone');
		const { app } = locals;
		if (!(await restoreRoutine(app.db, user.clinicId, parsed.data.id))) {
			return refuseForm(404, 'routines.gone');
		}
		app.log.info({ userId: user.id, routineId: parsed.data.id }, 'routine restored');
		return { done: 'routines.restored-done' as const };
	}
};
