import { fail, redirect } from '@sveltejs/kit';
import { readForm } from '$lib/server/http/form-data';
import { refuse } from '$lib/server/http/refuse';
import { signedIn } from '$lib/server/auth/guard';
import { clinicTimeZone } from '$lib/server/classes/calendar';
import { freeSeriesSlots, refusedForTime } from '$lib/server/planning/free-slots';
import { saveSeries, seriesChoices } from '$lib/server/planning/series';
import { problemsOf } from '$lib/i18n/problem';
import { formValues, seriesFormInput, seriesFormSchema } from '$lib/shared/planning/forms';
import { localDate } from '$lib/shared/time-zone';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = signedIn(locals);
	const { app } = locals;
	const [choices, timeZone] = await Promise.all([
		seriesChoices(app.db, user.clinicId),
		clinicTimeZone(app.db, user.clinicId)
	]);
	const defaults = {
		type: 'balance',
		capacity: '10',
		durationMinutes: '45',
		startsOn: localDate(timeZone, new Date()),
		exertionScale: choices.defaultExertionScale
	};
	return { choices, timeZone, defaults };
};

export const actions: Actions = {
	save: async ({ request, locals }) => {
		const user = signedIn(locals);
		const data = await readForm(request);
		const { app } = locals;
		const values = formValues(data);
		const parsed = seriesFormSchema.safeParse(seriesFormInput(data));
		if (!parsed.success) return refuse(400, problemsOf(parsed.error, { top: true }), values);
		const result = await saveSeries(app.db, user.clinicId, null, parsed.data);
		if (!result.ok) {
			// A time refused for a clash comes back with the nearest free times that week.
			const freeSlots = refusedForTime(result.problems)
				? await freeSeriesSlots(app.db, user.clinicId, null, parsed.data)
				: [];
			return fail(400, { problems: result.problems, values, freeSlots });
		}
		app.log.info({ userId: user.id, seriesId: result.id }, 'class series created');
		// The series' own page confirms it and offers the next step: enrolling participants.
		redirect(303, `/schedule/series/${result.id}?created`);
	}
};
