import { getApp } from '$lib/server/app';
import { listParticipants } from '$lib/server/planning/lists';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const app = await getApp();
	return { participants: await listParticipants(app.db, locals.user!.clinicId) };
};
