import { getApp } from '$lib/server/app';
import { listExercises } from '$lib/server/planning/lists';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const app = await getApp();
	return { exercises: await listExercises(app.db, locals.user!.clinicId) };
};
