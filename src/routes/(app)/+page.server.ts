import { todaysClassesByRoom } from '$lib/server/classes/calendar';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const { app } = locals;
	return { today: await todaysClassesByRoom(app.db, locals.user!.clinicId) };
};
