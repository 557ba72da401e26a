import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entry, EntryPayload } from '../../shared/entries';
import type { OutcomeTestValues } from '../../shared/outcome-test-form';
import type { StaffUser } from '../auth/session';
import type { DatabaseHandle } from '../db/client';
import { classSessions, participantEntries, participants, recordAudit } from '../db/schema';
import { anHourAgoToday } from '../db/test-database';
import { recordEntry } from '../entries/entries';
import type { LiveClassService } from '../live/live-classes';
import { demoClassAt, demoStaff, otherClinic, startClass } from '../testing/demo-clinic';
import { participantTests, recordTestFromForm } from './participant-tests';

let database: DatabaseHandle;
let live: LiveClassService;
let technician: StaffUser;
let coordinator: StaffUser;
let sessionId: string;
let tested: string;
const clock = anHourAgoToday();
const NOW = new Date();
const TODAY = NOW.toISOString().slice(0, 10);
const ZONE = 'UTC';

beforeAll(async () => {
	let members: string[];
	let clinicId: string;
	({ database, clinicId, technician, sessionId, members, live } = await demoClassAt(
		clock,
		() => clock
	));
	coordinator = await demoStaff(database.db, clinicId, 'coordinator');
	tested = members[0]!;
	// 70 years old today, female: the chair stand's cut-off is 10 (STEADI 70-74).
	const born = `${NOW.getUTCFullYear() - 70}-01-01`;
	await database.db
		.update(participants)
		.set({ dateOfBirth: born, sex: 'female' })
		.where(eq(participants.id, tested));
	await startClass(live, sessionId, technician);
});
afterAll(() => database.close());

const fromPhone = (payload: EntryPayload, overrides: Partial<Entry> = {}): Entry => ({
	id: randomUUID(),
	sessionId,
	participantId: tested,
	recordedAt: clock,
	deviceId: 'phone-a',
	payload,
	...overrides
});

const form = (values: Partial<OutcomeTestValues>): OutcomeTestValues => ({
	test: '',
	count: '',
	armsUsed: false,
	seconds: '',
	device: '',
	stage: '',
	held: '',
	date: TODAY,
	note: '',
	...values
});

const counts = async () => ({
	entries: (
		await database.db
			.select({ id: participantEntries.id })
			.from(participantEntries)
			.where(eq(participantEntries.kind, 'outcome_test'))
	).length,
	audit: (
		await database.db
			.select({ id: recordAudit.id })
			.from(recordAudit)
			.where(and(eq(recordAudit.action, 'created'), eq(recordAudit.subject, 'entry')))
	).length
});

describe("a participant's outcome tests", () => {
	it('records a test from the page: one entry about no class and its audit line', async () => {
		const recorded = await recordTestFromForm(
			database.db,
			coordinator,
			'Chrome (X11)',
			tested,
			form({ test: 'tug', seconds: '13,5', device: 'cane', note: ' Slow turn ' }),
			ZONE,
			NOW
		);
		expect(recorded.ok).toBe(true);
		const id = recorded.ok ? recorded.id : '';
		const [row] = await database.db
			.select()
			.from(participantEntries)
			.where(eq(participantEntries.id, id));
		expect(row).toMatchObject({
			sessionId: null,
			participantId: tested,
			userId: coordinator.id,
			deviceId: 'web',
			kind: 'outcome_test',
			findings: [],
			payload: {
				kind: 'outcome_test',
				result: { test: 'tug', seconds: 13.5, device: 'cane' },
				note: 'Slow turn'
			}
		});
		const [line] = await database.db
			.select()
			.from(recordAudit)
			.where(eq(recordAudit.subjectId, id));
		expect(line).toMatchObject({
			userId: coordinator.id,
			action: 'created',
			subject: 'entry',
			participantId: tested,
			device: 'Chrome (X11)',
			detail: { kind: 'outcome_test', test: 'tug' }
		});
	});

	it('an earlier date is stored at midday of that day in the clinic', async () => {
		const recorded = await recordTestFromForm(
			database.db,
			coordinator,
			'web',
			tested,
			form({ test: 'four_stage_balance', stage: '3', held: '4', date: '2026-01-05' }),
			'America/New_York',
			NOW
		);
		const [row] = await database.db
			.select({ at: participantEntries.recordedAt })
			.from(participantEntries)
			.where(eq(participantEntries.id, recorded.ok ? recorded.id : ''));
		expect(row!.at.toISOString()).toBe('2026-01-05T17:00:00.000Z');
	});

	it.each([
		['no test chosen', form({}), { test: 'outcomes.capture.choose-test' }],
		[
			'a count out of range, and a date in the future',
			form({ test: 'chair_stand_30s', count: '61', date: '2999-01-01' }),
			{ count: 'outcomes.count-range', date: 'outcomes.capture.date-future' }
		],
		[
			'half a stand',
			form({ test: 'chair_stand_30s', count: '12.5' }),
			{ count: 'outcomes.count-whole' }
		],
		[
			'no seconds',
			form({ test: 'tug', device: 'none' }),
			{ seconds: 'outcomes.capture.enter-seconds' }
		],
		['hundredths', form({ test: 'tug', seconds: '12.25' }), { seconds: 'outcomes.tug-tenths' }],
		[
			'a stage 5 and no date',
			form({ test: 'four_stage_balance', stage: '5', held: '3', date: '' }),
			{ stage: 'outcomes.stage-range', date: 'outcomes.capture.date-invalid' }
		],
		[
			'held longer than a stage lasts',
			form({ test: 'four_stage_balance', stage: '2', held: '11' }),
			{ held: 'outcomes.hold-range' }
		],
		[
			'a note too long',
			form({ test: 'chair_stand_30s', count: '10', note: 'x'.repeat(501) }),
			{ note: 'outcomes.capture.note-too-long' }
		]
	])('refuses %s beside its fields, and changes nothing', async (_what, values, expected) => {
		const before = await counts();
		const recorded = await recordTestFromForm(
			database.db,
			coordinator,
			'web',
			tested,
			values,
			ZONE,
			NOW
		);
		expect(recorded.ok).toBe(false);
		const codes = recorded.ok
			? {}
			: Object.fromEntries(Object.entries(recorded.problems).map(([k, p]) => [k, p.code]));
		expect(codes).toEqual(expected);
		expect(await counts()).toEqual(before);
	});

	it('reads tests from the phone and from the page, current ones only, newest first, judged', async () => {
		// From the phone in class: a chair stand, then the same one corrected (the edit counts).
		const first = fromPhone({
			kind: 'outcome_test',
			result: { test: 'chair_stand_30s', count: 8, armsUsed: false }
		});
		const corrected = fromPhone(
			{ kind: 'outcome_test', result: { test: 'chair_stand_30s', count: 11, armsUsed: false } },
			{ supersedes: first.id, recordedAt: clock + 1000 }
		);
		const withdrawn = fromPhone(
			{ kind: 'outcome_test', result: { test: 'tug', seconds: 20, device: 'none' } },
			{ recordedAt: clock + 2000 }
		);
		const retraction = fromPhone(
			{ kind: 'retraction' },
			{ supersedes: withdrawn.id, recordedAt: clock + 3000 }
		);
		for (const entry of [first, corrected, withdrawn, retraction]) {
			expect(await recordEntry(database.db, live, technician, entry)).toMatchObject({ ok: true });
		}
		// Another clinic never sees them, and a class-less read of someone else finds nothing.
		const elsewhere = await otherClinic(database.db);
		expect(await participantTests(database.db, elsewhere, tested, ZONE)).toEqual([]);

		const tests = await participantTests(database.db, technician.clinicId, tested, ZONE);
		const [className] = await database.db
			.select({ name: classSessions.name })
			.from(classSessions)
			.where(eq(classSessions.id, sessionId));
		expect(tests.map((t) => [t.result.test, t.session?.name ?? null, t.by])).toEqual([
			['tug', null, coordinator.name],
			['chair_stand_30s', className!.name, technician.name],
			['four_stage_balance', null, coordinator.name]
		]);
		const [tug, chair, balance] = tests;
		expect(tug).toMatchObject({
			date: TODAY,
			note: 'Slow turn',
			judgement: { verdict: 'flag', cutoff: 12 }
		});
		expect(chair).toMatchObject({
			result: { count: 11 },
			note: null,
			judgement: { verdict: 'ok', cutoff: 10 }
		});
		expect(balance).toMatchObject({ date: '2026-01-05', judgement: { verdict: 'flag' } });
	});

	it('a phone may record a test after the class ended, within the documentation window', async () => {
		await live.command({
			sessionId,
			user: technician,
			command: { type: 'end' },
			clientCommandId: randomUUID()
		});
		const [session] = await database.db
			.select({ status: classSessions.status })
			.from(classSessions)
			.where(eq(classSessions.id, sessionId));
		expect(session!.status).toBe('completed');
		const after = fromPhone({
			kind: 'outcome_test',
			result: { test: 'four_stage_balance', stage: 4, seconds: 10 },
			note: 'After class'
		});
		expect(await recordEntry(database.db, live, technician, after)).toMatchObject({ ok: true });
		// Long after (the window closed) the same kind is refused like any other entry.
		await database.db
			.update(classSessions)
			.set({ endedAt: new Date(Date.now() - 30 * 24 * 3_600_000) })
			.where(eq(classSessions.id, sessionId));
		const late = fromPhone({
			kind: 'outcome_test',
			result: { test: 'chair_stand_30s', count: 12, armsUsed: true }
		});
		expect(await recordEntry(database.db, live, technician, late)).toMatchObject({ ok: false });
	});
});
