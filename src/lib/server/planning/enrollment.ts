import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { EnrollmentStatus } from '../../shared/domain';
import type { Database } from '../db/client';
import { classSeries, classSessions, enrollments, participants, rooms } from '../db/schema';
import { clinicTimeZone } from '../classes/calendar';
import { effectivePlaces, TAKES_A_PLACE } from '../roster/places';
import { aquaticRefusal, doubleBooking, type Refusal } from './enrollment-checks';

/**
 * Places in classes: a whole series or one session. Capacity is enforced, the overflow waits in
 * order (createdAt), and a freed place goes to the first in line automatically.
 *
 * Every change runs in one transaction that first locks the class's row (the series row, and for
 * a session also the session row, always in that order): two coordinators enrolling or cancelling
 * at once then take turns, so a class never goes over capacity and nobody is promoted twice.
 */

export type Actor = { clinicId: string; userId: string };
export type Target = { seriesId: string } | { sessionId: string };
export type Promotion = {
	participantId: string;
	displayName: string;
	/** Null when promoted in the whole series; else the one class they now have a place in. */
	sessionId: string | null;
	startsAt: Date | null;
};
export type EnrollResult =
	| { ok: true; status: 'enrolled' | 'waitlisted'; already: boolean }
	| { ok: false; error: string; refusals?: Refusal[] };
export type CancelResult =
	{ ok: true; cancelled: boolean; promoted: Promotion[] } | { ok: false; error: string };

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
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

const BOOKABLE = new Set(['scheduled', 'live']);

/** Coming sessions of a series (not cancelled, not over): the ones a series place is for. */
async function comingSessions(tx: Tx, clinicId: string, seriesId: string, now: Date) {
	const rows = await tx
		.select({
			id: classSessions.id,
			name: classSessions.name,
			startsAt: classSessions.startsAt,
			durationMinutes: classSessions.durationMinutes,
			capacity: classSessions.capacity,
			status: classSessions.status
		})
		.from(classSessions)
		.where(and(eq(classSessions.clinicId, clinicId), eq(classSessions.seriesId, seriesId)));
	return rows.filter(
		(s) =>
			BOOKABLE.has(s.status) && s.startsAt.getTime() + s.durationMinutes * 60_000 > now.getTime()
	);
}

/** Series-level places of `seriesId` and session-level places of `sessionIds`, oldest first. */
async function placeRows(
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
	const rows: PlaceRow[] = [];
	if (seriesId) {
		rows.push(
			...(await tx
				.select(select)
				.from(enrollments)
				.innerJoin(participants, eq(participants.id, enrollments.participantId))
				.where(and(eq(enrollments.clinicId, clinicId), eq(enrollments.seriesId, seriesId))))
		);
	}
	if (sessionIds.length) {
		rows.push(
			...(await tx
				.select(select)
				.from(enrollments)
				.innerJoin(participants, eq(participants.id, enrollments.participantId))
				.where(and(eq(enrollments.clinicId, clinicId), inArray(enrollments.sessionId, sessionIds))))
		);
	}
	return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

/** Who holds a place in one session, and who waits for one, in order. */
function sessionPlaces(rows: PlaceRow[], sessionId: string, except?: string) {
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
function seriesHasRoom(
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

async function lockSeries(tx: Tx, clinicId: string, seriesId: string) {
	const [series] = await tx
		.select({
			id: classSeries.id,
			capacity: classSeries.capacity,
			roomKind: rooms.kind,
			archivedAt: classSeries.archivedAt
		})
		.from(classSeries)
		.innerJoin(rooms, eq(rooms.id, classSeries.roomId))
		.where(and(eq(classSeries.id, seriesId), eq(classSeries.clinicId, clinicId)))
		.for('update', { of: classSeries });
	return series ?? null;
}

async function lockSession(tx: Tx, clinicId: string, sessionId: string) {
	const [found] = await tx
		.select({ seriesId: classSessions.seriesId })
		.from(classSessions)
		.where(and(eq(classSessions.id, sessionId), eq(classSessions.clinicId, clinicId)));
	if (!found) return null;
	// Series first, then session: every writer takes the locks in the same order (no deadlock).
	if (found.seriesId) await lockSeries(tx, clinicId, found.seriesId);
	const [session] = await tx
		.select({
			id: classSessions.id,
			seriesId: classSessions.seriesId,
			name: classSessions.name,
			startsAt: classSessions.startsAt,
			durationMinutes: classSessions.durationMinutes,
			capacity: classSessions.capacity,
			status: classSessions.status,
			roomKind: rooms.kind
		})
		.from(classSessions)
		.innerJoin(rooms, eq(rooms.id, classSessions.roomId))
		.where(eq(classSessions.id, sessionId))
		.for('update', { of: classSessions });
	return session ?? null;
}

async function activeParticipant(tx: Tx, clinicId: string, participantId: string) {
	const [row] = await tx
		.select({
			id: participants.id,
			archivedAt: participants.archivedAt,
			aquaticScreening: participants.aquaticScreening
		})
		.from(participants)
		.where(and(eq(participants.id, participantId), eq(participants.clinicId, clinicId)));
	return row && !row.archivedAt ? row : null;
}

function upsertSessionPlace(
	tx: Tx,
	values: typeof enrollments.$inferInsert & { sessionId: string }
) {
	const now = new Date();
	// A new place (or a place taken again) joins the back of the line: createdAt is its turn.
	const row = { ...values, createdAt: now, updatedAt: now };
	return tx
		.insert(enrollments)
		.values(row)
		.onConflictDoUpdate({
			target: [enrollments.participantId, enrollments.sessionId],
			targetWhere: isNotNull(enrollments.sessionId),
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

function upsertSeriesPlace(tx: Tx, values: typeof enrollments.$inferInsert & { seriesId: string }) {
	const now = new Date();
	const row = { ...values, createdAt: now, updatedAt: now };
	return tx
		.insert(enrollments)
		.values(row)
		.onConflictDoUpdate({
			target: [enrollments.participantId, enrollments.seriesId],
			targetWhere: isNotNull(enrollments.seriesId),
			set: {
				status: row.status,
				overrideReason: row.overrideReason ?? null,
				overrideBy: row.overrideBy ?? null,
				promotedAt: null,
				createdAt: row.createdAt,
				updatedAt: now
			}
		});
}

/** Gives a session's free places to the first in line, for that day. */
async function fillSession(
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
async function fillSeries(
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

export type EnrollRequest = {
	participantId: string;
	/** A coordinator's written reason to enrol despite a refusal (already validated). */
	overrideReason?: string;
};

export async function enroll(
	db: Database,
	actor: Actor,
	target: Target,
	request: EnrollRequest,
	now = new Date()
): Promise<EnrollResult> {
	const timeZone = await clinicTimeZone(db, actor.clinicId);
	return db.transaction(async (tx) => {
		const person = await activeParticipant(tx, actor.clinicId, request.participantId);
		if (!person) return { ok: false, error: 'No such participant' };
		const exclusions = person.aquaticScreening.exclusions;

		if ('seriesId' in target) {
			const series = await lockSeries(tx, actor.clinicId, target.seriesId);
			if (!series || series.archivedAt) return { ok: false, error: 'No such class series' };
			const sessions = await comingSessions(tx, actor.clinicId, series.id, now);
			const rows = await placeRows(
				tx,
				actor.clinicId,
				series.id,
				sessions.map((s) => s.id)
			);
			const own = rows.find((r) => r.forSession === null && r.participantId === person.id);
			if (own && (own.status === 'enrolled' || own.status === 'waitlisted')) {
				return { ok: true, status: own.status, already: true };
			}
			const refusals = [
				aquaticRefusal(series.roomKind, exclusions),
				await doubleBooking(tx, actor.clinicId, timeZone, person.id, sessions, series.id)
			].filter((r): r is Refusal => r !== null);
			if (refusals.length && !request.overrideReason) {
				return { ok: false, error: 'Needs a written reason to enrol', refusals };
			}
			const status = seriesHasRoom(rows, series.capacity, sessions, person.id)
				? 'enrolled'
				: 'waitlisted';
			await upsertSeriesPlace(tx, {
				clinicId: actor.clinicId,
				participantId: person.id,
				seriesId: series.id,
				status,
				...(refusals.length
					? { overrideReason: request.overrideReason, overrideBy: actor.userId }
					: {})
			});
			return { ok: true, status, already: false };
		}

		const session = await lockSession(tx, actor.clinicId, target.sessionId);
		if (!session) return { ok: false, error: 'No such class in your clinic' };
		if (!BOOKABLE.has(session.status)) {
			return { ok: false, error: `This class is ${session.status}: places cannot change` };
		}
		const rows = await placeRows(tx, actor.clinicId, session.seriesId, [session.id]);
		const current = effectivePlaces(rows.filter((r) => r.participantId === person.id)).get(
			person.id
		);
		if (current && current.status !== 'cancelled') {
			const status = current.status === 'waitlisted' ? 'waitlisted' : 'enrolled';
			return { ok: true, status, already: true };
		}
		const refusals = [
			aquaticRefusal(session.roomKind, exclusions),
			await doubleBooking(tx, actor.clinicId, timeZone, person.id, [session], null)
		].filter((r): r is Refusal => r !== null);
		if (refusals.length && !request.overrideReason) {
			return { ok: false, error: 'Needs a written reason to enrol', refusals };
		}
		const { taken } = sessionPlaces(rows, session.id, person.id);
		const status = taken < session.capacity ? 'enrolled' : 'waitlisted';
		await upsertSessionPlace(tx, {
			clinicId: actor.clinicId,
			participantId: person.id,
			sessionId: session.id,
			status,
			...(refusals.length
				? { overrideReason: request.overrideReason, overrideBy: actor.userId }
				: {})
		});
		return { ok: true, status, already: false };
	});
}

/**
 * Cancels a place (or a waitlist spot): for the whole series, or for one session only (the series
 * place stays for the other days). A freed place goes to the first in line.
 */
export async function cancel(
	db: Database,
	actor: Actor,
	target: Target,
	participantId: string,
	now = new Date()
): Promise<CancelResult> {
	return db.transaction(async (tx) => {
		if ('seriesId' in target) {
			const series = await lockSeries(tx, actor.clinicId, target.seriesId);
			if (!series) return { ok: false, error: 'No such class series' };
			const [own] = await tx
				.select({ status: enrollments.status })
				.from(enrollments)
				.where(
					and(
						eq(enrollments.clinicId, actor.clinicId),
						eq(enrollments.seriesId, series.id),
						eq(enrollments.participantId, participantId)
					)
				);
			if (!own || (own.status !== 'enrolled' && own.status !== 'waitlisted')) {
				return { ok: true, cancelled: false, promoted: [] };
			}
			await tx
				.update(enrollments)
				.set({ status: 'cancelled', promotedAt: null, updatedAt: now })
				.where(
					and(
						eq(enrollments.clinicId, actor.clinicId),
						eq(enrollments.seriesId, series.id),
						eq(enrollments.participantId, participantId)
					)
				);
			const promoted =
				own.status === 'enrolled' ? await fillSeries(tx, actor.clinicId, series, now) : [];
			return { ok: true, cancelled: true, promoted };
		}

		const session = await lockSession(tx, actor.clinicId, target.sessionId);
		if (!session) return { ok: false, error: 'No such class in your clinic' };
		if (!BOOKABLE.has(session.status)) {
			return { ok: false, error: `This class is ${session.status}: places cannot change` };
		}
		const rows = await placeRows(tx, actor.clinicId, session.seriesId, [session.id]);
		const current = effectivePlaces(rows.filter((r) => r.participantId === participantId)).get(
			participantId
		);
		if (!current || current.status === 'cancelled') {
			return { ok: true, cancelled: false, promoted: [] };
		}
		await upsertSessionPlace(tx, {
			clinicId: actor.clinicId,
			participantId,
			sessionId: session.id,
			status: 'cancelled'
		});
		const promoted = TAKES_A_PLACE.has(current.status)
			? await fillSession(tx, actor.clinicId, session.seriesId, session, now)
			: [];
		return { ok: true, cancelled: true, promoted };
	});
}

/**
 * What would stop this enrolment, without changing anything: shown again next to the reason box
 * when the coordinator's reason is refused (too short).
 */
export async function enrollmentRefusals(
	db: Database,
	actor: Actor,
	target: Target,
	participantId: string,
	now = new Date()
): Promise<Refusal[]> {
	const timeZone = await clinicTimeZone(db, actor.clinicId);
	return db.transaction(async (tx) => {
		const person = await activeParticipant(tx, actor.clinicId, participantId);
		if (!person) return [];
		const exclusions = person.aquaticScreening.exclusions;
		if ('seriesId' in target) {
			const [series] = await tx
				.select({ roomKind: rooms.kind })
				.from(classSeries)
				.innerJoin(rooms, eq(rooms.id, classSeries.roomId))
				.where(and(eq(classSeries.id, target.seriesId), eq(classSeries.clinicId, actor.clinicId)));
			if (!series) return [];
			const sessions = await comingSessions(tx, actor.clinicId, target.seriesId, now);
			return [
				aquaticRefusal(series.roomKind, exclusions),
				await doubleBooking(tx, actor.clinicId, timeZone, person.id, sessions, target.seriesId)
			].filter((r): r is Refusal => r !== null);
		}
		const [session] = await tx
			.select({
				id: classSessions.id,
				startsAt: classSessions.startsAt,
				durationMinutes: classSessions.durationMinutes,
				roomKind: rooms.kind
			})
			.from(classSessions)
			.innerJoin(rooms, eq(rooms.id, classSessions.roomId))
			.where(
				and(eq(classSessions.id, target.sessionId), eq(classSessions.clinicId, actor.clinicId))
			);
		if (!session) return [];
		return [
			aquaticRefusal(session.roomKind, exclusions),
			await doubleBooking(tx, actor.clinicId, timeZone, person.id, [session], null)
		].filter((r): r is Refusal => r !== null);
	});
}
