import { and, asc, eq, lt } from 'drizzle-orm';
import type { StaffUser } from '../auth/session';
import type { Database } from '../db/client';
import { classNotes, classSessions, participants } from '../db/schema';

/** A note left unsigned this long is listed for the coordinator and on the home page. */
export const UNSIGNED_AFTER_HOURS = 24;

export type UnsignedNote = {
	sessionId: string;
	participantId: string;
	className: string;
	startsAt: Date;
	displayName: string;
	draftedAt: Date;
};

/**
 * Notes still open a day after they were drafted: all of the clinic's for a coordinator, those of
 * the classes a technician or therapist led, for them. Names as on shared surfaces (first name and
 * initial): the list is a to-do, the note itself is one tap further.
 */
export async function unsignedNotes(
	db: Database,
	user: StaffUser,
	now = new Date(),
	limit = 200
): Promise<UnsignedNote[]> {
	const before = new Date(now.getTime() - UNSIGNED_AFTER_HOURS * 3_600_000);
	// Only the lead signs (or any therapist, who sees the ones they led on the home page).
	const mine = user.role === 'coordinator' ? undefined : eq(classSessions.leadUserId, user.id);
	return db
		.select({
			sessionId: classNotes.sessionId,
			participantId: classNotes.participantId,
			className: classSessions.name,
			startsAt: classSessions.startsAt,
			displayName: participants.displayName,
			draftedAt: classNotes.draftedAt
		})
		.from(classNotes)
		.innerJoin(classSessions, eq(classSessions.id, classNotes.sessionId))
		.innerJoin(participants, eq(participants.id, classNotes.participantId))
		.where(
			and(
				eq(classNotes.clinicId, user.clinicId),
				eq(classNotes.state, 'open'),
				lt(classSessions.endedAt, before),
				mine
			)
		)
		.orderBy(asc(classSessions.startsAt), asc(participants.displayName))
		.limit(limit);
}
