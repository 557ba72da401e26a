import { error, fail, redirect } from '@sveltejs/kit';
import { readForm } from '$lib/server/http/form-data';
import { signedIn } from '$lib/server/auth/guard';
import { listRooms } from '$lib/server/planning/lists';
import { clinicOwns } from '$lib/server/planning/owned';
import { cancelSession, moveSession, sessionForChange } from '$lib/server/planning/session-changes';
import { formValues } from '$lib/shared/planning/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = signedIn(locals);
	const { app } = locals;
	const [session, rooms] = await Promise.all([
		sessionForChange(app.db, user.clinicId, params.sessionId),
		listRooms(app.db, user.clinicId)
	]);
	if (!session) error(404, 'No such session.');
	return { session, rooms: rooms.map((r) => ({ id: r.id, name: r.name, kind: r.kind })) };
};

/** Both actions are about the session in the URL: another clinic's is not found. */
async function sessionOf(locals: App.Locals, sessionId: string) {
	const user = signedIn(locals);
	const { app } = locals;
	if (!(await clinicOwns(app.db, 'classSessions', user.clinicId, sessionId))) {
		error(404, 'No such session.');
	}
	return { user, app };
}

export const actions: Actions = {
	cancel: async ({ request, locals, params }) => {
		const { user, app } = await sessionOf(locals, params.sessionId);
		const data = await readForm(request);
		const result = await cancelSession(app.db, user.clinicId, params.sessionId, formValues(data));
		if (!result.ok) {
			const failure = { action: 'cancel', values: formValues(data), errors: result.errors };
			return fail(result.notFound ? 404 : 400, failure);
		}
		app.log.info({ userId: user.id, sessionId: params.sessionId }, 'session cancelled');
		const session = await sessionForChange(app.db, user.clinicId, params.sessionId);
		redirect(303, `/schedule?week=${session!.date}`);
	},
	move: async ({ request, locals, params }) => {
		const { user, app } = await sessionOf(locals, params.sessionId);
		const data = await readForm(request);
		const result = await moveSession(app.db, user.clinicId, params.sessionId, formValues(data));
		if (!result.ok) {
			const failure = { action: 'move', values: formValues(data), errors: result.errors };
			return fail(result.notFound ? 404 : 400, failure);
		}
		app.log.info({ userId: user.id, sessionId: params.sessionId }, 'session moved');
		redirect(303, `/schedule?week=${String(data.get('date'))}`);
	}
};
