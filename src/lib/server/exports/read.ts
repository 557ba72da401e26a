import { and, asc, eq, exists, gt, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { EntryKind } from '../../shared/entries';
import type { Database } from '../db/client';
import {
	classNoteAddenda,
	classSessions,
	clinics,
	currentEntries,
	enrollments,
	exercises,
	rooms,
	routineBlocks
} from '../db/schema';
import { effectivePlaces } from '../roster/places';
import { rangeInstants } from './query';
import { groupBy, notesOf, peopleOf, testersOf } from './read-people';
import type {
	BlockRow,
	ClasslessTest,
	ClasslessTests,
	EntryRow,
	ExportScope,
	Needs,
	Place,
	SessionPage,
	SessionRow
} from './read-types';

export type * from './read-types';

/**
 * Reads what an export needs one page of classes at a time, in (starts_at, id) order with a
 * keyset: PGlite has no cursors, and a year of a busy clinic must never sit in memory at once.
 * Every query is scoped to the clinic; a row of another clinic is simply not there.
 */

/**
 * Classes per page: each page's roster, entries and notes are read in a few queries, whose fixed
 * cost (PGlite plans without statistics) a larger page spreads; 100 classes hold ~10k entries.
 */
export const SESSIONS_PER_PAGE = 100;

const entryColumns = {
	id: currentEntries.id,
	sessionId: currentEntries.sessionId,
	participantId: currentEntries.participantId,
	kind: currentEntries.kind,
	payload: currentEntries.payload,
	recordedAt: currentEntries.recordedAt,
	findings: currentEntries.findings,
	userId: currentEntries.userId
};

export async function clinicTimeZone(db: Database, clinicId: string): Promise<string | null> {
	const [clinic] = await db
		.select({ timeZone: clinics.timeZone })
		.from(clinics)
		.where(eq(clinics.id, clinicId));
	return clinic?.timeZone ?? null;
}

function sessionFilter(scope: ExportScope, timeZone: string): SQL {
	const conditions: (SQL | undefined)[] = [eq(classSessions.clinicId, scope.clinicId)];
	if (scope.from && scope.to) {
		const { start, end } = rangeInstants(scope.from, scope.to, timeZone);
		conditions.push(gte(classSessions.startsAt, start), lt(classSessions.startsAt, end));
	}
	if (scope.sessionId) conditions.push(eq(classSessions.id, scope.sessionId));
	if (scope.roomId) conditions.push(eq(classSessions.roomId, scope.roomId));
	if (scope.seriesId) conditions.push(eq(classSessions.seriesId, scope.seriesId));
	if (scope.participantId) {
		const who = scope.participantId;
		// Their classes: a place in the session or its series, or anything recorded about them.
		conditions.push(
			or(
				exists(
					sql`(select 1 from ${enrollments} where ${enrollments.participantId} = ${who} and (${enrollments.sessionId} = ${classSessions.id} or ${enrollments.seriesId} = ${classSessions.seriesId}))`
				),
				exists(
					sql`(select 1 from ${currentEntries} where ${currentEntries.participantId} = ${who} and ${currentEntries.sessionId} = ${classSessions.id})`
				)
			)
		);
	}
	return and(...conditions)!;
}

/** The classes of the scope, page by page; each page with its rosters, entries and notes. */
export async function* sessionPages(
	db: Database,
	scope: ExportScope,
	timeZone: string,
	needs: Needs,
	pageSize = SESSIONS_PER_PAGE
): AsyncGenerator<SessionPage> {
	const filter = sessionFilter(scope, timeZone);
	let after: { startsAt: Date; id: string } | null = null;
	const blockCache = new Map<string, BlockRow[]>();
	for (;;) {
		const keyset: SQL | undefined = after
			? or(
					gt(classSessions.startsAt, after.startsAt),
					and(eq(classSessions.startsAt, after.startsAt), gt(classSessions.id, after.id))
				)
			: undefined;
		const sessions: SessionRow[] = await db
			.select({
				id: classSessions.id,
				name: classSessions.name,
				seriesId: classSessions.seriesId,
				roomId: classSessions.roomId,
				roomName: rooms.name,
				startsAt: classSessions.startsAt,
				durationMinutes: classSessions.durationMinutes,
				status: classSessions.status,
				exertionScale: classSessions.exertionScale,
				routineVersionId: classSessions.routineVersionId,
				startedAt: classSessions.startedAt,
				endedAt: classSessions.endedAt
			})
			.from(classSessions)
			.innerJoin(rooms, eq(rooms.id, classSessions.roomId))
			.where(and(filter, keyset))
			.orderBy(asc(classSessions.startsAt), asc(classSessions.id))
			.limit(pageSize);
		if (sessions.length === 0) return;
		yield await pageDetails(db, scope, needs, sessions, blockCache);
		if (sessions.length < pageSize) return;
		const last = sessions[sessions.length - 1]!;
		after = { startsAt: last.startsAt, id: last.id };
	}
}

async function pageDetails(
	db: Database,
	scope: ExportScope,
	needs: Needs,
	sessions: SessionRow[],
	blockCache: Map<string, BlockRow[]>
): Promise<SessionPage> {
	const { clinicId } = scope;
	const ids = sessions.map((s) => s.id);
	const seriesIds = [...new Set(sessions.flatMap((s) => (s.seriesId ? [s.seriesId] : [])))];
	const onlyWho = scope.participantId;

	const placeRows = !needs.places
		? []
		: await db
				.select({
					participantId: enrollments.participantId,
					status: enrollments.status,
					forSession: enrollments.sessionId,
					seriesId: enrollments.seriesId,
					createdAt: enrollments.createdAt
				})
				.from(enrollments)
				.where(
					and(
						eq(enrollments.clinicId, clinicId),
						or(
							inArray(enrollments.sessionId, ids),
							seriesIds.length ? inArray(enrollments.seriesId, seriesIds) : undefined
						),
						onlyWho ? eq(enrollments.participantId, onlyWho) : undefined
					)
				)
				.orderBy(asc(enrollments.createdAt));
	const places = new Map<string, Place[]>();
	for (const session of sessions) {
		const rows = placeRows.filter(
			(row) =>
				row.forSession === session.id ||
				(row.seriesId !== null && row.seriesId === session.seriesId)
		);
		// The same rule as the phones' roster (a session place wins over the series place).
		places.set(
			session.id,
			[...effectivePlaces(rows).values()].map(({ participantId, status }) => ({
				participantId,
				status
			}))
		);
	}

	const entryRows: EntryRow[] =
		needs.entryKinds.length === 0
			? []
			: await db
					.select(entryColumns)
					.from(currentEntries)
					// `ids` are this clinic's classes (the page's query is scoped to it). Adding the
					// clinic here lets a planner without statistics (PGlite never analyses) scan the
					// clinic's whole log by its time index instead of probing each class.
					.where(
						and(
							inArray(currentEntries.sessionId, ids),
							inArray(currentEntries.kind, needs.entryKinds as EntryKind[]),
							onlyWho ? eq(currentEntries.participantId, onlyWho) : undefined
						)
					)
					.orderBy(asc(currentEntries.recordedAt), asc(currentEntries.id))
					// Selected by class, so every row has one (only a participant-page test has none).
					.then((rows) => rows.filter((row): row is EntryRow => row.sessionId !== null));
	const entries = groupBy(entryRows, (row) => row.sessionId);

	const noteRows = needs.notes ? await notesOf(db, ids, onlyWho, needs.noteTests ?? false) : [];
	const addendaRows = noteRows.length
		? await db
				.select({
					noteId: classNoteAddenda.noteId,
					text: classNoteAddenda.text,
					authorName: classNoteAddenda.authorName,
					authorCredentials: classNoteAddenda.authorCredentials,
					at: classNoteAddenda.at
				})
				.from(classNoteAddenda)
				.where(
					and(
						eq(classNoteAddenda.clinicId, clinicId),
						inArray(
							classNoteAddenda.noteId,
							noteRows.map((n) => n.id)
						)
					)
				)
				.orderBy(asc(classNoteAddenda.at))
		: [];
	const addenda = groupBy(addendaRows, (row) => row.noteId);
	const notes = groupBy(
		noteRows.map((note) => ({ ...note, addenda: addenda.get(note.id) ?? [] })),
		(note) => note.sessionId
	);

	const who = new Set<string>();
	for (const list of places.values()) for (const place of list) who.add(place.participantId);
	for (const row of entryRows) if (row.participantId) who.add(row.participantId);
	for (const row of noteRows) who.add(row.participantId);
	const people = await peopleOf(db, clinicId, [...who]);
	const testers = await testersOf(db, clinicId, testerIds(entryRows));

	const missing = [...new Set(sessions.map((s) => s.routineVersionId))].filter(
		(id) => !blockCache.has(id)
	);
	if (missing.length) {
		const rows = await db
			.select({
				routineVersionId: routineBlocks.routineVersionId,
				position: routineBlocks.position,
				exerciseName: exercises.name,
				category: exercises.category
			})
			.from(routineBlocks)
			.innerJoin(exercises, eq(exercises.id, routineBlocks.exerciseId))
			.where(inArray(routineBlocks.routineVersionId, missing))
			.orderBy(asc(routineBlocks.routineVersionId), asc(routineBlocks.position));
		for (const id of missing) blockCache.set(id, []);
		for (const row of rows) blockCache.get(row.routineVersionId)!.push(row);
	}
	return { sessions, places, entries, notes, people, blocks: blockCache, testers };
}

const testerIds = (rows: { kind: EntryKind; userId: string }[]) => [
	...new Set(rows.flatMap((row) => (row.kind === 'outcome_test' ? [row.userId] : [])))
];

/**
 * The outcome tests recorded on a participant's page (about no class) in a range, by when they
 * were recorded: they belong in a range's or a participant's export though no class holds them.
 * None for one class, nor when a room or series is chosen (such a test is in neither).
 */
export async function classlessTests(
	db: Database,
	scope: ExportScope,
	timeZone: string
): Promise<ClasslessTests> {
	const none: ClasslessTests = { tests: [], people: new Map(), testers: new Map() };
	if (!scope.from || !scope.to || scope.sessionId || scope.roomId || scope.seriesId) return none;
	const { start, end } = rangeInstants(scope.from, scope.to, timeZone);
	const rows = await db
		.select(entryColumns)
		.from(currentEntries)
		// The clinic and time first: the (clinic_id, recorded_at) index holds the range.
		.where(
			and(
				eq(currentEntries.clinicId, scope.clinicId),
				gte(currentEntries.recordedAt, start),
				lt(currentEntries.recordedAt, end),
				isNull(currentEntries.sessionId),
				eq(currentEntries.kind, 'outcome_test'),
				scope.participantId ? eq(currentEntries.participantId, scope.participantId) : undefined
			)
		)
		.orderBy(asc(currentEntries.recordedAt), asc(currentEntries.id));
	const tests = rows.filter(
		(row): row is ClasslessTest => row.sessionId === null && row.participantId !== null
	);
	if (tests.length === 0) return none;
	const who = [...new Set(tests.map((t) => t.participantId!))];
	return {
		tests,
		people: await peopleOf(db, scope.clinicId, who),
		testers: await testersOf(db, scope.clinicId, testerIds(tests))
	};
}
