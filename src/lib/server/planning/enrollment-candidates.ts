import { and, eq, inArray, isNotNull, isNull, lt, ne, or } from 'drizzle-orm';
import type { Database } from '../db/client';
import {
	classSeries,
	classSessions,
	enrollments,
	participantEntries,
	participants,
	routines,
	routineVersions
} from '../db/schema';
import { storedPayload } from '../db/stored-json';
import { effectivePlaces, TAKES_A_PLACE } from '../roster/places';
import { activeInClinic } from './clinic-scope';

/**
 * Who to offer first when a new series wants participants: people whose goals speak of what the
 * class trains, and people who came to classes of the same type or routine before. Each reason
 * is data the page words (a goal's own word, a class name and a count), never prose.
 */

/** Words a goal uses for what a class type trains (English and Spanish), by type. */
const TYPE_WORDS: Record<string, string[]> = {
	balance: [
		'balance',
		'fall',
		'steady',
		'walk',
		'stand',
		'turn',
		'step',
		'stair',
		'dance',
		'equilibrio',
		'caída',
		'caminar',
		'andar',
		'escalera',
		'bailar'
	],
	core: [
		'core',
		'back',
		'lift',
		'carry',
		'posture',
		'sit',
		'espalda',
		'levantar',
		'cargar',
		'postura',
		'sentar'
	],
	aquatic: ['aquatic', 'pool', 'swim', 'water', 'acuátic', 'piscina', 'nadar', 'agua']
};

const SMALL_WORDS = new Set(['with', 'without', 'class', 'clase', 'para', 'from', 'basics']);

/** The words a goal may share with a class: its type's words and its routine's name. */
export function classWords(type: string, routineName: string): string[] {
	const own = routineName
		.toLowerCase()
		.split(/[^\p{L}]+/u)
		.filter((word) => word.length >= 4 && !SMALL_WORDS.has(word));
	return [...new Set([type.toLowerCase(), ...(TYPE_WORDS[type] ?? []), ...own])];
}

/** The first word of `goals` that starts with one of `words` ("walking" for "walk"), or null. */
export function goalMatch(goals: string, words: string[]): string | null {
	const tokens = goals.split(/[^\p{L}]+/u).filter(Boolean);
	for (const token of tokens) {
		const lower = token.toLowerCase();
		if (words.some((word) => lower.startsWith(word))) return token;
	}
	return null;
}

export type Candidate = {
	id: string;
	name: string;
	/** A word of the participant's goals that matches the class, or null. */
	goal: string | null;
	/** Past classes of the same type or routine they held a place in, by class name. */
	attended: { name: string; count: number }[];
};

export type Candidates = {
	/** Ranked: most past classes and a matching goal first, then the rest by name. */
	candidates: Candidate[];
	/** How many already hold a place in the series. */
	enrolled: number;
};

/**
 * Active participants not yet in the series, the best matches first. "Attended" counts the
 * sessions before `now` of the same type or routine (not this series') where they held a place,
 * less those recorded absent or excused.
 */
export async function enrollmentCandidates(
	db: Database,
	clinicId: string,
	seriesId: string,
	now = new Date()
): Promise<Candidates | null> {
	const [series] = await db
		.select({ id: classSeries.id, type: classSeries.type, routineId: classSeries.routineId })
		.from(classSeries)
		.where(activeInClinic(classSeries, clinicId, seriesId));
	if (!series) return null;
	const [routine] = await db
		.select({ name: routines.name })
		.from(routines)
		.where(eq(routines.id, series.routineId));

	const people = await db
		.select({
			id: participants.id,
			firstName: participants.firstName,
			lastName: participants.lastName,
			goals: participants.goals
		})
		.from(participants)
		.where(and(eq(participants.clinicId, clinicId), isNull(participants.archivedAt)));
	const members = await db
		.select({ participantId: enrollments.participantId })
		.from(enrollments)
		.where(
			and(
				eq(enrollments.seriesId, seriesId),
				inArray(enrollments.status, ['enrolled', 'waitlisted'])
			)
		);
	const inSeries = new Set(members.map((m) => m.participantId));

	const attended = await pastAttendance(db, clinicId, series, now);
	const words = classWords(series.type, routine?.name ?? '');
	const candidates = people
		.filter((person) => !inSeries.has(person.id))
		.map((person) => ({
			id: person.id,
			name: `${person.firstName} ${person.lastName}`,
			lastName: person.lastName,
			goal: goalMatch(person.goals, words),
			attended: attended.get(person.id) ?? []
		}))
		.sort((a, b) => {
			const score = (c: typeof a) =>
				c.attended.reduce((sum, x) => sum + x.count, 0) + (c.goal ? 1 : 0);
			const matched = (c: typeof a) => (c.goal || c.attended.length ? 1 : 0);
			return (
				matched(b) - matched(a) ||
				score(b) - score(a) ||
				a.lastName.localeCompare(b.lastName) ||
				a.name.localeCompare(b.name)
			);
		})
		.map(({ lastName: _, ...candidate }) => candidate);
	return { candidates, enrolled: inSeries.size };
}

async function pastAttendance(
	db: Database,
	clinicId: string,
	series: { id: string; type: string; routineId: string },
	now: Date
): Promise<Map<string, { name: string; count: number }[]>> {
	const sessions = await db
		.select({
			id: classSessions.id,
			name: classSessions.name,
			seriesId: classSessions.seriesId
		})
		.from(classSessions)
		.innerJoin(routineVersions, eq(routineVersions.id, classSessions.routineVersionId))
		.where(
			and(
				eq(classSessions.clinicId, clinicId),
				ne(classSessions.status, 'cancelled'),
				lt(classSessions.startsAt, now),
				or(
					eq(classSessions.type, series.type as typeof classSessions.$inferSelect.type),
					eq(routineVersions.routineId, series.routineId)
				),
				or(isNull(classSessions.seriesId), ne(classSessions.seriesId, series.id))
			)
		);
	const byParticipant = new Map<string, Map<string, number>>();
	if (sessions.length === 0) return new Map();
	const sessionIds = sessions.map((s) => s.id);
	const seriesIds = [...new Set(sessions.flatMap((s) => (s.seriesId ? [s.seriesId] : [])))];
	const places = await db
		.select({
			participantId: enrollments.participantId,
			seriesId: enrollments.seriesId,
			forSession: enrollments.sessionId,
			status: enrollments.status
		})
		.from(enrollments)
		.where(
			or(
				inArray(enrollments.sessionId, sessionIds),
				seriesIds.length ? inArray(enrollments.seriesId, seriesIds) : undefined
			)
		);
	const missed = await db
		.select({
			sessionId: participantEntries.sessionId,
			participantId: participantEntries.participantId,
			id: participantEntries.id,
			payload: participantEntries.payload,
			payloadVersion: participantEntries.payloadVersion
		})
		.from(participantEntries)
		.where(
			and(
				inArray(participantEntries.sessionId, sessionIds),
				isNotNull(participantEntries.participantId),
				eq(participantEntries.kind, 'attendance')
			)
		);
	const away = new Set(
		missed
			.filter((e) => {
				const payload = storedPayload(e.payload, {
					table: 'participant_entries',
					id: e.id,
					version: e.payloadVersion
				});
				const status = 'status' in payload ? payload.status : null;
				return status === 'absent' || status === 'excused';
			})
			.map((e) => `${e.sessionId}|${e.participantId}`)
	);
	for (const session of sessions) {
		const rows = places.filter(
			(p) => p.forSession === session.id || (!p.forSession && p.seriesId === session.seriesId)
		);
		for (const [participantId, place] of effectivePlaces(rows)) {
			if (!TAKES_A_PLACE.has(place.status) || away.has(`${session.id}|${participantId}`)) continue;
			const counts = byParticipant.get(participantId) ?? new Map<string, number>();
			counts.set(session.name, (counts.get(session.name) ?? 0) + 1);
			byParticipant.set(participantId, counts);
		}
	}
	return new Map(
		[...byParticipant].map(([id, counts]) => [
			id,
			[...counts]
				.map(([name, count]) => ({ name, count }))
				.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
		])
	);
}
