import { signedIn } from '$lib/server/auth/guard';
import {
	attendanceByParticipantWeek,
	attendanceBySeriesWeek,
	classesBelowCapacity,
	waiters,
	waitlistDemand
} from '$lib/server/reports/attendance';
import { reportRequest } from '$lib/server/reports/request';
import type { PageServerLoad } from './$types';

/** The attendance report: every figure counted by the database for the filter (attendance.ts). */
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = signedIn(locals);
	const { db } = locals.app;
	const request = await reportRequest(db, user.clinicId, url);
	const { filter, timeZone } = request;
	if (!filter) return { ...request, report: null };
	const bySeriesWeek = await attendanceBySeriesWeek(db, user.clinicId, filter, timeZone);
	const byParticipantWeek = await attendanceByParticipantWeek(db, user.clinicId, filter, timeZone);
	const belowCapacity = await classesBelowCapacity(db, user.clinicId, filter, timeZone);
	const demand = await waitlistDemand(db, user.clinicId, filter, timeZone);
	const waiting = await waiters(db, user.clinicId, filter, timeZone);
	return {
		...request,
		report: { bySeriesWeek, byParticipantWeek, belowCapacity, demand, waiting }
	};
};
