import { signedIn } from '$lib/server/auth/guard';
import { attendanceCounts, waiters, waitlistDemand } from '$lib/server/reports/attendance';
import { reportRequest } from '$lib/server/reports/request';
import type { PageServerLoad } from './$types';

/** The attendance report: every figure counted by the database for the filter (attendance.ts). */
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = signedIn(locals);
	const { db } = locals.app;
	const request = await reportRequest(db, user.clinicId, url);
	const { filter, timeZone } = request;
	if (!filter) return { ...request, report: null };
	// One query for the three counts: the places are worked out once (attendance.ts).
	const { bySeriesWeek, byParticipantWeek, belowCapacity } = await attendanceCounts(
		db,
		user.clinicId,
		filter,
		timeZone
	);
	const demand = await waitlistDemand(db, user.clinicId, filter, timeZone);
	const waiting = await waiters(db, user.clinicId, filter, timeZone);
	return {
		...request,
		report: { bySeriesWeek, byParticipantWeek, belowCapacity, demand, waiting }
	};
};
