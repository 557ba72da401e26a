import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import {
	ageOn,
	judgeOutcome,
	type OutcomeJudgement,
	type OutcomeResult
} from '../../shared/outcomes';
import type { Problems } from '../../i18n/problem';
import {
	readOutcomeTest,
	type OutcomeTestInput,
	type OutcomeTestValues
} from '../../shared/outcome-test-form';
import { localDate, zonedTimeToInstant } from '../../shared/time-zone';
import type { StaffUser } from '../auth/session';
import type { Database } from '../db/client';
import {
	classSessions,
	currentEntries,
	participantEntries,
	participants,
	users
} from '../db/schema';
import { CURRENT, storedPayload } from '../db/stored-json';
import { audit } from '../records/audit';

/**
 * A participant's outcome tests for the coordinator's page: every current one (not edited away
 * nor withdrawn), from a class's phones or from the page itself, newest first, each judged
 * against its cut-off with the participant's age on the day of the test.
 */
export type ParticipantTest = {
	id: string;
	at: Date;
	/** The clinic's local date of the test. */
	date: string;
	result: OutcomeResult;
	note: string | null;
	judgement: OutcomeJudgement;
	by: string;
	/** The class it was recorded in; null for one recorded on the participant's page. */
	session: { id: string; name: string } | null;
};

export async function participantTests(
	db: Database,
	clinicId: string,
	participantId: string,
	timeZone: string
): Promise<ParticipantTest[]> {
	const rows = await db
		.select({
			id: currentEntries.id,
			payload: currentEntries.payload,
			payloadVersion: currentEntries.payloadVersion,
			recordedAt: currentEntries.recordedAt,
			by: users.name,
			sessionId: currentEntries.sessionId,
			className: classSessions.name,
			dateOfBirth: participants.dateOfBirth,
			sex: participants.sex
		})
		.from(currentEntries)
		.innerJoin(participants, eq(participants.id, currentEntries.participantId))
		.innerJoin(users, eq(users.id, currentEntries.userId))
		.leftJoin(classSessions, eq(classSessions.id, currentEntries.sessionId))
		.where(
			and(
				// The participant's (indexed) entries first, then the kind among those few.
				eq(currentEntries.participantId, participantId),
				eq(currentEntries.clinicId, clinicId),
				eq(currentEntries.kind, 'outcome_test')
			)
		)
		.orderBy(desc(currentEntries.recordedAt));
	return rows.flatMap((row) => {
		const payload = storedPayload(row.payload, {
			table: 'participant_entries',
			id: row.id,
			version: row.payloadVersion
		});
		if (payload.kind !== 'outcome_test') return [];
		const date = localDate(timeZone, row.recordedAt);
		const person = { age: ageOn(row.dateOfBirth, date), sex: row.sex };
		return [
			{
				id: row.id,
				at: row.recordedAt,
				date,
				result: payload.result,
				note: payload.note ?? null,
				judgement: judgeOutcome(payload.result, person),
				by: row.by,
				session: row.sessionId && row.className ? { id: row.sessionId, name: row.className } : null
			}
		];
	});
}

/**
 * When a test recorded on the page happened: now for today, midday of the clinic's day for an
 * earlier date (no hour is asked; midday keeps it on its day in every zone's reading).
 */
function testedAt(date: string, timeZone: string, now: Date): Date {
	return date >= localDate(timeZone, now) ? now : zonedTimeToInstant(date, '12:00', timeZone);
}

/**
 * Records a test from the participant's page: one entry about no class, by the coordinator, from
 * the web, with its line in the records' audit log in the same transaction (both or neither).
 * The caller has checked the participant is the clinic's and the input is valid.
 */
export async function recordParticipantTest(
	db: Database,
	user: StaffUser,
	device: string,
	participantId: string,
	input: OutcomeTestInput,
	timeZone: string,
	now = new Date()
): Promise<string> {
	const id = randomUUID();
	await db.transaction(async (tx) => {
		await tx.insert(participantEntries).values({
			id,
			clinicId: user.clinicId,
			sessionId: null,
			participantId,
			kind: 'outcome_test',
			payload: {
				kind: 'outcome_test',
				result: input.result,
				...(input.note ? { note: input.note } : {})
			},
			payloadVersion: CURRENT.payload,
			recordedAt: testedAt(input.date, timeZone, now),
			userId: user.id,
			deviceId: 'web',
			findings: [],
			findingsVersion: CURRENT.findings
		});
		await audit(tx, {
			clinicId: user.clinicId,
			userId: user.id,
			device,
			action: 'created',
			subject: 'entry',
			participantId,
			subjectId: id,
			detail: { kind: 'outcome_test', test: input.result.test }
		});
	});
	return id;
}

/**
 * The participant page's form, read and recorded: its problems by field (nothing stored), or
 * the new entry's id. `now` decides "today" in the clinic's zone.
 */
export async function recordTestFromForm(
	db: Database,
	user: StaffUser,
	device: string,
	participantId: string,
	values: OutcomeTestValues,
	timeZone: string,
	now = new Date()
): Promise<{ ok: true; id: string } | { ok: false; problems: Problems }> {
	const read = readOutcomeTest(values, localDate(timeZone, now));
	if (!read.ok) return read;
	const id = await recordParticipantTest(
		db,
		user,
		device,
		participantId,
		read.input,
		timeZone,
		now
	);
	return { ok: true, id };
}
