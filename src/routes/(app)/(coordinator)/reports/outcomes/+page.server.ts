import { error } from '@sveltejs/kit';
import { signedIn } from '$lib/server/auth/guard';
import { participantChoices, readOutcomes } from '$lib/server/reports/safety-outcomes-pages';
import type { PageServerLoad } from './$types';

/**
 * The outcomes report: who improved per series, and with ?participantId= one participant's
 * results. Another clinic's participant is not found.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = signedIn(locals);
	const { db } = locals.app;
	const outcomes = await readOutcomes(db, user.clinicId, url);
	if (outcomes.unknownPerson) error(404, 'reports.outcomes.no-participant');
	return { ...outcomes, people: await participantChoices(db, user.clinicId) };
};
