import { error, fail, redirect } from '@sveltejs/kit';
import type { z } from 'zod';
import { readForm } from '$lib/server/http/form-data';
import { refuse } from '$lib/server/http/refuse';
import { signedIn } from '$lib/server/auth/guard';
import { signedInOwning } from '$lib/server/auth/clinic-row';
import { listRooms } from '$lib/server/planning/lists';
import {
	cancelSession,
	moveSession,
	sessionForChange,
	type ChangeResult
} from '$lib/server/planning/session-changes';
import type { Database } from '$lib/server/db/client';
import { problemsOf } from '$lib/i18n/problem';
import {
	cancelFormSchema,
	formValues,
	moveFormSchema,
	type MoveForm
} from '$lib/shared/planning/forms';
import { freeSessionSlots, refusedForTime } from '$lib/server/planning/free-slots';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = signedIn(locals);
	const { app } = locals;
	const [session, rooms] = await Promise.all([
		sessionForChange(app.db, user.clinicId, params.sessionId),
		listRooms(app.db, user.clinicId)
	]);
	if (!session) error(404, 'session-change.not-found');
	return {
		session,
		rooms: rooms.map((r) => ({ id: r.id, name: r.name, kind: r.kind })),
		moveTo: suggestedMove(url, rooms)
	};
};

/**
 * A free time chosen from the suggestions by link (?date=&startTime=&roomId=): the move form
 * starts with it. Anything malformed is ignored; the move is checked again when it is sent.
 */
function suggestedMove(url: URL, rooms: { id: string }[]) {
	const date = url.searchParams.get('date') ?? '';
	const startTime = url.searchParams.get('startTime') ?? '';
	const roomId = url.searchParams.get('roomId') ?? '';
	if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(startTime)) return null;
	return { date, startTime, roomId: rooms.some((r) => r.id === roomId) ? roomId : null };
}

/** Both actions are about the session in the URL: another clinic's is not found. */
const sessionOf = (locals: App.Locals, sessionId: string) =>
	signedInOwning(locals, 'classSessions', sessionId, 'session-change.not-found');

/** Which of the two forms was refused goes back with its problems, for the page to show there. */
type Refused = { action: 'cancel' | 'move'; values: Record<string, string | string[]> };

/** The session just changed, for reading which week it is now in. */
type Changed = { db: Database; clinicId: string; sessionId: string };

/**
 * Cancel or move the session: the form is checked and the change made (or the form refused with
 * what was typed, back on its own form), then the coordinator sees the session's week.
 */
function changeAction<T>(
	action: Refused['action'],
	schema: z.ZodType<T>,
	change: (db: Database, clinicId: string, sessionId: string, data: T) => Promise<ChangeResult>,
	changedLog: string,
	weekOf: (data: T, changed: Changed) => Promise<string> | string
) {
	return async ({ request, locals, params }: RequestEvent) => {
		const { sessionId } = params;
		const { user, app } = await sessionOf(locals, sessionId);
		const values = formValues(await readForm(request));
		const refused: Refused = { action, values };
		const parsed = schema.safeParse(values);
		if (!parsed.success) return refuse(400, problemsOf(parsed.error, { top: true }), refused);
		const result = await change(app.db, user.clinicId, sessionId, parsed.data);
		if (!result.ok) {
			const freeSlots =
				action === 'move' && !result.notFound && refusedForTime(result.problems)
					? await freeSessionSlots(
							app.db,
							user.clinicId,
							sessionId,
							parsed.data as unknown as MoveForm
						)
					: [];
			return fail(result.notFound ? 404 : 400, {
				problems: result.problems,
				values: refused,
				freeSlots
			});
		}
		app.log.info({ userId: user.id, sessionId }, changedLog);
		const week = await weekOf(parsed.data, { db: app.db, clinicId: user.clinicId, sessionId });
		redirect(303, `/schedule?week=${week}`);
	};
}

export const actions: Actions = {
	// A cancelled session stays on its own day.
	cancel: changeAction(
		'cancel',
		cancelFormSchema,
		cancelSession,
		'session cancelled',
		async (_, at) => {
			const session = await sessionForChange(at.db, at.clinicId, at.sessionId);
			return session!.date;
		}
	),
	move: changeAction('move', moveFormSchema, moveSession, 'session moved', (move) => move.date)
};
