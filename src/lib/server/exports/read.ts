import { and, asc, eq, exists, gt, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { EntryKind } from '../../shared/entries';
import type { Database } from '../db/client';
import {
	classNoteAddenda,
	classNotes,
	classSessions,
	clinics,
	currentEntries,
	enrollments,
	exercises,
	participantIdentifiers,
	participants,
	rooms,
	routineBlocks
} from '../db/schema';
import { effectivePlaces } from '../roster/places';
import { rangeInstants } from './query';

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

/** What an export reads besides the classes: only that is fetched. */
export type Needs = {
	places: boolean;
	/** The entry kinds it writes (none: no entries read). */
	entryKinds: readonly EntryKind[];
	notes: boolean;
};

export type ExportScope = {
	clinicId: string;
	/** Local dates in the clinic's zone, inclusive. Absent: the one session below. */
	from?: string;
	to?: string;
	roomId?: string;
	seriesId?: string;
	sessionId?: string;
	participantId?: string;
};

export type SessionRow = {
	id: string;
	name: string;
	seriesId: string | null;
	roomId: string;
	roomName: string;
	startsAt: Date;
	durationMinutes: number;
	status: 'scheduled' | 'live' | 'completed' | 'cancelled';
	exertionScale: 'borg_6_20' | 'borg_cr10';
	routineVersionId: string;
	startedAt: Date | null;
	endedAt: Date | null;
};

export type Person = {
	id: string;
	firstName: string;
	lastName: string;
	dateOfBirth: string;
	identifiers: { kind: 'mrn' | 'ehr'; system: string; value: string }[];
};

export type Place = { participantId: string; status: string };

const entryColumns = {
	id: currentEntries.id,
	sessionId: currentEntries.sessionId,
	participantId: currentEntries.participantId,
	kind: currentEntries.kind,
	payload: currentEntries.payload,
	recordedAt: currentEntries.recordedAt,
	findings: currentEntries.findings
};
export type EntryRow = {
	id: string;
	sessionId: string;
	participantId: string | null;
	kind: EntryKind;
	payload: (typeof currentEntries.$inferSelect)['payload'];
	recordedAt: Date;
	findings: (typeof currentEntries.$inferSelect)['findings'];
};
const NOTE_COLUMNS = [
	'id',
	'session_id',
	'participant_id',
	'state',
	'response',
	'cues',
	'goals',
	'plan',
	'signer_name',
	'signer_credentials',
	'signed_at',
	'cosigner_name',
	'cosigner_credentials',
	'cosigned_at'
] as const;
export type NoteRow = Pick<
	typeof classNotes.$inferSelect,
	| 'id'
	| 'sessionId'
	| 'participantId'
	| 'state'
	| 'response'
	| 'cues'
	| 'goals'
	| 'plan'
	| 'signerName'
	| 'signerCredentials'
	| 'signedAt'
	| 'cosignerName'
	| 'cosignerCredentials'
	| 'cosignedAt'
> & {
	addenda: { text: string; authorName: string; authorCredentials: string; at: Date }[];
};
export type BlockRow = {
	routineVersionId: string;
	position: number;
	exerciseName: string;
	category: string;
};

/** One page of classes and everything about them an export writes. */
export type SessionPage = {
	sessions: SessionRow[];
	/** Per session: who had a place (enrolled, walk-in, waitlisted, cancelled). */
	places: Map<string, Place[]>;
	/** Per session: its current entries, in the order they were recorded. */
	entries: Map<string, EntryRow[]>;
	/** Per session: its notes. */
	notes: Map<string, NoteRow[]>;
	people: Map<string, Person>;
	/** Per routine version: its exercise blocks in order. */
	blocks: Map<string, BlockRow[]>;
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
					.orderBy(asc(currentEntries.recordedAt), asc(currentEntries.id));
	const entries = groupBy(entryRows, (row) => row.sessionId);

	const noteRows = needs.notes ? await notesOf(db, ids, onlyWho) : [];
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
	return { sessions, places, entries, notes, people, blocks: blockCache };
}

/**
 * The notes of these classes, one index probe per class: with `in (...)` a planner without
 * statistics reads the whole table (1 s per 100 classes of a year's notes, against 0.2 s).
 */
async function notesOf(
	db: Database,
	ids: string[],
	onlyWho: string | undefined
): Promise<Omit<NoteRow, 'addenda'>[]> {
	const columns = sql.raw(NOTE_COLUMNS.map((c) => `n.${c}`).join(', '));
	const who = onlyWho ? sql` and n.participant_id = ${onlyWho}` : sql``;
	const classes = sql.join(
		ids.map((id) => sql`${id}`),
		sql`, `
	);
	const result = await db.execute(
		sql`select ${columns} from unnest(array[${classes}]::uuid[]) as s(id) cross join lateral (select * from ${classNotes} n where n.session_id = s.id${who}) as n order by n.session_id, n.participant_id`
	);
	// PGlite answers { rows }, postgres.js the rows themselves.
	const list = ((result as unknown as { rows?: unknown[] }).rows ??
		(result as unknown[])) as Record<string, unknown>[];
	const at = (value: unknown) => (value === null ? null : new Date(value as string | Date));
	return list.map((row) => ({
		id: row.id as string,
		sessionId: row.session_id as string,
		participantId: row.participant_id as string,
		state: row.state as NoteRow['state'],
		response: row.response as string,
		cues: row.cues as string,
		goals: row.goals as string,
		plan: row.plan as string,
		signerName: row.signer_name as string | null,
		signerCredentials: row.signer_credentials as string | null,
		signedAt: at(row.signed_at),
		cosignerName: row.cosigner_name as string | null,
		cosignerCredentials: row.cosigner_credentials as string | null,
		cosignedAt: at(row.cosigned_at)
	}));
}

async function peopleOf(db: Database, clinicId: string, ids: string[]) {
	const people = new Map<string, Person>();
	if (ids.length === 0) return people;
	const rows = await db
		.select({
			id: participants.id,
			firstName: participants.firstName,
			lastName: participants.lastName,
			dateOfBirth: participants.dateOfBirth
		})
		.from(participants)
		.where(and(eq(participants.clinicId, clinicId), inArray(participants.id, ids)));
	for (const row of rows) people.set(row.id, { ...row, identifiers: [] });
	const identifiers = await db
		.select({
			participantId: participantIdentifiers.participantId,
			kind: participantIdentifiers.kind,
			system: participantIdentifiers.system,
			value: participantIdentifiers.value
		})
		.from(participantIdentifiers)
		.where(
			and(
				eq(participantIdentifiers.clinicId, clinicId),
				inArray(participantIdentifiers.participantId, ids)
			)
		)
		.orderBy(asc(participantIdentifiers.createdAt));
	for (const { participantId, ...identifier } of identifiers) {
		people.get(participantId)?.identifiers.push(identifier);
	}
	return people;
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const row of rows) {
		const k = key(row);
		const list = groups.get(k);
		if (list) list.push(row);
		else groups.set(k, [row]);
	}
	return groups;
}
