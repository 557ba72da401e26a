import { error, redirect } from '@sveltejs/kit';
import { readForm } from '$lib/server/http/form-data';
import { refuse } from '$lib/server/http/refuse';
import { signedIn } from '$lib/server/auth/guard';
import { listRooms } from '$lib/server/planning/lists';
import { clinicOwns } from '$lib/server/planning/owned';
import { cancelSession, moveSession, sessionForChange } from '$lib/server/planning/session-changes';
import { problemsOf } from '$lib/i18n/problem';
import { translate } from '$lib/i18n/translate';
import { cancelFormSchema, formValues, moveFormSchema } from '$lib/shared/planning/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = signedIn(locals);
	const { app } = locals;
	const [session, rooms] = await Promise.all([
		sessionForChange(app.db, user.clinicId, params.sessionId),
		listRooms(app.db, user.clinicId)
	]);
	if (!session) error(404, translate(locals.locale, 'session-change.not-found'));
	return { session, rooms: rooms.map((r) => ({ id: r.id, name: r.name, kind: r.kind })) };
};

/** Both actions are about the session in the URL: another clinic's is not found. */
async function sessionOf(locals: App.Locals, sessionId: string) {
	const user = signedIn(locals);
	const { app } = locals;
	if (!(await clinicOwns(app.db, 'classSessions', user.clinicId, sessionId))) {
		error(404, translate(locals.locale, 'session-change.not-found'));
	}
	return { user, app };
}

/** Which of the two forms was refused goes back with its problems, for the page to show there. */
type Refused = { action: 'cancel' | 'move'; values: Record<string, string | string[]> };

export const actions: Actions = {
	cancel: async ({ request, locals, params }) => {
		const { user, app } = await sessionOf(locals, params.sessionId);
		const values = formValues(await readForm(request));
		const refused: Refused = { action: 'cancel', values };
		const parsed = cancelFormSchema.safeParse(values);
		if (!parsed.success) return refuse(400, problemsOf(parsed.error, { top: true }), refused);
		const result = await cancelSession(app.db, user.clinicId, params.sessionId, parsed.data);
		if (!result.ok) return refuse(result.notFound ? 404 : 400, result.problems, refused);
		app.log.info({ userId: user.id, sessionId: params.sessionId }, 'session cancelled');
		const session = await sessionForChange(app.db, user.clinicId, params.sessionId);
		redirect(303, `/schedule?week=${session!.date}`);
	},
	move: async ({ request, locals, params }) => {
		const { user, app } = await sessionOf(locals, params.sessionId);
		const values = formValues(await readForm(request));
		const refused: Refused = { action: 'move', values };
		const parsed = moveFormSchema.safeParse(values);
		if (!parsed.success) return refuse(400, problemsOf(parsed.error, { top: true }), refused);
		const result = await moveSession(app.db, user.clinicId, params.sessionId, parsed.data);
		if (!result.ok) return refuse(result.notFound ? 404 : 400, result.problems, refused);
		app.log.info({ userId: user.id, sessionId: params.sessionId }, 'session moved');
		redirect(303, `/schedule?week=${parsed.data.date}`);
	}
};
