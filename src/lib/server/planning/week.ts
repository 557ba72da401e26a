import { and, asc, eq, gte, lt } from 'drizzle-orm';
import { addDays, localDate, weekdayOf, zonedTimeToInstant } from '../../shared/time-zone';
import { runsClasses, type ClassSessionStatus, type ClassType } from '../../shared/domain';
import type { Database } from '../db/client';
import { classSessions, rooms } from '../db/schema';
import { activeInClinic } from './clinic-scope';
import { listStaff } from './staff';
import { sessionSlot } from './selections';

export type WeekSession = {
	id: string;
	name: string;
	type: ClassType;
	date: string;
	/** Start and end instants (ISO): the page shows them in its reader's format, clinic's zone. */
	startsAt: string;
	endsAt: string;
	roomId: string;
	roomName: string;
	staffIds: string[];
	leadName: string | null;
	assistantNames: string[];
	status: ClassSessionStatus;
	/** Moved or cancelled by hand: the reason to show. */
	changeReason: string | null;
	/** Held on another day, time or room than its series said. */
	moved: boolean;
	/** The series' original day when a session was moved to another day. */
	originalDate: string | null;
};

/** The Monday of the week holding `date`. */
export function mondayOf(date: string): string {
	return addDays(date, -((weekdayOf(date) + 6) % 7));
}

/**
 * One week (Monday to Sunday, clinic time) of sessions, with the rooms and staff to lay them
 * out by. Sessions a series withdrew itself (cancelled without a reason) are left out: they were
 * never a change anyone made.
 */
export async function weekSchedule(
	db: Database,
	clinicId: string,
	timeZone: string,
	monday: string
) {
	const end = addDays(monday, 7);
	const [sessionRows, roomRows, staffRows] = await Promise.all([
		db
			.select({
				...sessionSlot,
				type: classSessions.type,
				roomId: classSessions.roomId,
				roomName: rooms.name,
				leadUserId: classSessions.leadUserId,
				assistantUserIds: classSessions.assistantUserIds,
				changeReason: classSessions.changeReason,
				occurrenceDate: classSessions.occurrenceDate,
				seriesId: classSessions.seriesId
			})
			.from(classSessions)
			.innerJoin(rooms, eq(rooms.id, classSessions.roomId))
			.where(
				and(
					eq(classSessions.clinicId, clinicId),
					gte(classSessions.startsAt, zonedTimeToInstant(monday, '00:00', timeZone)),
					lt(classSessions.startsAt, zonedTimeToInstant(end, '00:00', timeZone))
				)
			)
			.orderBy(asc(classSessions.startsAt)),
		db
			.select({ id: rooms.id, name: rooms.name, kind: rooms.kind })
			.from(rooms)
			.where(activeInClinic(rooms, clinicId))
			.orderBy(asc(rooms.name)),
		listStaff(db, clinicId)
	]);
	const nameOf = new Map(staffRows.map((u) => [u.id, u.name]));

	const sessions: WeekSession[] = sessionRows
		.filter((row) => !(row.status === 'cancelled' && row.changeReason === null && row.seriesId))
		.map((row) => {
			const date = localDate(timeZone, row.startsAt);
			const moved = row.status !== 'cancelled' && row.changeReason !== null;
			return {
				id: row.id,
				name: row.name,
				type: row.type,
				date,
				startsAt: row.startsAt.toISOString(),
				endsAt: new Date(row.startsAt.getTime() + row.durationMinutes * 60_000).toISOString(),
				roomId: row.roomId,
				roomName: row.roomName,
				staffIds: [...(row.leadUserId ? [row.leadUserId] : []), ...row.assistantUserIds],
				leadName: row.leadUserId ? (nameOf.get(row.leadUserId) ?? null) : null,
				assistantNames: row.assistantUserIds.map((id) => nameOf.get(id) ?? '?'),
				status: row.status,
				changeReason: row.changeReason,
				moved,
				originalDate: moved && row.occurrenceDate !== date ? row.occurrenceDate : null
			};
		});

	// Staff who work this week come first in the technician view; others follow.
	const working = new Set(sessions.flatMap((s) => s.staffIds));
	const technicians = staffRows
		.filter((u) => working.has(u.id) || runsClasses(u.role))
		.map((u) => ({ id: u.id, name: u.name }));
	return {
		days: Array.from({ length: 7 }, (_, i) => addDays(monday, i)),
		rooms: roomRows,
		technicians,
		sessions
	};
}
