import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { readForm } from '$lib/server/http/form-data';
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
	name: z.string().trim().min(1, 'Give the routine a name').max(80, 'At most 80 characters'),
	description: z.string().trim().max(500, 'At most 500 characters')
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
		if (!parsed.success) {
			const errors: Record<string, string> = {};
			for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
			return fail(400, { create: { values, errors }, message: null });
		}
		const { app } = locals;
		const result = await createRoutine(
			app.db,
			user.clinicId,
			user.id,
			parsed.data.name,
			parsed.data.description
		);
		if (!result.ok) return fail(400, { create: { values, errors: result.errors }, message: null });
		redirect(303, `/routines/${result.id}`);
	},
	archive: async ({ request, locals }) => {
		const user = signedIn(locals);
		const parsed = idSchema.safeParse(Object.fromEntries(await readForm(request)));
		if (!parsed.success) return fail(400, { create: null, message: 'No such routine.' });
		const { app } = locals;
		const today = localDate(await clinicTimeZone(app.db, user.clinicId), new Date());
		const result = await archiveRoutine(app.db, user.clinicId, parsed.data.id, today);
		if (!result.ok) {
			return fail(result.notFound ? 404 : 409, { create: null, message: result.message });
		}
		app.log.info({ userId: user.id, routineId: parsed.data.id }, 'routine archived');
		return {
			create: null,
			message: 'Archived. Restore it from the list below if you need it again.'
		};
	},
	restore: async ({ request, locals }) => {
		const user = signedIn(locals);
		const parsed = idSchema.safeParse(Object.fromEntries(await readForm(request)));
		if (!parsed.success) return fail(400, { create: null, message: 'No such routine.' });
		const { app } = locals;
		if (!(await restoreRoutine(app.db, user.clinicId, parsed.data.id))) {
			return fail(404, { create: null, message: 'No such routine.' });
		}
		app.log.info({ userId: user.id, routineId: parsed.data.id }, 'routine restored');
		return { create: null, message: 'Restored.' };
	}
};
