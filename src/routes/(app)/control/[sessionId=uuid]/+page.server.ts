import { error } from '@sveltejs/kit';
import { formatTime } from '$lib/i18n/translate';
import type { Locale } from '$lib/i18n/locales';
import { refuse } from '$lib/server/http/refuse';
import { readForm } from '$lib/server/http/form-data';
import { clinicTimeZone } from '$lib/server/classes/calendar';
import { poolCheckContext, recordPoolCheck } from '$lib/server/planning/pool-check';
import { classClipboard } from '$lib/server/roster/roster';
import { clipboardChanged } from '$lib/server/pool/clipboard-changed';
import { classSessions, exercises, routineBlocks } from '$lib/server/db/schema';
import { exerciseWordsIn } from '$lib/shared/exercise-translations';
import { poolCheckFormInput } from '$lib/shared/pool-check';
import { and, eq } from 'drizzle-orm';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const { app } = locals;
	const clinicId = locals.user!.clinicId;
	const [session] = await app.db
		.select({
			id: classSessions.id,
			name: classSessions.name,
			routineVersionId: classSessions.routineVersionId
		})
		.from(classSessions)
		.where(and(eq(classSessions.id, params.sessionId), eq(classSessions.clinicId, clinicId)));
	if (!session) error(404, 'controller.no-such-class');
	// Roster and entries so far: staff only (this page is behind sign-in; displays never load it).
	const clipboard = await classClipboard(app.db, clinicId, session.id);
	return {
		session: { id: session.id, name: session.name },
		exerciseWords: await exerciseWords(app.db, session.routineVersionId, locals.locale),
		clipboard: clipboard!,
		poolCheck: await poolCheckView(app, clinicId, session.id, locals.locale)
	};
};

/**
 * Each exercise block's name and technician notes in the reader's language, by block id, with
 * the words that fell back to English. Over HTTP to this signed-in page only: the plan the
 * displays get never carries the notes (server/live/plan.ts).
 */
async function exerciseWords(
	db: App.Locals['app']['db'],
	routineVersionId: string,
	locale: Locale
) {
	const rows = await db
		.select({
			blockId: routineBlocks.id,
			name: exercises.name,
			displayCue: exercises.displayCue,
			technicianNotes: exercises.technicianNotes,
			translations: exercises.translations
		})
		.from(routineBlocks)
		.innerJoin(exercises, eq(exercises.id, routineBlocks.exerciseId))
		.where(eq(routineBlocks.routineVersionId, routineVersionId));
	return Object.fromEntries(
		rows.map(({ blockId, translations, ...english }) => {
			const words = exerciseWordsIn(english, translations, locale);
			return [
				blockId,
				{
					name: words.name,
					technicianNotes: words.technicianNotes ?? '',
					untranslated: words.untranslated.filter((word) => word !== 'displayCue')
				}
			];
		})
	);
}

/** Pool classes only: the ranges to check against and the check once recorded. */
async function poolCheckView(
	app: App.Locals['app'],
	clinicId: string,
	sessionId: string,
	locale: Locale
) {
	const context = await poolCheckContext(app.db, clinicId, sessionId);
	if (!context) return null;
	const { check } = context;
	return {
		notStarted: context.status === 'scheduled',
		limits: context.limits,
		check: check && {
			...check,
			at: check.at.toISOString(),
			time: formatTime(locale, check.at, await clinicTimeZone(app.db, clinicId))
		}
	};
}

export const actions: Actions = {
	poolCheck: async ({ params, request, locals }) => {
		const user = locals.user!;
		const values = poolCheckFormInput(await readForm(request));
		const { app } = locals;
		const result = await recordPoolCheck(app.db, user, params.sessionId, values);
		if (!result.ok && result.notFound) {
			error(404, 'controller.no-such-class');
		}
		if (!result.ok) return refuse(400, result.problems, values);
		if (!result.duplicate) {
			app.log.info({ sessionId: params.sessionId, userId: user.id }, 'pool check recorded');
			// The other phones' start checklists tick it off.
			clipboardChanged(app.io, params.sessionId);
		}
		// The check comes back in the answer (the page does not reload its data: see pool-check.svelte).
		const view = await poolCheckView(app, user.clinicId, params.sessionId, locals.locale);
		return { recorded: view?.check ?? null };
	}
};
