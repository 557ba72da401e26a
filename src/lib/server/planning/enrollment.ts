import { and, eq } from 'drizzle-orm';
import { problem, type Problem } from '../../i18n/problem';
import type { Database } from '../db/client';
import { classSeries, classSessions, enrollments, participants, rooms } from '../db/schema';
import { clinicTimeZone } from '../classes/calendar';
import { effectivePlaces, TAKES_A_PLACE } from '../roster/places';
import { placeRefusals, type Refusal } from './enrollment-checks';
import {
	BOOKABLE,
	activeParticipant,
	comingSessions,
	fillSeries,
	fillSession,
	lockSeries,
	lockSession,
	placeRows,
	seriesHasRoom,
	sessionPlaces,
	upsertSeriesPlace,
	upsertSessionPlace,
	type Tx
} from './enrollment-places';
import { inClinic } from './clinic-scope';

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
/** `notFound`: the participant or the class is not this clinic's (or no longer active). */
export type EnrollResult =
	| { ok: true; status: 'enrolled' | 'waitlisted'; already: boolean }
	| { ok: false; problem: Problem; refusals?: Refusal[]; notFound?: true };
export type CancelResult =
	| { ok: true; cancelled: boolean; promoted: Promotion[] }
	| { ok: false; problem: Problem; notFound?: true };

export type EnrollRequest = {
	participantId: string;
	/** A coordinator's written reason to enrol despite a refusal (already validated). */
	overrideReason?: string;
};

type Refused = { ok: false; problem: Problem; notFound?: true };
type LockedSession = NonNullable<Awaited<ReturnType<typeof lockSession>>>;

/** Locks one session for a change of places; refused when it is not found or takes no bookings. */
async function lockBookableSession(
	tx: Tx,
	clinicId: string,
	sessionId: string
): Promise<LockedSession | Refused> {
	const session = await lockSession(tx, clinicId, sessionId);
	if (!session) return { ok: false, problem: problem('enrol.no-class'), notFound: true };
	if (BOOKABLE.has(session.status)) return session;
	const code = session.status === 'cancelled' ? 'enrol.class-cancelled' : 'enrol.class-ended';
	return { ok: false, problem: problem(code) };
}

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
		if (!person) return { ok: false, problem: problem('enrol.no-participant'), notFound: true };

		if ('seriesId' in target) {
			const series = await lockSeries(tx, actor.clinicId, target.seriesId);
			if (!series || series.archivedAt) {
				return { ok: false, problem: problem('enrol.no-series'), notFound: true };
			}
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
			const refusals = await placeRefusals(tx, actor.clinicId, timeZone, person, {
				roomKind: series.roomKind,
				sessions,
				seriesId: series.id
			});
			if (refusals.length && !request.overrideReason) {
				return { ok: false, problem: problem('enrol.needs-reason'), refusals };
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

		const session = await lockBookableSession(tx, actor.clinicId, target.sessionId);
		if ('problem' in session) return session;
		const rows = await placeRows(tx, actor.clinicId, session.seriesId, [session.id]);
		const current = effectivePlaces(rows.filter((r) => r.participantId === person.id)).get(
			person.id
		);
		if (current && current.status !== 'cancelled') {
			const status = current.status === 'waitlisted' ? 'waitlisted' : 'enrolled';
			return { ok: true, status, already: true };
		}
		const refusals = await placeRefusals(tx, actor.clinicId, timeZone, person, {
			roomKind: session.roomKind,
			sessions: [session],
			seriesId: null
		});
		if (refusals.length && !request.overrideReason) {
			return { ok: false, problem: problem('enrol.needs-reason'), refusals };
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
		// Another clinic's participant has no place here to cancel: say "not found", not "done".
		const [person] = await tx
			.select({ id: participants.id })
			.from(participants)
			.where(inClinic(participants, actor.clinicId, participantId));
		if (!person) return { ok: false, problem: problem('enrol.no-participant'), notFound: true };
		if ('seriesId' in target) {
			const series = await lockSeries(tx, actor.clinicId, target.seriesId);
			if (!series) return { ok: false, problem: problem('enrol.no-series'), notFound: true };
			const seriesPlace = and(
				eq(enrollments.clinicId, actor.clinicId),
				eq(enrollments.seriesId, series.id),
				eq(enrollments.participantId, participantId)
			);
			const [own] = await tx
				.select({ status: enrollments.status })
				.from(enrollments)
				.where(seriesPlace);
			if (!own || (own.status !== 'enrolled' && own.status !== 'waitlisted')) {
				return { ok: true, cancelled: false, promoted: [] };
			}
			await tx
				.update(enrollments)
				.set({ status: 'cancelled', promotedAt: null, updatedAt: now })
				.where(seriesPlace);
			const promoted =
				own.status === 'enrolled' ? await fillSeries(tx, actor.clinicId, series, now) : [];
			return { ok: true, cancelled: true, promoted };
		}

		const session = await lockBookableSession(tx, actor.clinicId, target.sessionId);
		if ('problem' in session) return session;
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
		if ('seriesId' in target) {
			const [series] = await tx
				.select({ roomKind: rooms.kind })
				.from(classSeries)
				.innerJoin(rooms, eq(rooms.id, classSeries.roomId))
				.where(inClinic(classSeries, actor.clinicId, target.seriesId));
			if (!series) return [];
			const sessions = await comingSessions(tx, actor.clinicId, target.seriesId, now);
			return await placeRefusals(tx, actor.clinicId, timeZone, person, {
				roomKind: series.roomKind,
				sessions,
				seriesId: target.seriesId
			});
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
			.where(inClinic(classSessions, actor.clinicId, target.sessionId));
		if (!session) return [];
		return await placeRefusals(tx, actor.clinicId, timeZone, person, {
			roomKind: session.roomKind,
			sessions: [session],
			seriesId: null
		});
	});
}
