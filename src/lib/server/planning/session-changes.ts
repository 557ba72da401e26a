import { and, eq, isNull } from 'drizzle-orm';
import { roomConflicts } from '../../shared/planning/conflicts';
import {
	cancelFormSchema,
	fieldErrors,
	moveFormSchema,
	type FieldErrors
} from '../../shared/planning/forms';
import { addDays, formatTime, localDate, zonedTimeToInstant } from '../../shared/time-zone';
import type { Database } from '../db/client';
import { classSessions, clinics, rooms } from '../db/schema';
import { bookingsBetween, clinicNames, summarize } from './bookings';

/** `notFound`: no session of this clinic has that id: nothing was written. */
export type ChangeResult = { ok: true } | { ok: false; errors: FieldErrors; notFound?: true };

/** One session as the change page shows it, or null when it is not the clinic's. */
export async function sessionForChange(db: Database, clinicId: string, sessionId: string) {
	const [row] = await db
		.select({
			id: classSessions.id,
			name: classSessions.name,
			status: classSessions.status,
			startsAt: classSessions.startsAt,
			durationMinutes: classSessions.durationMinutes,
			roomId: classSessions.roomId,
			roomName: rooms.name,
			occurrenceDate: classSessions.occurrenceDate,
			changeReason: classSessions.changeReason,
			timeZone: clinics.timeZone
		})
		.from(classSessions)
		.innerJoin(rooms, eq(rooms.id, classSessions.roomId))
		.innerJoin(clinics, eq(clinics.id, classSessions.clinicId))
		.where(and(eq(classSessions.id, sessionId), eq(classSessions.clinicId, clinicId)));
	if (!row) return null;
	const date = localDate(row.timeZone, row.startsAt);
	const time = new Intl.DateTimeFormat('en-GB', {
		timeZone: row.timeZone,
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	}).format(row.startsAt);
	return { ...row, date, time, startLabel: formatTime(row.startsAt, row.timeZone) };
}

type Changeable =
	| { row: typeof classSessions.$inferSelect; error: null }
	| { row: null; error: string; notFound?: true };

async function changeable(
	db: Database,
	clinicId: string,
	sessionId: string,
	now: Date
): Promise<Changeable> {
	const [row] = await db
		.select()
		.from(classSessions)
		.where(and(eq(classSessions.id, sessionId), eq(classSessions.clinicId, clinicId)))
		.for('update');
	if (!row) return { row: null, error: 'This session does not exist.', notFound: true };
	if (row.status !== 'scheduled' || row.startedAt || row.startsAt <= now) {
		return { row: null, error: 'Only a session that has not started yet can be changed.' };
	}
	return { row, error: null };
}

/**
 * Cancels one session with its reason (a holiday, a closed pool). It keeps its occurrence date,
 * so the series never makes it again.
 */
export async function cancelSession(
	db: Database,
	clinicId: string,
	sessionId: string,
	input: unknown,
	now = new Date()
): Promise<ChangeResult> {
	const parsed = cancelFormSchema.safeParse(input);
	if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
	return db.transaction(async (tx) => {
		const found = await changeable(tx, clinicId, sessionId, now);
		if (!found.row) return { ok: false, errors: { form: found.error }, notFound: found.notFound };
		await tx
			.update(classSessions)
			.set({ status: 'cancelled', changeReason: parsed.data.reason })
			.where(eq(classSessions.id, sessionId));
		return { ok: true };
	});
}

/**
 * Moves one session to another day, time or room, with its reason; checked like a new class
 * (room, staff, the new room's limits). The series leaves a moved session where it was put.
 */
export async function moveSession(
	db: Database,
	clinicId: string,
	sessionId: string,
	input: unknown,
	now = new Date()
): Promise<ChangeResult> {
	const parsed = moveFormSchema.safeParse(input);
	if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
	const move = parsed.data;
	return db.transaction(async (tx) => {
		const [clinic] = await tx
			.select({ timeZone: clinics.timeZone })
			.from(clinics)
			.where(eq(clinics.id, clinicId))
			.for('update');
		const timeZone = clinic!.timeZone;
		const found = await changeable(tx, clinicId, sessionId, now);
		if (!found.row) return { ok: false, errors: { form: found.error }, notFound: found.notFound };
		const session = found.row;

		const [room] = await tx
			.select()
			.from(rooms)
			.where(
				and(eq(rooms.id, move.roomId), eq(rooms.clinicId, clinicId), isNull(rooms.archivedAt))
			);
		if (!room) return { ok: false, errors: { roomId: 'Choose one of the clinic’s rooms.' } };
		if ((session.type === 'aquatic') !== (room.kind === 'pool')) {
			return {
				ok: false,
				errors: {
					roomId:
						session.type === 'aquatic'
							? 'An aquatic class needs a pool.'
							: 'This class needs a gym.'
				}
			};
		}
		const startsAt = zonedTimeToInstant(move.date, move.startTime, timeZone);
		if (startsAt <= now) return { ok: false, errors: { date: 'Choose a time still to come.' } };
		const errors: FieldErrors = {};
		for (const conflict of roomConflicts(room, session.capacity, session.assistantUserIds.length)) {
			errors[conflict.field === 'capacity' ? 'roomId' : conflict.field] ??= conflict.message;
		}
		if (errors.assistantUserIds) {
			errors.roomId = errors.assistantUserIds;
			delete errors.assistantUserIds;
		}
		if (Object.keys(errors).length) return { ok: false, errors };

		const candidate = {
			key: session.id,
			name: session.name,
			roomId: move.roomId,
			leadUserId: session.leadUserId,
			assistantUserIds: session.assistantUserIds,
			startsAt,
			endsAt: new Date(startsAt.getTime() + session.durationMinutes * 60_000)
		};
		const range = {
			from: addDays(move.date, -1),
			to: addDays(move.date, 2),
			start: zonedTimeToInstant(addDays(move.date, -1), '00:00', timeZone),
			end: zonedTimeToInstant(addDays(move.date, 2), '00:00', timeZone)
		};
		const others = await bookingsBetween(tx, clinicId, timeZone, range, now);
		const clashes = summarize([candidate], others, await clinicNames(tx, clinicId), timeZone);
		if (Object.keys(clashes).length) {
			// The form has no staff fields: the technicians' clashes show beside the time.
			const { roomId, ...staff } = clashes;
			const staffMessage = Object.values(staff).join(' ');
			return {
				ok: false,
				errors: {
					...(roomId ? { roomId } : {}),
					...(staffMessage ? { startTime: staffMessage } : {})
				}
			};
		}

		await tx
			.update(classSessions)
			.set({ startsAt, roomId: move.roomId, changeReason: move.reason })
			.where(eq(classSessions.id, sessionId));
		return { ok: true };
	});
}
