import { getApp } from '$lib/server/app';
import { listRoutines } from '$lib/server/planning/lists';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const app = await getApp();
	return { routines: await listRoutines(app.db, locals.user!.clinicId) };
};
