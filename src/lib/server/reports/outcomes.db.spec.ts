import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { improved, type OutcomeResult } from '../../shared/outcomes';
import type { DatabaseHandle } from '../db/client';
import { classSessions, enrollments, participantEntries, participants } from '../db/schema';
import { demoClinicDatabase, demoStaff, otherClinic } from '../testing/demo-clinic';
import type { ReportFilter } from './filter';
import { OUTCOME_SCORE_SQL, improvementBySeries, participantOutcomes } from './outcomes';
import { sqlRows } from './sql-rows';

/**
 * The outcomes report on hand-made tests with known answers: three participants of one series,
 * tested in two of its classes and once on a participant's page (about no class).
 */

let database: DatabaseHandle;
let clinicId: string;
let userId: string;
let seriesId: string;
let people: string[];
const classes: string[] = [];
const range: ReportFilter = { from: '2026-11-02', to: '2026-11-15' };

async function test(
	participantId: string,
	sessionId: string | null,
	at: string,
	result: OutcomeResult,
	supersedes: string | null = null
) {
	const id = randomUUID();
	await database.db.insert(participantEntries).values({
		id,
		clinicId,
		sessionId,
		participantId,
		kind: 'outcome_test',
		payload: { kind: 'outcome_test', result },
		supersedes,
		recordedAt: new Date(at),
		userId,
		deviceId: 'spec'
	});
	return id;
}
const chair = (count: number, armsUsed = false): OutcomeResult => ({
	test: 'chair_stand_30s',
	count,
	armsUsed
});
const tug = (seconds: number): OutcomeResult => ({ test: 'tug', seconds, device: 'none' });
const balance = (stage: number, seconds: number): OutcomeResult => ({
	test: 'four_stage_balance',
	stage,
	seconds
});

beforeAll(async () => {
	({ database, clinicId } = await demoClinicDatabase(new Date('2026-11-02T08:00:00Z')));
	userId = (await demoStaff(database.db, clinicId, 'technician')).id;
	const rows = await database.db
		.select({ id: classSessions.id, seriesId: classSessions.seriesId })
		.from(classSessions)
		.orderBy(asc(classSessions.startsAt));
	seriesId = rows[0]!.seriesId!;
	const ofSeries = rows.filter((row) => row.seriesId === seriesId);
	for (const [i, at] of ['2026-11-03T10:00:00Z', '2026-11-10T10:00:00Z'].entries()) {
		classes.push(ofSeries[i]!.id);
		await database.db
			.update(classSessions)
			.set({ startsAt: new Date(at) })
			.where(eq(classSessions.id, ofSeries[i]!.id));
	}
	const members = await database.db
		.select({ id: enrollments.participantId })
		.from(enrollments)
		.where(and(eq(enrollments.seriesId, seriesId), eq(enrollments.status, 'enrolled')));
	people = members.slice(0, 3).map((m) => m.id);
	const [p1, p2, p3] = people as [string, string, string];
	await database.db
		.update(participants)
		.set({ dateOfBirth: '1950-11-09', sex: 'female' })
		.where(eq(participants.id, p1));
	const [a, b] = classes as [string, string];

	// p1: chair 9 -> 11 (the latest on their page, about no class): improved. TUG 13 -> 13: not.
	await test(p1, a, '2026-11-03T10:10:00Z', chair(9));
	await test(p1, null, '2026-11-12T09:00:00Z', chair(11));
	await test(p1, a, '2026-11-03T10:20:00Z', tug(13));
	await test(p1, b, '2026-11-10T10:20:00Z', tug(13));
	// p2: chair 12 -> 14 with the arms (score 0): not improved. 4-stage 2.4 -> 3.0: improved.
	await test(p2, a, '2026-11-03T10:10:00Z', chair(12));
	await test(p2, b, '2026-11-10T10:10:00Z', chair(14, true));
	await test(p2, a, '2026-11-03T10:30:00Z', balance(3, 4));
	await test(p2, b, '2026-11-10T10:30:00Z', balance(3, 10));
	// p3: one chair stand only (tested once: not counted); a second one retracted, one after the range.
	await test(p3, a, '2026-11-03T10:10:00Z', chair(8));
	const withdrawn = await test(p3, b, '2026-11-10T10:10:00Z', chair(15));
	await database.db.insert(participantEntries).values({
		id: randomUUID(),
		clinicId,
		sessionId: b,
		participantId: p3,
		kind: 'retraction',
		payload: { kind: 'retraction' },
		supersedes: withdrawn,
		recordedAt: new Date('2026-11-10T10:15:00Z'),
		userId,
		deviceId: 'spec'
	});
	await test(p3, null, '2026-11-20T10:10:00Z', chair(16));
});

afterAll(async () => {
	await database?.close();
});

describe('improvement by series', () => {
	it('counts who improved between their first and latest test, of those tested twice', async () => {
		const rows = await improvementBySeries(database.db, clinicId, range, 'UTC');
		const ours = rows.filter((row) => row.seriesId === seriesId);
		expect(ours.map(({ test, tested, improved }) => [test, tested, improved])).toEqual([
			['chair_stand_30s', 2, 1],
			['four_stage_balance', 1, 1],
			['tug', 1, 0]
		]);
		// The page test reaches only the series p1 is enrolled in, and alone it is one result.
		expect(rows.filter((row) => row.seriesId !== seriesId)).toEqual([]);
	});

	it('narrows to the filter: a shorter range leaves one result each', async () => {
		const rows = await improvementBySeries(
			database.db,
			clinicId,
			{ from: '2026-11-02', to: '2026-11-08' },
			'UTC'
		);
		expect(rows).toEqual([]);
		const stranger = await otherClinic(database.db);
		expect(await improvementBySeries(database.db, stranger, range, 'UTC')).toEqual([]);
	});

	it('scores in SQL as improved() judges, on any two results of a test', async () => {
		const result = fc.oneof(
			fc.record({
				test: fc.constant('chair_stand_30s' as const),
				count: fc.integer({ min: 0, max: 60 }),
				armsUsed: fc.boolean()
			}),
			fc.record({
				test: fc.constant('tug' as const),
				seconds: fc.integer({ min: 10, max: 3000 }).map((t) => t / 10),
				device: fc.constant('none' as const)
			}),
			fc.record({
				test: fc.constant('four_stage_balance' as const),
				stage: fc.integer({ min: 1, max: 4 }),
				seconds: fc.integer({ min: 0, max: 100 }).map((t) => t / 10)
			})
		);
		const pairs = fc.sample(
			result.chain((first) =>
				result
					.filter((latest) => latest.test === first.test)
					.map((latest) => [first, latest] as [OutcomeResult, OutcomeResult])
			),
			300
		);
		// Equal results and near ties, where rounding would show first.
		pairs.push(
			[balance(3, 4), balance(3, 4)],
			[balance(2, 10), balance(3, 0)],
			[tug(12.1), tug(12)]
		);
		const answers = await sqlRows(
			database.db,
			sql`select (${OUTCOME_SCORE_SQL('p->1')} > ${OUTCOME_SCORE_SQL('p->0')}) as better
				from jsonb_array_elements(${JSON.stringify(pairs)}::jsonb) with ordinality as x(p, i) order by i`
		);
		expect(answers.map((row) => row.better)).toEqual(pairs.map(([a, b]) => improved(a, b)));
	});
});

describe("a participant's results", () => {
	it('lists them oldest first with the value plotted and the verdict for their age that day', async () => {
		const read = await participantOutcomes(database.db, clinicId, people[0]!, range, 'UTC');
		expect(read!.person.sex).toBe('female');
		expect(read!.points.map((p) => [p.on, p.result.test, p.value, p.judgement, p.inClass])).toEqual(
			[
				// Aged 75 on 3 November (born 9 November 1950): the 75-79 cut-off for women is 10.
				['2026-11-03', 'chair_stand_30s', 9, { verdict: 'flag', cutoff: 10 }, true],
				['2026-11-03', 'tug', 13, { verdict: 'flag', cutoff: 12 }, true],
				['2026-11-10', 'tug', 13, { verdict: 'flag', cutoff: 12 }, true],
				['2026-11-12', 'chair_stand_30s', 11, { verdict: 'ok', cutoff: 10 }, false]
			]
		);
	});

	it("is nobody's outside the clinic", async () => {
		const stranger = await otherClinic(database.db);
		expect(await participantOutcomes(database.db, stranger, people[0]!, range, 'UTC')).toBeNull();
	});
});
