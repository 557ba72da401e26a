import { getApp } from '$lib/server/app';
import { todaysClassesByRoom } from '$lib/server/classes/calendar';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const app = await getApp();
	return { today: await todaysClassesByRoom(app.db, locals.user!.clinicId) };
};
