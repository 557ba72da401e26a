import { error } from '@sveltejs/kit';
import { desc, eq } from 'drizzle-orm';
import { readForm } from '$lib/server/http/form-data';
import { signedIn } from '$lib/server/auth/guard';
import type { Target } from '$lib/server/planning/enrollment';
import { cancelAction, enrollAction } from '$lib/server/planning/enrollment-actions';
import { findParticipants } from '$lib/server/planning/participants';
import { sessionRosterView } from '$lib/server/planning/session-roster';
import { classSessionReopenings, users } from '$lib/server/db/schema';
import { refuse } from '$lib/server/http/refuse';
import { cancelSession } from '$lib/server/planning/session-changes';
import { problemsOf } from '$lib/i18n/problem';
import { cancelFormSchema } from '$lib/shared/planning/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = signedIn(locals);
	const { app } = locals;
	const view = await sessionRosterView(app.db, user.clinicId, params.sessionId);
	if (!view) error(404, 'refusal.class-not-found');
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
	// Who reopened this class, when and why (the audit, newest first).
	const reopenings = await app.db
		.select({
			id: classSessionReopenings.id,
			at: classSessionReopenings.createdAt,
			by: users.name,
			reason: classSessionReopenings.reason
		})
		.from(classSessionReopenings)
		.innerJoin(users, eq(users.id, classSessionReopenings.userId))
		.where(eq(classSessionReopenings.sessionId, view.session.id))
		.orderBy(desc(classSessionReopenings.createdAt));
	return {
		...view,
		query,
		matches,
		reopenings: reopenings.map((row) => ({
			id: row.id,
			at: row.at.toISOString(),
			by: row.by,
			reason: row.reason
		}))
	};
};

/** 'session' is this class; 'series' the series it belongs to (none for a one-off class). */
async function targets(locals: App.Locals, sessionId: string) {
	const user = signedIn(locals);
	const { app } = locals;
	const view = await sessionRosterView(app.db, user.clinicId, sessionId);
	if (!view) error(404, 'refusal.class-not-found');
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
		return enrollAction(app.db, app.log, user, await readForm(request), resolve);
	},
	cancel: async ({ locals, params, request }) => {
		const { user, app, resolve, timeZone } = await targets(locals, params.sessionId);
		return cancelAction(app.db, app.log, user, await readForm(request), resolve, timeZone);
	},
	/**
	 * The whole class called off, with its reason (the same service as the change page): the
	 * roster stays here to read, and the schedule shows the reason.
	 */
	cancelClass: async ({ locals, params, request }) => {
		const { user, app } = await targets(locals, params.sessionId);
		const typed = (await readForm(request)).get('reason');
		const values = { cancelClass: true as const, reason: typeof typed === 'string' ? typed : '' };
		const parsed = cancelFormSchema.safeParse({ reason: values.reason });
		if (!parsed.success) return refuse(400, problemsOf(parsed.error, { top: true }), values);
		const result = await cancelSession(app.db, user.clinicId, params.sessionId, parsed.data);
		if (!result.ok) return refuse(result.notFound ? 404 : 400, result.problems, values);
		app.log.info({ sessionId: params.sessionId, userId: user.id }, 'session cancelled');
		return { classCancelled: 'session-page.class-cancelled' as const };
	},
	/** A class started by mistake goes back to scheduled; the reason is kept with who gave it. */
	reopen: async ({ locals, params, request }) => {
		const { user, app } = await targets(locals, params.sessionId);
		const reason = (await readForm(request)).get('reason');
		const text = typeof reason === 'string' ? reason.trim().slice(0, 500) : '';
		if (!text) return refuse(400, { reason: { code: 'session-page.reopen-why' } });
		const result = await app.live.reopen({ sessionId: params.sessionId, user, reason: text });
		if (!result.ok) return refuse(400, { reason: result.problem });
		app.log.info({ sessionId: params.sessionId, userId: user.id }, 'class reopened');
		return { reopened: 'session-page.reopened' as const };
	}
};
