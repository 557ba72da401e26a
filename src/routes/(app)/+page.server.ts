import { todaysClassesByRoom } from '$lib/server/classes/calendar';
import { unsignedNotes } from '$lib/server/records/notes-unsigned';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const { app } = locals;
	return {
		today: await todaysClassesByRoom(app.db, locals.user!.clinicId),
		// The coordinator's: the clinic's; a technician's or therapist's: the classes they led.
		unsignedNotes: (await unsignedNotes(app.db, locals.user!, new Date(), 100)).length
	};
};
