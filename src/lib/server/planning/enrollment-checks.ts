import { and, eq, gte, inArray, lte, ne, or } from 'drizzle-orm';
import type { AquaticExclusion } from '../../shared/domain';
import type { Refusal } from '../../shared/enrollment-form';
import { localDate } from '../../shared/time-zone';
import type { Database } from '../db/client';
import { classSessions, enrollments } from '../db/schema';
import { TAKES_A_PLACE } from '../roster/places';

export type { Clash, Refusal } from '../../shared/enrollment-form';

export type TimeSlot = { id: string; startsAt: Date; durationMinutes: number };

const MINUTE = 60_000;
const endOf = (slot: TimeSlot) => slot.startsAt.getTime() + slot.durationMinutes * MINUTE;
export const overlaps = (a: TimeSlot, b: TimeSlot) =>
	a.startsAt.getTime() < endOf(b) && b.startsAt.getTime() < endOf(a);

export function aquaticRefusal(
	roomKind: string,
	exclusions: readonly AquaticExclusion[]
): Refusal | null {
	if (roomKind !== 'pool' || exclusions.length === 0) return null;
	return { code: 'aquatic_exclusion', exclusions: [...exclusions] };
}

/**
 * Classes the participant already holds a place in that overlap any of `concerned` (the session,
 * or every coming session of a series). `ownSeriesId`: the series being booked, whose sessions
 * are not a clash with themselves.
 */
export async function doubleBooking(
	db: Database,
	clinicId: string,
	timeZone: string,
	participantId: string,
	concerned: TimeSlot[],
	ownSeriesId: string | null
): Promise<Refusal | null> {
	if (concerned.length === 0) return null;
	const places = await db
		.select({
			seriesId: enrollments.seriesId,
			sessionId: enrollments.sessionId,
			status: enrollments.status
		})
		.from(enrollments)
		.where(and(eq(enrollments.clinicId, clinicId), eq(enrollments.participantId, participantId)));
	const seriesIds = places.flatMap((p) =>
		p.seriesId && p.seriesId !== ownSeriesId && p.status === 'enrolled' ? [p.seriesId] : []
	);
	const sessionStatus = new Map(
		places.flatMap((p) => (p.sessionId ? [[p.sessionId, p.status]] : []))
	);
	if (seriesIds.length === 0 && sessionStatus.size === 0) return null;

	const from = new Date(Math.min(...concerned.map((s) => s.startsAt.getTime())) - 86_400_000);
	const to = new Date(Math.max(...concerned.map(endOf)));
	const candidates = await db
		.select({
			id: classSessions.id,
			seriesId: classSessions.seriesId,
			name: classSessions.name,
			startsAt: classSessions.startsAt,
			durationMinutes: classSessions.durationMinutes
		})
		.from(classSessions)
		.where(
			and(
				eq(classSessions.clinicId, clinicId),
				ne(classSessions.status, 'cancelled'),
				gte(classSessions.startsAt, from),
				lte(classSessions.startsAt, to),
				or(
					seriesIds.length ? inArray(classSessions.seriesId, seriesIds) : undefined,
					sessionStatus.size ? inArray(classSessions.id, [...sessionStatus.keys()]) : undefined
				)
			)
		);
	const concernedIds = new Set(concerned.map((s) => s.id));
	const clashes = candidates
		.filter((c) => !concernedIds.has(c.id))
		.filter((c) => {
			// The session's own row wins over the series place, as on the roster.
			const status =
				sessionStatus.get(c.id) ??
				(c.seriesId && seriesIds.includes(c.seriesId) ? 'enrolled' : null);
			return status !== null && TAKES_A_PLACE.has(status);
		})
		.filter((c) => concerned.some((slot) => overlaps(slot, c)))
		.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
	if (clashes.length === 0) return null;
	return {
		code: 'double_booked',
		clashes: clashes.slice(0, 3).map((c) => ({
			name: c.name,
			date: localDate(timeZone, c.startsAt),
			startsAt: c.startsAt.toISOString()
		})),
		more: Math.max(0, clashes.length - 3),
		timeZone
	};
}

/**
 * Everything that stops this participant taking a place in a class in a room of `roomKind` at
 * the `sessions` times (`seriesId`: the series being booked, or null for one session).
 */
export async function placeRefusals(
	db: Database,
	clinicId: string,
	timeZone: string,
	person: { id: string; aquaticScreening: { exclusions: readonly AquaticExclusion[] } },
	place: { roomKind: string; sessions: TimeSlot[]; seriesId: string | null }
): Promise<Refusal[]> {
	return [
		aquaticRefusal(place.roomKind, person.aquaticScreening.exclusions),
		await doubleBooking(db, clinicId, timeZone, person.id, place.sessions, place.seriesId)
	].filter((r): r is Refusal => r !== null);
}
