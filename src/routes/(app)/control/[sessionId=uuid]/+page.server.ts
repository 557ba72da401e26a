import { error, fail } from '@sveltejs/kit';
import { readForm } from '$lib/server/http/form-data';
import { clinicTimeZone } from '$lib/server/classes/calendar';
import { poolCheckContext, recordPoolCheck } from '$lib/server/planning/pool-check';
import { classClipboard } from '$lib/server/roster/roster';
import { clipboardChanged } from '$lib/server/pool/clipboard-changed';
import { classSessions } from '$lib/server/db/schema';
import { poolCheckFormInput } from '$lib/shared/pool-check';
import { formatTime } from '$lib/shared/time-zone';
import { and, eq } from 'drizzle-orm';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const { app } = locals;
	const clinicId = locals.user!.clinicId;
	const [session] = await app.db
		.select({ id: classSessions.id, name: classSessions.name })
		.from(classSessions)
		.where(and(eq(classSessions.id, params.sessionId), eq(classSessions.clinicId, clinicId)));
	if (!session) error(404, 'No such class');
	// Roster and entries so far: staff only (this page is behind sign-in; displays never load it).
	const clipboard = await classClipboard(app.db, clinicId, session.id);
	return {
		session,
		clipboard: clipboard!,
		poolCheck: await poolCheckView(app, clinicId, session.id)
	};
};

/** Pool classes only: the ranges to check against and the check once recorded. */
async function poolCheckView(app: App.Locals['app'], clinicId: string, sessionId: string) {
	const context = await poolCheckContext(app.db, clinicId, sessionId);
	if (!context) return null;
	const { check } = context;
	return {
		notStarted: context.status === 'scheduled',
		limits: context.limits,
		check: check && {
			...check,
			at: check.at.toISOString(),
			time: formatTime(check.at, await clinicTimeZone(app.db, clinicId))
		}
	};
}

export const actions: Actions = {
	poolCheck: async ({ params, request, locals }) => {
		const user = locals.user!;
		const values = poolCheckFormInput(await readForm(request));
		const { app } = locals;
		const result = await recordPoolCheck(app.db, user, params.sessionId, values);
		if (!result.ok && result.notFound) error(404, 'No such class');
		if (!result.ok) return fail(400, { poolCheck: { values, errors: result.errors } });
		if (!result.duplicate) {
			app.log.info({ sessionId: params.sessionId, userId: user.id }, 'pool check recorded');
			// The other phones' start checklists tick it off.
			clipboardChanged(app.io, params.sessionId);
		}
		// The check comes back in the answer (the page does not reload its data: see pool-check.svelte).
		const view = await poolCheckView(app, user.clinicId, params.sessionId);
		return { poolCheck: { values: null, errors: null, recorded: view?.check ?? null } };
	}
};
