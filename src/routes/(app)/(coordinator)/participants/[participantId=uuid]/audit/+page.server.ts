import { error } from '@sveltejs/kit';
import { signedIn } from '$lib/server/auth/guard';
import { clinicTimeZone } from '$lib/server/classes/calendar';
import { getParticipant } from '$lib/server/planning/participants';
import { auditLog } from '$lib/server/records/audit';
import { AUDIT_PAGE_LINES, auditRows } from '$lib/server/records/audit-view';
import type { PageServerLoad } from './$types';

/** Who viewed, changed, signed, amended and exported this participant's record (coordinators). */
export const load: PageServerLoad = async ({ locals, params }) => {
	const user = signedIn(locals);
	const { app } = locals;
	const person = await getParticipant(app.db, user.clinicId, params.participantId);
	if (!person) error(404, 'participants.not-found');
	const lines = await auditLog(
		app.db,
		user.clinicId,
		{ participantId: person.id },
		AUDIT_PAGE_LINES
	);
	return {
		id: person.id,
		fullName: `${person.firstName} ${person.lastName}`,
		timeZone: await clinicTimeZone(app.db, user.clinicId),
		rows: auditRows(lines),
		limit: AUDIT_PAGE_LINES
	};
};
