import { and, asc, eq, inArray, max, or } from 'drizzle-orm';
import { localDate } from '../../shared/time-zone';
import type { Database } from '../db/client';
import {
	classSessions,
	enrollments,
	participants,
	rooms,
	routines,
	routineVersions,
	users
} from '../db/schema';
import { clinicTimeZone } from '../classes/calendar';
import { effectivePlaces, TAKES_A_PLACE } from '../roster/places';
import { inClinic } from './clinic-scope';
import { aquaticRefusal } from './enrollment-checks';
import { participantCard, sessionSlot } from './selections';

/**
 * One session's places as the coordinator's roster page shows them: who is in (with the
 * details a paper list at the pool needs), who waits in order, who cancelled. The same
 * session-row-wins rule as the phones' roster (roster/places.ts).
 */
export async function sessionRosterView(
	db: Database,
	clinicId: string,
	sessionId: string,
	now = new Date()
) {
	const [session] = await db
		.select({
			...sessionSlot,
			seriesId: classSessions.seriesId,
			type: classSessions.type,
			capacity: classSessions.capacity,
			roomName: rooms.name,
			roomKind: rooms.kind,
			changeReason: classSessions.changeReason,
			startedAt: classSessions.startedAt,
			leadUserId: classSessions.leadUserId,
			assistantUserIds: classSessions.assistantUserIds,
			routineId: routines.id,
			routineName: routines.name,
			routineVersion: routineVersions.version
		})
		.from(classSessions)
		.innerJoin(rooms, eq(rooms.id, classSessions.roomId))
		.innerJoin(routineVersions, eq(routineVersions.id, classSessions.routineVersionId))
		.innerJoin(routines, eq(routines.id, routineVersions.routineId))
		.where(inClinic(classSessions, clinicId, sessionId));
	if (!session) return null;
	const { leadUserId, assistantUserIds, startedAt, ...slot } = session;
	const staffIds = [...(leadUserId ? [leadUserId] : []), ...assistantUserIds];
	const staff = staffIds.length
		? await db
				.select({ id: users.id, name: users.name })
				.from(users)
				.where(and(eq(users.clinicId, clinicId), inArray(users.id, staffIds)))
		: [];
	const nameOf = (id: string) => staff.find((person) => person.id === id)?.name ?? null;
	// The routine may have moved on since this class was planned: say so beside its version.
	const [latest] = await db
		.select({ version: max(routineVersions.version) })
		.from(routineVersions)
		.where(eq(routineVersions.routineId, session.routineId));
	const timeZone = await clinicTimeZone(db, clinicId);

	const rows = await db
		.select({
			participantId: participants.id,
			...participantCard,
			forSession: enrollments.sessionId,
			status: enrollments.status,
			overrideReason: enrollments.overrideReason,
			promotedAt: enrollments.promotedAt,
			createdAt: enrollments.createdAt
		})
		.from(enrollments)
		.innerJoin(participants, eq(participants.id, enrollments.participantId))
		.where(
			and(
				eq(enrollments.clinicId, clinicId),
				or(
					eq(enrollments.sessionId, sessionId),
					session.seriesId ? eq(enrollments.seriesId, session.seriesId) : undefined
				)
			)
		)
		.orderBy(asc(enrollments.createdAt));

	const places = [...effectivePlaces(rows).values()].map((row) => ({
		participantId: row.participantId,
		fullName: `${row.firstName} ${row.lastName}`,
		sortName: `${row.lastName} ${row.firstName}`,
		displayName: row.displayName,
		assistiveDevice: row.assistiveDevice,
		precautions: row.precautions,
		aquaticScreening: row.aquaticScreening,
		status: row.status,
		/** 'series': the place is for every day of the series; 'session': this day only. */
		level: row.forSession ? ('session' as const) : ('series' as const),
		overrideReason: row.overrideReason,
		/**
		 * What the enrolment checks say about this person in this room (a pool exclusion): the
		 * same rule that asks for a written reason at enrolment, shown before anyone is checked in.
		 */
		flags: [aquaticRefusal(session.roomKind, row.aquaticScreening.exclusions)].filter(
			(flag) => flag !== null
		),
		promoted: row.promotedAt !== null && TAKES_A_PLACE.has(row.status),
		waitingSince: row.createdAt.toISOString()
	}));
	const siblings = session.seriesId
		? await db
				.select({ id: classSessions.id })
				.from(classSessions)
				.where(
					and(eq(classSessions.clinicId, clinicId), eq(classSessions.seriesId, session.seriesId))
				)
				.orderBy(asc(classSessions.startsAt))
		: [];
	const index = siblings.findIndex((s) => s.id === session.id);
	const byName = (a: { sortName: string }, b: { sortName: string }) =>
		a.sortName.localeCompare(b.sortName);
	return {
		session: {
			...slot,
			startsAt: session.startsAt.toISOString(),
			date: localDate(timeZone, session.startsAt),
			latestRoutineVersion: latest?.version ?? session.routineVersion,
			leadName: leadUserId ? nameOf(leadUserId) : null,
			assistantNames: assistantUserIds.flatMap((id) => nameOf(id) ?? []),
			/** Cancel and move apply to a class that has not begun (session-changes.ts's rule). */
			changeable: session.status === 'scheduled' && startedAt === null && session.startsAt > now
		},
		timeZone,
		/** The series' sessions either side, to step through the weeks. */
		previousId: index > 0 ? siblings[index - 1]!.id : null,
		nextId: index >= 0 && index < siblings.length - 1 ? siblings[index + 1]!.id : null,
		inClass: places.filter((p) => TAKES_A_PLACE.has(p.status)).sort(byName),
		// createdAt order is the line's order (roster/places keeps rows oldest first).
		waiting: places.filter((p) => p.status === 'waitlisted'),
		cancelled: places.filter((p) => p.status === 'cancelled').sort(byName)
	};
}

export type SessionRosterView = NonNullable<Awaited<ReturnType<typeof sessionRosterView>>>;
