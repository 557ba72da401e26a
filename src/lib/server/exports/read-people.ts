import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { classNotes, participantIdentifiers, participants, users } from '../db/schema';
import { readDraftTests } from '../../shared/records';
import type { NoteRow, Person, Tester } from './read-types';

/** The notes and the people of a page of classes (see read.ts). */

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

/**
 * The notes of these classes, one index probe per class: with `in (...)` a planner without
 * statistics reads the whole table (1 s per 100 classes of a year's notes, against 0.2 s).
 */
export async function notesOf(
	db: Database,
	ids: string[],
	onlyWho: string | undefined,
	withTests = false
): Promise<Omit<NoteRow, 'addenda'>[]> {
	// Only a signed note's tests, and only that key of its draft: a document is made of those.
	const columns = sql.raw(
		[
			...NOTE_COLUMNS.map((c) => `n.${c}`),
			withTests
				? "case when n.state <> 'open' then n.draft -> 'outcomeTests' end as outcome_tests"
				: 'null as outcome_tests',
			'n.draft_version'
		].join(', ')
	);
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
	// A driver may hand jsonb over parsed or as its text.
	const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);
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
		cosignedAt: at(row.cosigned_at),
		outcomeTests:
			row.outcome_tests === null
				? []
				: (readDraftTests(json(row.outcome_tests), Number(row.draft_version)) ?? [])
	}));
}

export async function peopleOf(db: Database, clinicId: string, ids: string[]) {
	const people = new Map<string, Person>();
	if (ids.length === 0) return people;
	const rows = await db
		.select({
			id: participants.id,
			firstName: participants.firstName,
			lastName: participants.lastName,
			dateOfBirth: participants.dateOfBirth,
			sex: participants.sex
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

/** The staff who recorded these entries, by id: an export names who tested. */
export async function testersOf(
	db: Database,
	clinicId: string,
	ids: string[]
): Promise<Map<string, Tester>> {
	const testers = new Map<string, Tester>();
	if (ids.length === 0) return testers;
	const rows = await db
		.select({ id: users.id, name: users.name, credentials: users.credentials })
		.from(users)
		.where(and(eq(users.clinicId, clinicId), inArray(users.id, ids)));
	for (const { id, ...tester } of rows) testers.set(id, tester);
	return testers;
}

export function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const row of rows) {
		const k = key(row);
		const list = groups.get(k);
		if (list) list.push(row);
		else groups.set(k, [row]);
	}
	return groups;
}
