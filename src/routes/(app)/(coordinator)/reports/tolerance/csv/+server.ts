import { requireCoordinator } from '$lib/server/auth/guard';
import { reportCsv } from '$lib/server/reports/csv';
import { reportRequest } from '$lib/server/reports/request';
import { allTolerance } from '$lib/server/reports/tolerance';
import { localDate } from '$lib/shared/time-zone';
import type { RequestHandler } from './$types';

/** The tolerance report's numbers: every participant's classes in the filter (?from&to&…). */
const COLUMNS = [
	'date',
	'starts_at',
	'session_id',
	'class',
	'participant_id',
	'last_name',
	'first_name',
	'exertion_borg_6_20_max',
	'exertion_borg_cr10_max',
	'pain_max',
	'hold'
] as const;

export const GET: RequestHandler = async ({ locals, url }) => {
	const user = requireCoordinator(locals);
	const { db } = locals.app;
	const request = await reportRequest(db, user.clinicId, url);
	const rows = request.filter
		? await allTolerance(db, user.clinicId, request.filter, request.timeZone)
		: [];
	return reportCsv(
		'tolerance',
		request,
		COLUMNS,
		rows.map((row) => [
			localDate(request.timeZone, row.startsAt),
			row.startsAt.toISOString(),
			row.sessionId,
			row.name,
			row.participantId,
			row.lastName,
			row.firstName,
			row.rpe,
			row.cr10,
			row.pain,
			row.hold ? 'yes' : 'no'
		])
	);
};
