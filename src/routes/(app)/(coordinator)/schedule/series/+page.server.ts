import { getApp } from '$lib/server/app';
import { requireCoordinator } from '$lib/server/auth/guard';
import { listSeries } from '$lib/server/planning/series';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireCoordinator(locals);
	const app = await getApp();
	return { series: await listSeries(app.db, user.clinicId) };
};
