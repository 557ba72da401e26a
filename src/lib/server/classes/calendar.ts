import { and, asc, eq, gte, inArray, isNotNull, isNull, lt, ne, or } from 'drizzle-orm';
import { effectivePlaces, TAKES_A_PLACE } from '../roster/places';
import { addDays, localDate, zonedTimeToInstant } from '../../shared/time-zone';
import type { ClassSessionStatus, ClassType, RoomKind } from '../../shared/domain';
import type { Database } from '../db/client';
import {
	classSessions,
	clinics,
	enrollments,
	rooms,
	routines,
	routineVersions,
	users
} from '../db/schema';

export type TodaysClass = {
	id: string;
	name: string;
	type: ClassType;
	/** The page shows it in its reader's format, in the clinic's zone (`timeZone`). */
	startsAt: Date;
	durationMinutes: number;
	status: ClassSessionStatus;
	routineName: string;
	leadName: string | null;
	enrolled: number;
	capacity: number;
};

export type RoomDay = { id: string; name: string; kind: RoomKind; classes: TodaysClass[] };

export type ScheduledClass = TodaysClass & { roomId: string; roomName: string; date: string };

/** Today's classes in the clinic's own time zone, grouped by room (rooms without classes too). */
export async function todaysClassesByRoom(
	db: Database,
	clinicId: string,
	now = new Date()
): Promise<{ date: string; timeZone: string; rooms: RoomDay[] }> {
	const timeZone = await clinicTimeZone(db, clinicId);
	const today = localDate(timeZone, now);
	const classes = await classesBetween(db, clinicId, timeZone, today, addDays(today, 1));
	const roomRows = await db
		.select({ id: rooms.id, name: rooms.name, kind: rooms.kind })
		.from(rooms)
		.where(and(eq(rooms.clinicId, clinicId), isNull(rooms.archivedAt)))
		.orderBy(asc(rooms.name));
	return {
		date: today,
		timeZone,
		rooms: roomRows.map((room) => ({
			...room,
			classes: classes.filter((item) => item.roomId === room.id)
		}))
	};
}

export async function clinicTimeZone(db: Database, clinicId: string): Promise<string> {
	const [clinic] = await db
		.select({ timeZone: clinics.timeZone })
		.from(clinics)
		.where(eq(clinics.id, clinicId));
	if (!clinic) throw new Error('clinic not found');
	return clinic.timeZone;
}

/** Classes from the start of day `from` up to the start of day `to`, in the clinic's zone. */
export async function classesBetween(
	db: Database,
	clinicId: string,
	timeZone: string,
	from: string,
	to: string
): Promise<ScheduledClass[]> {
	const rows = await db
		.select({
			id: classSessions.id,
			roomId: classSessions.roomId,
			roomName: rooms.name,
			seriesId: classSessions.seriesId,
			name: classSessions.name,
			type: classSessions.type,
			startsAt: classSessions.startsAt,
			durationMinutes: classSessions.durationMinutes,
			status: classSessions.status,
			capacity: classSessions.capacity,
			routineName: routines.name,
			leadName: users.name
		})
		.from(classSessions)
		.innerJoin(rooms, eq(rooms.id, classSessions.roomId))
		.innerJoin(routineVersions, eq(routineVersions.id, classSessions.routineVersionId))
		.innerJoin(routines, eq(routines.id, routineVersions.routineId))
		.leftJoin(users, eq(users.id, classSessions.leadUserId))
		.where(
			and(
				eq(classSessions.clinicId, clinicId),
				gte(classSessions.startsAt, zonedTimeToInstant(from, '00:00', timeZone)),
				lt(classSessions.startsAt, zonedTimeToInstant(to, '00:00', timeZone)),
				// A day a series no longer meets on is withdrawn silently (cancelled, no reason): not
				// a cancellation anyone needs to read about.
				or(
					ne(classSessions.status, 'cancelled'),
					isNull(classSessions.seriesId),
					isNotNull(classSessions.changeReason)
				)
			)
		)
		.orderBy(asc(classSessions.startsAt));

	const enrolledCounts = await countEnrolled(db, clinicId, rows);
	// seriesId served the counting only; the page does not need it.
	return rows.map(({ seriesId: _seriesId, ...row }) => ({
		...row,
		date: localDate(timeZone, row.startsAt),
		enrolled: enrolledCounts.get(row.id) ?? 0
	}));
}

/**
 * Places taken per session, by the same rule as the rosters: a session-level row (a one-day
 * cancellation, booking or walk-in) wins over the series place. One query for the whole range.
 */
async function countEnrolled(
	db: Database,
	clinicId: string,
	sessions: { id: string; seriesId: string | null }[]
): Promise<Map<string, number>> {
	const counts = new Map<string, number>();
	const seriesIds = [...new Set(sessions.flatMap((s) => (s.seriesId ? [s.seriesId] : [])))];
	const sessionIds = sessions.map((s) => s.id);
	if (sessionIds.length === 0) return counts;
	const rows = await db
		.select({
			participantId: enrollments.participantId,
			seriesId: enrollments.seriesId,
			forSession: enrollments.sessionId,
			status: enrollments.status
		})
		.from(enrollments)
		.where(
			and(
				eq(enrollments.clinicId, clinicId),
				or(
					inArray(enrollments.sessionId, sessionIds),
					seriesIds.length ? inArray(enrollments.seriesId, seriesIds) : undefined
				)
			)
		);
	for (const session of sessions) {
		const mine = rows.filter(
			(row) =>
				row.forSession === session.id || (session.seriesId && row.seriesId === session.seriesId)
		);
		const places = [...effectivePlaces(mine).values()];
		counts.set(session.id, places.filter((row) => TAKES_A_PLACE.has(row.status)).length);
	}
	return counts;
}
