import { error } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireCoordinator } from '$lib/server/auth/guard';
import type { Target } from '$lib/server/planning/enrollment';
import { cancelAction, enrollAction } from '$lib/server/planning/enrollment-actions';
import { findParticipants } from '$lib/server/planning/participants';
import { sessionRosterView } from '$lib/server/planning/session-roster';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = requireCoordinator(locals);
	const app = await getApp();
	const view = await sessionRosterView(app.db, user.clinicId, params.sessionId);
	if (!view) error(404, 'No such class in your clinic');
	const query = url.searchParams.get('q')?.trim() ?? '';
	const onList = new Map(
		[...view.inClass, ...view.waiting].map((p) => [p.participantId, p.status])
	);
	const matches = query
		? (await findParticipants(app.db, user.clinicId, query, { limit: 10 })).map((p) => ({
				id: p.id,
				fullName: `${p.firstName} ${p.lastName}`,
				displayName: p.displayName,
				dateOfBirth: p.dateOfBirth,
				place: onList.get(p.id) ?? null
			}))
		: [];
	return { ...view, query, matches };
};

/** 'session' is this class; 'series' the series it belongs to (none for a one-off class). */
async function targets(locals: App.Locals, sessionId: string) {
	const user = requireCoordinator(locals);
	const app = await getApp();
	const view = await sessionRosterView(app.db, user.clinicId, sessionId);
	if (!view) error(404, 'No such class in your clinic');
	const resolve = (scope: 'session' | 'series'): Target | null =>
		scope === 'session'
			? { sessionId }
			: view.session.seriesId
				? { seriesId: view.session.seriesId }
				: null;
	return { user, app, resolve, timeZone: view.timeZone };
}

export const actions: Actions = {
	enroll: async ({ locals, params, request }) => {
		const { user, app, resolve } = await targets(locals, params.sessionId);
		return enrollAction(app.db, app.log, user, await request.formData(), resolve);
	},
	cancel: async ({ locals, params, request }) => {
		const { user, app, resolve, timeZone } = await targets(locals, params.sessionId);
		return cancelAction(app.db, app.log, user, await request.formData(), resolve, timeZone);
	}
};
