import { and, eq } from 'drizzle-orm';
import type { StaffUser } from '../auth/session';
import type { Database } from '../db/client';
import { classSessions, clinics, rooms } from '../db/schema';

/**
 * Who may do what with a class's notes. The class's lead and any therapist write and sign; a
 * therapist co-signs; coordinators and the class's assistants read. Anyone else of the clinic is
 * refused (403); a class of another clinic is not found (404).
 */
export type NoteRights = { read: boolean; write: boolean; cosign: boolean };

/** What the review page's heading shows of the class. */
export type ClassHeading = {
	name: string;
	startsAt: Date;
	timeZone: string;
	roomName: string;
	ended: boolean;
};

export type ClassAccess =
	| { ok: true; rights: NoteRights; leadUserId: string | null; heading: ClassHeading }
	| { ok: false; status: 403 | 404; code: NoteCode };

export type NoteCode =
	| 'records.not-found'
	| 'records.forbidden'
	| 'records.not-ended'
	| 'records.note-signed'
	| 'records.not-signed'
	| 'records.already-cosigned'
	| 'records.cosign-own'
	| 'records.therapists-cosign'
	| 'records.draft-unreadable';

export function rightsOf(
	user: Pick<StaffUser, 'id' | 'role'>,
	staff: { leadUserId: string | null; assistantUserIds: string[] }
): NoteRights {
	const lead = staff.leadUserId === user.id;
	const therapist = user.role === 'therapist';
	const write = lead || therapist;
	const read = write || user.role === 'coordinator' || staff.assistantUserIds.includes(user.id);
	return { read, write, cosign: therapist };
}

export async function classAccess(
	db: Database,
	user: StaffUser,
	sessionId: string
): Promise<ClassAccess> {
	const [session] = await db
		.select({
			leadUserId: classSessions.leadUserId,
			assistantUserIds: classSessions.assistantUserIds,
			name: classSessions.name,
			startsAt: classSessions.startsAt,
			status: classSessions.status,
			timeZone: clinics.timeZone,
			roomName: rooms.name
		})
		.from(classSessions)
		.innerJoin(rooms, eq(rooms.id, classSessions.roomId))
		.innerJoin(clinics, eq(clinics.id, classSessions.clinicId))
		.where(and(eq(classSessions.id, sessionId), eq(classSessions.clinicId, user.clinicId)));
	if (!session) return { ok: false, status: 404, code: 'records.not-found' };
	const rights = rightsOf(user, session);
	if (!rights.read) return { ok: false, status: 403, code: 'records.forbidden' };
	const { name, startsAt, timeZone, roomName } = session;
	const heading = { name, startsAt, timeZone, roomName, ended: session.status === 'completed' };
	return { ok: true, rights, leadUserId: session.leadUserId, heading };
}
