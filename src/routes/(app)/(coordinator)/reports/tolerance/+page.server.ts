import { signedIn } from '$lib/server/auth/guard';
import { reportRequest } from '$lib/server/reports/request';
import {
	EXERTION_TARGET,
	participantTolerance,
	reviewList,
	toleranceParticipants
} from '$lib/server/reports/tolerance';
import type { PageServerLoad } from './$types';

/**
 * The tolerance report: the review list for the filter, and one participant's exertion and pain
 * across classes (?participantId, one of those with records; else the first to review, else the
 * first with records).
 */
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = signedIn(locals);
	const { db } = locals.app;
	const request = await reportRequest(db, user.clinicId, url);
	const { filter, timeZone } = request;
	if (!filter) return { ...request, report: null };
	const people = await toleranceParticipants(db, user.clinicId, filter, timeZone);
	const review = await reviewList(db, user.clinicId, filter, timeZone);
	const asked = url.searchParams.get('participantId') ?? '';
	const chosen =
		people.find((p) => p.id === asked) ??
		people.find((p) => p.id === review[0]?.participantId) ??
		people[0] ??
		null;
	const classes = chosen
		? await participantTolerance(db, user.clinicId, filter, timeZone, chosen.id)
		: [];
	return {
		...request,
		report: { people, review, chosen, classes, target: EXERTION_TARGET }
	};
};
