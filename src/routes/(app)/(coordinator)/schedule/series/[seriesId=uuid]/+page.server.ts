import { error, fail, redirect } from '@sveltejs/kit';
import { readForm } from '$lib/server/http/form-data';
import { signedIn } from '$lib/server/auth/guard';
import { clinicTimeZone } from '$lib/server/classes/calendar';
import {
	archiveSeries,
	saveSeries,
	seriesChoices,
	seriesFormValues
} from '$lib/server/planning/series';
import { clinicOwns } from '$lib/server/planning/owned';
import { formValues, seriesFormInput } from '$lib/shared/planning/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = signedIn(locals);
	const { app } = locals;
	const [choices, timeZone, values] = await Promise.all([
		seriesChoices(app.db, user.clinicId),
		clinicTimeZone(app.db, user.clinicId),
		seriesFormValues(app.db, user.clinicId, params.seriesId)
	]);
	if (!values) error(404, 'No such class series.');
	return { choices, timeZone, values };
};

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const user = signedIn(locals);
		const { app } = locals;
		// Another clinic's series is not found, whatever the form holds.
		if (!(await clinicOwns(app.db, 'classSeries', user.clinicId, params.seriesId))) {
			error(404, 'No such class series.');
		}
		const data = await readForm(request);
		const result = await saveSeries(app.db, user.clinicId, params.seriesId, seriesFormInput(data));
		if (!result.ok) {
			const failure = { values: formValues(data), errors: result.errors };
			return fail(result.notFound ? 404 : 400, failure);
		}
		app.log.info({ userId: user.id, seriesId: result.id }, 'class series changed');
		redirect(303, `/schedule?series=${result.id}`);
	},
	archive: async ({ locals, params }) => {
		const user = signedIn(locals);
		const { app } = locals;
		if (!(await archiveSeries(app.db, user.clinicId, params.seriesId))) {
			error(404, 'No such class series.');
		}
		app.log.info({ userId: user.id, seriesId: params.seriesId }, 'class series ended');
		redirect(303, '/schedule/series');
	}
};
