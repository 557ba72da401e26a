import { error } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import { signedIn } from '$lib/server/auth/guard';
import { clinicTimeZone } from '$lib/server/classes/calendar';
import { classSessions } from '$lib/server/db/schema';
import { auditLog } from '$lib/server/records/audit';
import { AUDIT_PAGE_LINES, auditRows } from '$lib/server/records/audit-view';
import type { PageServerLoad } from './$types';

/** Who viewed, signed, amended and exported the records of this class (coordinators). */
export const load: PageServerLoad = async ({ locals, params }) => {
	const user = signedIn(locals);
	const { app } = locals;
	const [session] = await app.db
		.select({ id: classSessions.id, name: classSessions.name, startsAt: classSessions.startsAt })
		.from(classSessions)
		.where(and(eq(classSessions.id, params.sessionId), eq(classSessions.clinicId, user.clinicId)));
	if (!session) error(404, 'refusal.class-not-found');
	const lines = await auditLog(app.db, user.clinicId, { sessionId: session.id }, AUDIT_PAGE_LINES);
	return {
		id: session.id,
		name: session.name,
		startsAt: session.startsAt.toISOString(),
		timeZone: await clinicTimeZone(app.db, user.clinicId),
		rows: auditRows(lines),
		limit: AUDIT_PAGE_LINES
	};
};
