import { signedIn } from '$lib/server/auth/guard';
import { clinicTimeZone } from '$lib/server/classes/calendar';
import { unsignedNotes } from '$lib/server/records/notes-unsigned';
import type { PageServerLoad } from './$types';

/** Notes still unsigned a day after their class: the clinic's for a coordinator, else one's own. */
export const load: PageServerLoad = async ({ locals }) => {
	const user = signedIn(locals);
	return {
		unsigned: await unsignedNotes(locals.app.db, user),
		timeZone: await clinicTimeZone(locals.app.db, user.clinicId)
	};
};
