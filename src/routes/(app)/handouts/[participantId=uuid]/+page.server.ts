import { error } from '@sveltejs/kit';
import { signedIn } from '$lib/server/auth/guard';
import { handoutOf } from '$lib/server/participants/handout';
import type { PageServerLoad } from './$types';

/** A participant's printable home exercises, for any signed-in staff of their clinic. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const user = signedIn(locals);
	const handout = await handoutOf(locals.app.db, user.clinicId, params.participantId);
	if (!handout) error(404, 'participants.not-found');
	// The sheet is in the participant's language, whatever the staff member reads.
	locals.documentLocale = handout.language;
	return { handout, coordinator: user.role === 'coordinator' };
};
