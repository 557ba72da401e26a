import { signedIn } from '$lib/server/auth/guard';
import { listSeries } from '$lib/server/planning/series';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = signedIn(locals);
	const { app } = locals;
	return { series: await listSeries(app.db, user.clinicId) };
};
