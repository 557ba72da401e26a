import { eq } from 'drizzle-orm';
import { roomConflicts } from '../../shared/planning/conflicts';
import type { Problem, Problems } from '../../i18n/problem';
import type { CancelForm, MoveForm } from '../../shared/planning/forms';
import { addDays, localDate, zonedTimeToInstant } from '../../shared/time-zone';
import type { Database } from '../db/client';
import { classSessions, clinics, rooms } from '../db/schema';
import { bookingsBetween, clinicNames, summarize } from './bookings';
import { activeInClinic, inClinic } from './clinic-scope';
import { sessionSlot } from './selections';

/** `notFound`: no session of this clinic has that id: nothing was written. */
export type ChangeResult = { ok: true } | { ok: false; problems: Problems; notFound?: true };

const refused = (problems: Problems, notFound?: true): ChangeResult =>
	notFound ? { ok: false, problems, notFound } : { ok: false, problems };

/** One session as the change page shows it, or null when it is not the clinic's. */
export async function sessionForChange(db: Database, clinicId: string, sessionId: string) {
	const [row] = await db
		.select({
			...sessionSlot,
			roomId: classSessions.roomId,
			roomName: rooms.name,
			occurrenceDate: classSessions.occurrenceDate,
			changeReason: classSessions.changeReason,
			timeZone: clinics.timeZone
		})
		.from(classSessions)
		.innerJoin(rooms, eq(rooms.id, classSessions.roomId))
		.innerJoin(clinics, eq(clinics.id, classSessions.clinicId))
		.where(inClinic(classSessions, clinicId, sessionId));
	if (!row) return null;
	const date = localDate(row.timeZone, row.startsAt);
	const time = new Intl.DateTimeFormat('en-GB', {
		timeZone: row.timeZone,
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	}).format(row.startsAt);
	return { ...row, date, time };
}

type Changeable =
	| { row: typeof classSessions.$inferSelect; problem: null }
	| { row: null; problem: Problem; notFound?: true };

async function changeable(
	db: Database,
	clinicId: string,
	sessionId: string,
	now: Date
): Promise<Changeable> {
	const [row] = await db
		.select()
		.from(classSessions)
		.where(inClinic(classSessions, clinicId, sessionId))
		.for('update');
	if (!row) return { row: null, problem: { code: 'session-change.not-found' }, notFound: true };
	if (row.status !== 'scheduled' || row.startedAt || row.startsAt <= now) {
		return { row: null, problem: { code: 'session-change.started' } };
	}
	return { row, problem: null };
}

/**
 * Cancels one session with its reason (a holiday, a closed pool). It keeps its occurrence date,
 * so the series never makes it again.
 */
export async function cancelSession(
	db: Database,
	clinicId: string,
	sessionId: string,
	cancel: CancelForm,
	now = new Date()
): Promise<ChangeResult> {
	return db.transaction(async (tx) => {
		const found = await changeable(tx, clinicId, sessionId, now);
		if (!found.row) return refused({ form: found.problem }, found.notFound);
		await tx
			.update(classSessions)
			.set({ status: 'cancelled', changeReason: cancel.reason })
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
	move: MoveForm,
	now = new Date()
): Promise<ChangeResult> {
	return db.transaction(async (tx) => {
		const [clinic] = await tx
			.select({ timeZone: clinics.timeZone })
			.from(clinics)
			.where(eq(clinics.id, clinicId))
			.for('update');
		const timeZone = clinic!.timeZone;
		const found = await changeable(tx, clinicId, sessionId, now);
		if (!found.row) return refused({ form: found.problem }, found.notFound);
		const session = found.row;

		const [room] = await tx
			.select()
			.from(rooms)
			.where(activeInClinic(rooms, clinicId, move.roomId));
		if (!room) return refused({ roomId: { code: 'field.choose' } });
		if ((session.type === 'aquatic') !== (room.kind === 'pool')) {
			const code =
				session.type === 'aquatic' ? 'planning.aquatic-needs-pool' : 'session-change.needs-gym';
			return refused({ roomId: { code } });
		}
		const startsAt = zonedTimeToInstant(move.date, move.startTime, timeZone);
		if (startsAt <= now) {
			return refused({ date: { code: 'session-change.in-the-past' } });
		}
		// The form has no capacity or staff fields: the room's limits show beside the room.
		const [limit] = roomConflicts(room, session.capacity, session.assistantUserIds.length);
		if (limit) return refused({ roomId: limit.problem });

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
		const clashes = summarize([candidate], others, await clinicNames(tx, clinicId));
		if (Object.keys(clashes).length) {
			// The form has no staff fields: a technician's clash shows beside the time.
			const { roomId, leadUserId, assistantUserIds } = clashes;
			const staff = leadUserId ?? assistantUserIds;
			return refused({ ...(roomId ? { roomId } : {}), ...(staff ? { startTime: staff } : {}) });
		}

		await tx
			.update(classSessions)
			.set({ startsAt, roomId: move.roomId, changeReason: move.reason })
			.where(eq(classSessions.id, sessionId));
		return { ok: true };
	});
}
