import { error, fail, redirect } from '@sveltejs/kit';
import { readForm } from '$lib/server/http/form-data';
import { refuse } from '$lib/server/http/refuse';
import { signedIn } from '$lib/server/auth/guard';
import { signedInOwning } from '$lib/server/auth/clinic-row';
import { clinicTimeZone } from '$lib/server/classes/calendar';
import {
	archiveSeries,
	saveSeries,
	seriesChoices,
	seriesFormValues
} from '$lib/server/planning/series';
import { seriesSuggestions } from '$lib/server/planning/free-slots';
import { enrollAction } from '$lib/server/planning/enrollment-actions';
import { enrollmentCandidates } from '$lib/server/planning/enrollment-candidates';
import { enrollSelected, selectedIds } from '$lib/server/planning/enrollment-selected';
import { problemsOf } from '$lib/i18n/problem';
import { formValues, seriesFormInput, seriesFormSchema } from '$lib/shared/planning/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = signedIn(locals);
	const { app } = locals;
	const [choices, timeZone, values, candidates] = await Promise.all([
		seriesChoices(app.db, user.clinicId),
		clinicTimeZone(app.db, user.clinicId),
		seriesFormValues(app.db, user.clinicId, params.seriesId),
		enrollmentCandidates(app.db, user.clinicId, params.seriesId)
	]);
	if (!values || !candidates) error(404, 'series.not-found');
	// `created`: the series was just made here; the page confirms it and offers the next step.
	return { choices, timeZone, values, candidates, created: url.searchParams.has('created') };
};

/** The signed-in coordinator, when the series is their clinic's (else 404). */
const owningSeries = (locals: App.Locals, seriesId: string) =>
	signedInOwning(locals, 'classSeries', seriesId, 'series.not-found');

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const { user, app } = await owningSeries(locals, params.seriesId);
		const data = await readForm(request);
		const values = formValues(data);
		const parsed = seriesFormSchema.safeParse(seriesFormInput(data));
		if (!parsed.success) return refuse(400, problemsOf(parsed.error, { top: true }), values);
		const result = await saveSeries(app.db, user.clinicId, params.seriesId, parsed.data);
		if (!result.ok) {
			const suggestions = result.notFound
				? { freeSlots: [] }
				: await seriesSuggestions(
						app.db,
						user.clinicId,
						params.seriesId,
						parsed.data,
						result.problems
					);
			return fail(result.notFound ? 404 : 400, {
				problems: result.problems,
				values,
				...suggestions
			});
		}
		app.log.info({ userId: user.id, seriesId: result.id }, 'class series changed');
		redirect(303, `/schedule?series=${result.id}`);
	},
	/** The next step's "Enrol selected": every ticked participant, through the enrolment checks. */
	enrolSelected: async ({ request, locals, params }) => {
		const { user, app } = await owningSeries(locals, params.seriesId);
		const selected = selectedIds(await readForm(request));
		if ('problem' in selected) {
			return fail(400, { step: 'enrol' as const, problems: { participantId: selected.problem } });
		}
		const outcome = await enrollSelected(
			app.db,
			app.log,
			{ clinicId: user.clinicId, userId: user.id },
			params.seriesId,
			selected.ids
		);
		return { step: 'enrol' as const, outcome };
	},
	/** "Enrol anyway" for one refused participant, with the coordinator's written reason. */
	enroll: async ({ request, locals, params }) => {
		const { user, app } = await owningSeries(locals, params.seriesId);
		const data = await readForm(request);
		data.set('scope', 'series');
		const seriesId = params.seriesId;
		const result = await enrollAction(app.db, app.log, user, data, () => ({ seriesId }));
		if ('data' in result) {
			return fail(result.status, { step: 'override' as const, ...result.data });
		}
		return { step: 'override' as const, ...result };
	},
	archive: async ({ locals, params }) => {
		const user = signedIn(locals);
		const { app } = locals;
		if (!(await archiveSeries(app.db, user.clinicId, params.seriesId))) {
			error(404, 'series.not-found');
		}
		app.log.info({ userId: user.id, seriesId: params.seriesId }, 'class series ended');
		redirect(303, '/schedule/series');
	}
};
