import { error, redirect } from '@sveltejs/kit';
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
import { problemsOf } from '$lib/i18n/problem';
import { formValues, seriesFormInput, seriesFormSchema } from '$lib/shared/planning/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = signedIn(locals);
	const { app } = locals;
	const [choices, timeZone, values] = await Promise.all([
		seriesChoices(app.db, user.clinicId),
		clinicTimeZone(app.db, user.clinicId),
		seriesFormValues(app.db, user.clinicId, params.seriesId)
	]);
	if (!values) error(404, 'series.not-found');
	return { choices, timeZone, values };
};

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const { user, app } = await signedInOwning(
			locals,
			'classSeries',
			params.seriesId,
			'series.not-found'
		);
		const data = await readForm(request);
		const values = formValues(data);
		const parsed = seriesFormSchema.safeParse(seriesFormInput(data));
		if (!parsed.success) return refuse(400, problemsOf(parsed.error, { top: true }), values);
		const result = await saveSeries(app.db, user.clinicId, params.seriesId, parsed.data);
		if (!result.ok) return refuse(result.notFound ? 404 : 400, result.problems, values);
		app.log.info({ userId: user.id, seriesId: result.id }, 'class series changed');
		redirect(303, `/schedule?series=${result.id}`);
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
