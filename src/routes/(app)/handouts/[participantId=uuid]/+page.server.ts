import { error } from '@sveltejs/kit';
import { signedIn } from '$lib/server/auth/guard';
import { sessionParam } from '$lib/server/handouts/query';
import { sheetOf } from '$lib/server/handouts/sheet';
import { handoutOf } from '$lib/server/participants/handout';
import type { PageServerLoad } from './$types';

/**
 * A participant's printable home exercises, for any signed-in staff of their clinic: from a
 * class (`?session=`), that class's routine and the tier they used there; else their routine.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = signedIn(locals);
	const sessionId = sessionParam(url);
	const handout = await handoutOf(locals.app.db, user.clinicId, params.participantId, {
		sessionId
	});
	if (!handout) error(404, 'participants.not-found');
	// The sheet is in the participant's language, whatever the staff member reads.
	locals.documentLocale = handout.language;
	return {
		sheet: sheetOf(handout, 'full'),
		participantId: handout.participantId,
		sessionId,
		coordinator: user.role === 'coordinator'
	};
};
