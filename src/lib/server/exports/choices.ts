import { and, asc, desc, eq, gte, isNull, lt } from 'drizzle-orm';
import type { Database } from '../db/client';
import { classSeries, classSessions, participants, rooms } from '../db/schema';
import { rangeInstants } from './query';

/** The clinic's rooms to choose from, by name (names and ids only). */
export function clinicRooms(db: Database, clinicId: string) {
	return db
		.select({ id: rooms.id, name: rooms.name })
		.from(rooms)
		.where(eq(rooms.clinicId, clinicId))
		.orderBy(asc(rooms.name));
}

/** The clinic's class series still running, by name. */
export function clinicSeries(db: Database, clinicId: string) {
	return db
		.select({ id: classSeries.id, name: classSeries.name })
		.from(classSeries)
		.where(and(eq(classSeries.clinicId, clinicId), isNull(classSeries.archivedAt)))
		.orderBy(asc(classSeries.name));
}

/** The clinic's participants, archived ones too (their history still counts), by last name. */
export function clinicParticipants(db: Database, clinicId: string) {
	return db
		.select({
			id: participants.id,
			firstName: participants.firstName,
			lastName: participants.lastName
		})
		.from(participants)
		.where(eq(participants.clinicId, clinicId))
		.orderBy(asc(participants.lastName), asc(participants.firstName));
}

/** What the exports page offers to choose from: the clinic's own rows, names and ids only. */
export async function exportChoices(
	db: Database,
	clinicId: string,
	timeZone: string,
	range: { from: string; to: string } | null
) {
	const [roomRows, seriesRows, people] = await Promise.all([
		clinicRooms(db, clinicId),
		clinicSeries(db, clinicId),
		clinicParticipants(db, clinicId)
	]);
	const sessions = range
		? await (() => {
				const { start, end } = rangeInstants(range.from, range.to, timeZone);
				return (
					db
						.select({
							id: classSessions.id,
							name: classSessions.name,
							startsAt: classSessions.startsAt
						})
						.from(classSessions)
						.where(
							and(
								eq(classSessions.clinicId, clinicId),
								gte(classSessions.startsAt, start),
								lt(classSessions.startsAt, end)
							)
						)
						.orderBy(desc(classSessions.startsAt))
						// A long range lists its latest classes; a shorter one finds the rest.
						.limit(300)
				);
			})()
		: [];
	return {
		rooms: roomRows,
		series: seriesRows,
		participants: people.map((p) => ({ id: p.id, name: `${p.lastName}, ${p.firstName}` })),
		sessions: sessions.map((s) => ({ id: s.id, name: s.name, startsAt: s.startsAt.getTime() }))
	};
}
