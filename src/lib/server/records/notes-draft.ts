import { and, eq, inArray } from 'drizzle-orm';
import { draftNotes, NOTE_DRAFT_VERSION, type DraftClass } from '../../shared/records';
import { localDate } from '../../shared/time-zone';
import type { Database } from '../db/client';
import { storedFindings, storedPayload } from '../db/stored-json';
import {
	classNotes,
	classSessions,
	clinics,
	currentEntries,
	participants,
	rooms,
	routineVersions,
	routines,
	users
} from '../db/schema';
import { loadClass } from '../live/class-store';
import { audit } from './audit';

/** Who asked for the drafts: a staff member opening the review, or the class's end (its ender). */
export type DraftActor = { userId: string | null; device: string };

/**
 * Everything drafting needs about an ended class of this clinic, or null (not this clinic's, or
 * not ended). Entries come from the current_participant_entries view: supersession is the
 * database's, never re-implemented here.
 */
export async function classForDrafting(
	db: Database,
	clinicId: string,
	sessionId: string
): Promise<DraftClass | null> {
	const [session] = await db
		.select({
			id: classSessions.id,
			name: classSessions.name,
			status: classSessions.status,
			startsAt: classSessions.startsAt,
			endedAt: classSessions.endedAt,
			leadUserId: classSessions.leadUserId,
			assistantUserIds: classSessions.assistantUserIds,
			roomName: rooms.name,
			roomKind: rooms.kind,
			routineName: routines.name,
			timeZone: clinics.timeZone
		})
		.from(classSessions)
		.innerJoin(rooms, eq(rooms.id, classSessions.roomId))
		.innerJoin(clinics, eq(clinics.id, classSessions.clinicId))
		.innerJoin(routineVersions, eq(routineVersions.id, classSessions.routineVersionId))
		.innerJoin(routines, eq(routines.id, routineVersions.routineId))
		.where(and(eq(classSessions.id, sessionId), eq(classSessions.clinicId, clinicId)));
	if (!session || session.status !== 'completed') return null;
	const loaded = await loadClass(db, sessionId);
	if (!loaded?.plan) return null;

	const staffIds = [session.leadUserId, ...session.assistantUserIds].filter(
		(id): id is string => !!id
	);
	const people = staffIds.length
		? await db
				.select({ id: users.id, name: users.name, credentials: users.credentials })
				.from(users)
				.where(and(eq(users.clinicId, clinicId), inArray(users.id, staffIds)))
		: [];
	const staff = staffIds.flatMap((id) => {
		const person = people.find((p) => p.id === id);
		if (!person) return [];
		const role = id === session.leadUserId ? ('lead' as const) : ('assistant' as const);
		return [{ userId: id, name: person.name, credentials: person.credentials, role }];
	});

	const rows = await db
		.select()
		.from(currentEntries)
		.where(and(eq(currentEntries.sessionId, sessionId), eq(currentEntries.clinicId, clinicId)));
	const tests = rows.filter((row) => row.kind === 'outcome_test');
	return {
		sessionId,
		date: localDate(session.timeZone, session.startsAt),
		className: session.name,
		routineName: session.routineName,
		roomName: session.roomName,
		pool: session.roomKind === 'pool',
		staff,
		plan: loaded.plan,
		log: loaded.log,
		endedAt: session.endedAt?.getTime() ?? null,
		entries: rows.map((row) => ({
			id: row.id,
			participantId: row.participantId,
			payload: storedPayload(row.payload, {
				table: 'participant_entries',
				id: row.id,
				version: row.payloadVersion
			}),
			findings: storedFindings(row.findings, {
				table: 'participant_entries',
				id: row.id,
				version: row.findingsVersion
			}),
			recordedAt: row.recordedAt.getTime(),
			blockIndex: row.blockIndex,
			userId: row.userId
		})),
		...(await testedPeople(db, clinicId, tests))
	};
}

/** The participants of a class's outcome tests (for the cut-offs) and who tested them. */
async function testedPeople(
	db: Database,
	clinicId: string,
	tests: { participantId: string | null; userId: string }[]
): Promise<Pick<DraftClass, 'people' | 'testers'>> {
	if (tests.length === 0) return { people: {}, testers: {} };
	const who = [...new Set(tests.flatMap((t) => (t.participantId ? [t.participantId] : [])))];
	const testerIds = [...new Set(tests.map((t) => t.userId))];
	const people = who.length
		? await db
				.select({
					id: participants.id,
					dateOfBirth: participants.dateOfBirth,
					sex: participants.sex
				})
				.from(participants)
				.where(and(eq(participants.clinicId, clinicId), inArray(participants.id, who)))
		: [];
	const testers = await db
		.select({ id: users.id, name: users.name, credentials: users.credentials })
		.from(users)
		.where(and(eq(users.clinicId, clinicId), inArray(users.id, testerIds)));
	return {
		people: Object.fromEntries(people.map(({ id, ...person }) => [id, person])),
		testers: Object.fromEntries(testers.map(({ id, ...tester }) => [id, tester]))
	};
}

/**
 * Drafts the notes of an ended class, idempotently: a missing note is created, an open one
 * follows the entries recorded since (the documentation window), a signed one is never touched.
 * Returns how many notes were created.
 */
export async function ensureDrafts(
	db: Database,
	clinicId: string,
	sessionId: string,
	actor: DraftActor
): Promise<number> {
	const cls = await classForDrafting(db, clinicId, sessionId);
	if (!cls) return 0;
	const drafts = draftNotes(cls);
	if (drafts.length === 0) return 0;
	return db.transaction(async (tx) => {
		const existing = await tx
			.select({
				id: classNotes.id,
				participantId: classNotes.participantId,
				state: classNotes.state
			})
			.from(classNotes)
			.where(and(eq(classNotes.sessionId, sessionId), eq(classNotes.clinicId, clinicId)));
		let created = 0;
		for (const draft of drafts) {
			const note = existing.find((n) => n.participantId === draft.participantId);
			if (note) {
				if (note.state !== 'open') continue;
				// Only while open: the WHERE keeps a note signed meanwhile as it was signed.
				await tx
					.update(classNotes)
					.set({ draft, draftVersion: NOTE_DRAFT_VERSION, draftedAt: new Date() })
					.where(and(eq(classNotes.id, note.id), eq(classNotes.state, 'open')));
				continue;
			}
			const [row] = await tx
				.insert(classNotes)
				.values({
					clinicId,
					sessionId,
					participantId: draft.participantId,
					draft,
					draftVersion: NOTE_DRAFT_VERSION
				})
				.onConflictDoNothing()
				.returning({ id: classNotes.id });
			if (!row) continue;
			created++;
			await audit(tx, {
				clinicId,
				userId: actor.userId,
				device: actor.device,
				action: 'created',
				subject: 'note',
				participantId: draft.participantId,
				sessionId,
				subjectId: row.id
			});
		}
		return created;
	});
}
