import { and, eq, inArray, isNotNull, type SQL } from 'drizzle-orm';
import type { EnrollmentStatus } from '../../shared/domain';
import type { Database } from '../db/client';
import { classSeries, classSessions, enrollments, participants, rooms } from '../db/schema';
import { effectivePlaces, TAKES_A_PLACE } from '../roster/places';
import type { Promotion } from './enrollment';
import { inClinic } from './clinic-scope';
import { sessionSlot } from './selections';

/**
 * The enrollment service's building blocks: reading a class's places, taking its row locks,
 * writing a place, and handing freed places to the waitlist. Every function here runs inside the
 * caller's transaction, after the caller has taken the lock.
 */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
type PlaceRow = {
	participantId: string;
	forSession: string | null;
	status: EnrollmentStatus;
	createdAt: Date;
	displayName: string;
};
type SessionSlot = {
	id: string;
	name: string;
	startsAt: Date;
	durationMinutes: number;
	capacity: number;
	status: string;
};

export const BOOKABLE = new Set(['scheduled', 'live']);

/** Coming sessions of a series (not cancelled, not over): the ones a series place is for. */
export async function comingSessions(tx: Tx, clinicId: string, seriesId: string, now: Date) {
	const rows = await tx
		.select({
			...sessionSlot,
			capacity: classSessions.capacity
		})
		.from(classSessions)
		.where(and(eq(classSessions.clinicId, clinicId), eq(classSessions.seriesId, seriesId)));
	return rows.filter(
		(s) =>
			BOOKABLE.has(s.status) && s.startsAt.getTime() + s.durationMinutes * 60_000 > now.getTime()
	);
}

/** Series-level places of `seriesId` and session-level places of `sessionIds`, oldest first. */
export async function placeRows(
	tx: Tx,
	clinicId: string,
	seriesId: string | null,
	sessionIds: string[]
): Promise<PlaceRow[]> {
	const select = {
		participantId: enrollments.participantId,
		forSession: enrollments.sessionId,
		status: enrollments.status,
		createdAt: enrollments.createdAt,
		displayName: participants.displayName
	};
	const placesWhere = (which: SQL) =>
		tx
			.select(select)
			.from(enrollments)
			.innerJoin(participants, eq(participants.id, enrollments.participantId))
			.where(and(eq(enrollments.clinicId, clinicId), which));
	const rows: PlaceRow[] = [];
	if (seriesId) rows.push(...(await placesWhere(eq(enrollments.seriesId, seriesId))));
	if (sessionIds.length) {
		rows.push(...(await placesWhere(inArray(enrollments.sessionId, sessionIds))));
	}
	return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

/** Who holds a place in one session, and who waits for one, in order. */
export function sessionPlaces(rows: PlaceRow[], sessionId: string, except?: string) {
	const own = rows.filter((r) => r.forSession === null || r.forSession === sessionId);
	const places = [...effectivePlaces(own).values()].filter((r) => r.participantId !== except);
	return {
		taken: places.filter((r) => TAKES_A_PLACE.has(r.status)).length,
		waiting: places
			.filter((r) => r.status === 'waitlisted')
			.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
	};
}

/**
 * A series place is free only when the series and every coming session have room: a one-day
 * booking holds its place, and a series place is a place in each of those sessions.
 */
export function seriesHasRoom(
	rows: PlaceRow[],
	capacity: number,
	sessions: SessionSlot[],
	except?: string
): boolean {
	const seriesTaken = rows.filter(
		(r) => r.forSession === null && r.status === 'enrolled' && r.participantId !== except
	).length;
	if (seriesTaken >= capacity) return false;
	return sessions.every((s) => sessionPlaces(rows, s.id, except).taken < s.capacity);
}

export async function lockSeries(tx: Tx, clinicId: string, seriesId: string) {
	const [series] = await tx
		.select({
			id: classSeries.id,
			capacity: classSeries.capacity,
			roomKind: rooms.kind,
			archivedAt: classSeries.archivedAt
		})
		.from(classSeries)
		.innerJoin(rooms, eq(rooms.id, classSeries.roomId))
		.where(inClinic(classSeries, clinicId, seriesId))
		.for('update', { of: classSeries });
	return series ?? null;
}

export async function lockSession(tx: Tx, clinicId: string, sessionId: string) {
	const [found] = await tx
		.select({ seriesId: classSessions.seriesId })
		.from(classSessions)
		.where(inClinic(classSessions, clinicId, sessionId));
	if (!found) return null;
	// Series first, then session: every writer takes the locks in the same order (no deadlock).
	if (found.seriesId) await lockSeries(tx, clinicId, found.seriesId);
	const [session] = await tx
		.select({
			...sessionSlot,
			seriesId: classSessions.seriesId,
			capacity: classSessions.capacity,
			roomKind: rooms.kind
		})
		.from(classSessions)
		.innerJoin(rooms, eq(rooms.id, classSessions.roomId))
		.where(eq(classSessions.id, sessionId))
		.for('update', { of: classSessions });
	return session ?? null;
}

export async function activeParticipant(tx: Tx, clinicId: string, participantId: string) {
	const [row] = await tx
		.select({
			id: participants.id,
			archivedAt: participants.archivedAt,
			aquaticScreening: participants.aquaticScreening
		})
		.from(participants)
		.where(inClinic(participants, clinicId, participantId));
	return row && !row.archivedAt ? row : null;
}

/**
 * Takes (or takes again) a place in a session or a whole series. A new place joins the back of
 * the line: createdAt is its turn.
 */
function upsertPlace(
	tx: Tx,
	values: typeof enrollments.$inferInsert,
	on: 'sessionId' | 'seriesId'
) {
	const now = new Date();
	const row = { ...values, createdAt: now, updatedAt: now };
	return tx
		.insert(enrollments)
		.values(row)
		.onConflictDoUpdate({
			target: [enrollments.participantId, enrollments[on]],
			targetWhere: isNotNull(enrollments[on]),
			set: {
				status: row.status,
				overrideReason: row.overrideReason ?? null,
				overrideBy: row.overrideBy ?? null,
				promotedAt: row.promotedAt ?? null,
				createdAt: row.createdAt,
				updatedAt: now
			}
		});
}

export const upsertSessionPlace = (
	tx: Tx,
	values: typeof enrollments.$inferInsert & { sessionId: string }
) => upsertPlace(tx, values, 'sessionId');

export const upsertSeriesPlace = (
	tx: Tx,
	values: typeof enrollments.$inferInsert & { seriesId: string }
) => upsertPlace(tx, values, 'seriesId');

/** Gives a session's free places to the first in line, for that day. */
export async function fillSession(
	tx: Tx,
	clinicId: string,
	seriesId: string | null,
	session: SessionSlot,
	now: Date
): Promise<Promotion[]> {
	const rows = await placeRows(tx, clinicId, seriesId, [session.id]);
	const { taken, waiting } = sessionPlaces(rows, session.id);
	const promoted = waiting.slice(0, Math.max(0, session.capacity - taken));
	for (const person of promoted) {
		await upsertSessionPlace(tx, {
			clinicId,
			participantId: person.participantId,
			sessionId: session.id,
			status: 'enrolled',
			promotedAt: now
		});
	}
	return promoted.map((p) => ({
		participantId: p.participantId,
		displayName: p.displayName,
		sessionId: session.id,
		startsAt: session.startsAt
	}));
}

/** Gives free series places to the first in the series' line, then fills each coming session. */
export async function fillSeries(
	tx: Tx,
	clinicId: string,
	series: { id: string; capacity: number },
	now: Date
): Promise<Promotion[]> {
	const sessions = await comingSessions(tx, clinicId, series.id, now);
	const promoted: Promotion[] = [];
	for (;;) {
		const rows = await placeRows(
			tx,
			clinicId,
			series.id,
			sessions.map((s) => s.id)
		);
		const next = rows.find((r) => r.forSession === null && r.status === 'waitlisted');
		// A one-day place the person already holds is the same place, not an extra one.
		if (!next || !seriesHasRoom(rows, series.capacity, sessions, next.participantId)) break;
		await tx
			.update(enrollments)
			.set({ status: 'enrolled', promotedAt: now, updatedAt: now })
			.where(
				and(
					eq(enrollments.clinicId, clinicId),
					eq(enrollments.seriesId, series.id),
					eq(enrollments.participantId, next.participantId)
				)
			);
		promoted.push({
			participantId: next.participantId,
			displayName: next.displayName,
			sessionId: null,
			startsAt: null
		});
	}
	for (const session of sessions) {
		promoted.push(...(await fillSession(tx, clinicId, series.id, session, now)));
	}
	return promoted;
}
