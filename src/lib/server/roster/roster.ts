import { and, asc, eq, isNotNull, isNull, or } from 'drizzle-orm';
import type { Entry } from '../../shared/entries';
import type { ClassClipboard, RosterMember } from '../../shared/roster';
import type { Database } from '../db/client';
import {
	classSessions,
	enrollments,
	participantEntries,
	participants,
	rooms,
	users
} from '../db/schema';
import { storedFindings, storedPayload } from '../db/stored-json';
import { rulesForClass } from '../settings/rules';
import { alertActionsOf } from '../alerts/alert-actions';
import { clinicOwns } from '../planning/owned';
import { poolCheckContext } from '../planning/pool-check';
import { describeReadings } from '../../shared/pool-check';
import { effectivePlaces } from './places';
import { refuse, type Refusal } from '../../shared/refusals';
import { ageOn } from '../../shared/outcomes';

/** Where an entry's stored JSON came from, for stored-json's check. */
const storedAt = (id: string, version: number) => ({
	table: 'participant_entries',
	id,
	version
});

const PLACE_ORDER = { enrolled: 0, walk_in: 1, waitlisted: 2 } as const;

/**
 * Who is on a class's list: places in its series and in the session itself. A session-level
 * place (a walk-in, or a cancellation for this one day) wins over the series place.
 */
export async function classRoster(
	db: Database,
	clinicId: string,
	sessionId: string
): Promise<RosterMember[]> {
	const [session] = await db
		.select({ seriesId: classSessions.seriesId })
		.from(classSessions)
		.where(and(eq(classSessions.id, sessionId), eq(classSessions.clinicId, clinicId)));
	if (!session) return [];
	const rows = await db
		.select({
			participantId: participants.id,
			firstName: participants.firstName,
			lastName: participants.lastName,
			displayName: participants.displayName,
			precautions: participants.precautions,
			assistiveDevice: participants.assistiveDevice,
			aquaticScreening: participants.aquaticScreening,
			dateOfBirth: participants.dateOfBirth,
			sex: participants.sex,
			status: enrollments.status,
			forSession: enrollments.sessionId,
			createdAt: enrollments.createdAt
		})
		.from(enrollments)
		.innerJoin(participants, eq(participants.id, enrollments.participantId))
		.where(
			and(
				eq(enrollments.clinicId, clinicId),
				or(
					eq(enrollments.sessionId, sessionId),
					session.seriesId ? eq(enrollments.seriesId, session.seriesId) : undefined
				)
			)
		)
		.orderBy(asc(enrollments.createdAt));

	const byParticipant = effectivePlaces(rows);
	// Age on the day the roster is read: a class's phones read it on the class's day.
	const today = new Date().toISOString().slice(0, 10);
	const members: RosterMember[] = [];
	for (const row of byParticipant.values()) {
		if (row.status === 'cancelled') continue;
		members.push({
			participantId: row.participantId,
			displayName: row.displayName,
			fullName: `${row.firstName} ${row.lastName}`,
			place: row.status,
			precautions: row.precautions,
			assistiveDevice: row.assistiveDevice,
			aquaticScreening: row.aquaticScreening,
			testedAs: { age: ageOn(row.dateOfBirth, today), sex: row.sex }
		});
	}
	// Booked first, then walk-ins, then the waitlist in its order; names within each group.
	return members.sort(
		(a, b) =>
			PLACE_ORDER[a.place] - PLACE_ORDER[b.place] ||
			(a.place === 'waitlisted' ? 0 : a.displayName.localeCompare(b.displayName))
	);
}

export async function isOnRoster(
	db: Database,
	clinicId: string,
	sessionId: string,
	participantId: string
): Promise<boolean> {
	const roster = await classRoster(db, clinicId, sessionId);
	return roster.some((member) => member.participantId === participantId);
}

/** Everything the phone's clipboard starts from; null when the class is not in this clinic. */
export async function classClipboard(
	db: Database,
	clinicId: string,
	sessionId: string
): Promise<ClassClipboard | null> {
	const [session] = await db
		.select({ scale: classSessions.exertionScale, roomKind: rooms.kind })
		.from(classSessions)
		.innerJoin(rooms, eq(rooms.id, classSessions.roomId))
		.where(and(eq(classSessions.id, sessionId), eq(classSessions.clinicId, clinicId)));
	if (!session) return null;
	const [roster, stored, rules, alertActions, pool] = await Promise.all([
		classRoster(db, clinicId, sessionId),
		db
			.select({
				id: participantEntries.id,
				participantId: participantEntries.participantId,
				payload: participantEntries.payload,
				payloadVersion: participantEntries.payloadVersion,
				supersedes: participantEntries.supersedes,
				recordedAt: participantEntries.recordedAt,
				deviceId: participantEntries.deviceId,
				findings: participantEntries.findings,
				findingsVersion: participantEntries.findingsVersion,
				blockIndex: participantEntries.blockIndex,
				blockSecond: participantEntries.blockSecond,
				by: users.name
			})
			.from(participantEntries)
			.innerJoin(users, eq(users.id, participantEntries.userId))
			.where(
				and(eq(participantEntries.sessionId, sessionId), eq(participantEntries.clinicId, clinicId))
			)
			.orderBy(asc(participantEntries.recordedAt)),
		rulesForClass(db, clinicId, sessionId),
		alertActionsOf(db, clinicId, sessionId),
		session.roomKind === 'pool' ? poolCheckContext(db, clinicId, sessionId) : null
	]);
	const check = pool?.check;
	return {
		roster,
		entries: stored.map((row) => ({
			entry: {
				id: row.id,
				sessionId,
				participantId: row.participantId,
				...(row.supersedes ? { supersedes: row.supersedes } : {}),
				recordedAt: row.recordedAt.getTime(),
				deviceId: row.deviceId,
				payload: storedPayload(row.payload, storedAt(row.id, row.payloadVersion))
			} satisfies Entry,
			findings: storedFindings(row.findings, storedAt(row.id, row.findingsVersion)),
			by: row.by,
			at:
				row.blockIndex === null
					? null
					: { blockIndex: row.blockIndex, blockSecond: row.blockSecond ?? 0 }
		})),
		exertionScale: session.scale,
		pool: session.roomKind === 'pool',
		rules,
		alertActions,
		poolCheck: check
			? {
					by: check.by,
					at: check.at.getTime(),
					readings: describeReadings(check),
					overrideReason: check.overrideReason
				}
			: null
	};
}

/** Participants of the clinic matching a name, for adding a walk-in. */
export async function searchParticipants(db: Database, clinicId: string, query: string) {
	const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
	if (words.length === 0) return [];
	const all = await db
		.select({
			participantId: participants.id,
			firstName: participants.firstName,
			lastName: participants.lastName,
			displayName: participants.displayName
		})
		.from(participants)
		.where(and(eq(participants.clinicId, clinicId), isNull(participants.archivedAt)));
	// A clinic has hundreds of participants, not millions: matching in memory keeps it simple.
	return all
		.filter((p) => {
			const name = `${p.firstName} ${p.lastName}`.toLowerCase();
			return words.every((word) => name.includes(word));
		})
		.slice(0, 10)
		.map((p) => ({
			participantId: p.participantId,
			displayName: p.displayName,
			fullName: `${p.firstName} ${p.lastName}`
		}));
}

/** Adds a walk-in to one class; a participant already on the list is left as they are. */
export async function addWalkIn(
	db: Database,
	clinicId: string,
	sessionId: string,
	participantId: string
): Promise<{ ok: true } | Refusal> {
	const [participant] = await db
		.select({ id: participants.id, archivedAt: participants.archivedAt })
		.from(participants)
		.where(and(eq(participants.id, participantId), eq(participants.clinicId, clinicId)));
	if (!participant || participant.archivedAt) return refuse('participant-not-found');
	if (!(await clinicOwns(db, 'classSessions', clinicId, sessionId))) {
		return refuse('class-not-found');
	}
	if (await isOnRoster(db, clinicId, sessionId, participantId)) return { ok: true };
	await db
		.insert(enrollments)
		.values({ clinicId, participantId, sessionId, status: 'walk_in' })
		.onConflictDoUpdate({
			target: [enrollments.participantId, enrollments.sessionId],
			// The partial unique index on (participant, session) for session-level places.
			targetWhere: isNotNull(enrollments.sessionId),
			set: { status: 'walk_in', updatedAt: new Date() }
		});
	return { ok: true };
}
