import { getApp } from '$lib/server/app';
import { listRooms } from '$lib/server/planning/lists';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const app = await getApp();
	return { rooms: await listRooms(app.db, locals.user!.clinicId) };
};
