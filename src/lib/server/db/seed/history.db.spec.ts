import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../client';
import {
	classSeries,
	classSessions,
	enrollments,
	participantEntries,
	participants,
	poolChecks,
	users
} from '../schema';
import { demoClinicDatabase } from '../../testing/demo-clinic';
import { seedHistory, type HistorySummary } from './history';

// A Wednesday morning in New York: today's early classes are over, the later ones are not.
const now = new Date('2026-11-25T17:00:00Z');
const zone = 'America/New_York';
const options = { weeks: 10, extraParticipants: 6, extraSeries: 2, technicians: 2, seed: 7 };

let database: DatabaseHandle;
let clinicId: string;
let summary: HistorySummary;

beforeAll(async () => {
	({ database, clinicId } = await demoClinicDatabase(now, zone));
	summary = await seedHistory(database.db, { clinicId, now, ...options });
}, 120_000);
afterAll(() => database.close());

/** What the history says, without the row ids each run makes anew. */
async function digest(handle: DatabaseHandle): Promise<string[]> {
	const rows = await handle.db
		.select({
			date: classSessions.occurrenceDate,
			series: classSessions.name,
			status: classSessions.status,
			who: participants.displayName,
			kind: participantEntries.kind,
			payload: participantEntries.payload,
			findings: participantEntries.findings,
			at: participantEntries.recordedAt,
			block: participantEntries.blockIndex
		})
		.from(participantEntries)
		.leftJoin(classSessions, eq(classSessions.id, participantEntries.sessionId))
		.leftJoin(participants, eq(participants.id, participantEntries.participantId))
		.orderBy(asc(participantEntries.recordedAt), asc(participants.displayName));
	return rows.map((row) => {
		const payload = { ...(row.payload as Record<string, unknown>) };
		delete payload.alertId;
		return JSON.stringify({ ...row, payload, at: row.at.toISOString() });
	});
}

describe('seedHistory', () => {
	it('makes ten weeks of classes, people and staff', async () => {
		expect(summary.participants).toBe(16 + 6);
		expect(summary.series).toBe(3 + 2);
		expect(summary.technicians).toBe(2 + 2); // the demo's technician and therapist, and two
		expect(summary.sessions).toBeGreaterThan(100);
		expect(summary.cancelled).toBeGreaterThan(0);
		expect(summary.entries).toBeGreaterThan(2000);
		expect(summary.outcomeTests).toBeGreaterThan(40);
		const [completed] = await database.db
			.select({ n: sql<number>`count(*)::int` })
			.from(classSessions)
			.where(and(eq(classSessions.clinicId, clinicId), eq(classSessions.status, 'completed')));
		expect(completed!.n).toBe(summary.sessions - summary.cancelled);
		// Every participant has a sex for the norms but the odd one left unrecorded.
		const sexes = await database.db
			.select({ sex: participants.sex, n: sql<number>`count(*)::int` })
			.from(participants)
			.groupBy(participants.sex);
		const bySex = Object.fromEntries(sexes.map((row) => [row.sex, row.n]));
		expect((bySex.female ?? 0) + (bySex.male ?? 0)).toBeGreaterThan(18);
		const staff = await database.db.select().from(users).where(eq(users.role, 'technician'));
		expect(staff).toHaveLength(3);
		const series = await database.db.select().from(classSeries);
		expect(new Set(series.map((s) => s.leadUserId)).size).toBeGreaterThan(1);
	});

	it('ends completed classes like a real one: plan, rules, start and end', async () => {
		const rows = await database.db
			.select()
			.from(classSessions)
			.where(eq(classSessions.status, 'completed'));
		for (const row of rows) {
			expect(row.plan?.blocks.length).toBeGreaterThan(0);
			expect(row.vitalRules?.length).toBeGreaterThan(0);
			expect(row.startedAt!.getTime()).toBeGreaterThanOrEqual(row.startsAt.getTime());
			expect(row.endedAt!.getTime()).toBeGreaterThan(row.startedAt!.getTime());
			expect(row.endedAt!.getTime()).toBeLessThan(now.getTime());
		}
		const pool = await database.db.select().from(poolChecks);
		expect(pool.length).toBeGreaterThan(0);
	});

	it('keeps waitlists, some of them promoted', async () => {
		const places = await database.db.select().from(enrollments);
		expect(places.some((p) => p.status === 'waitlisted')).toBe(true);
		expect(places.some((p) => p.promotedAt !== null && p.status === 'enrolled')).toBe(true);
		const waiting = places.filter((p) => p.status === 'waitlisted');
		expect(waiting.every((p) => p.createdAt < now)).toBe(true);
	});

	it('records every kind of attendance, late cancellations included', async () => {
		const rows = await database.db
			.select({
				status: sql<string>`${participantEntries.payload}->>'status'`,
				recordedAt: participantEntries.recordedAt,
				startsAt: classSessions.startsAt
			})
			.from(participantEntries)
			.innerJoin(classSessions, eq(classSessions.id, participantEntries.sessionId))
			.where(eq(participantEntries.kind, 'attendance'));
		const statuses = new Set(rows.map((row) => row.status));
		expect([...statuses].sort()).toEqual(['absent', 'excused', 'late', 'left_early', 'present']);
		const excused = rows.filter((row) => row.status === 'excused');
		const hoursAhead = excused.map(
			(row) => (row.startsAt.getTime() - row.recordedAt.getTime()) / 3_600_000
		);
		expect(hoursAhead.every((h) => h > 0)).toBe(true);
		expect(hoursAhead.some((h) => h < 24)).toBe(true);
		expect(hoursAhead.some((h) => h > 24)).toBe(true);
	});

	it('applies the clinic rules: findings with HOLD and STOP, and sit-outs', async () => {
		const actions = await database.db
			.select({ action: sql<string>`f->>'action'`, n: sql<number>`count(*)::int` })
			.from(sql`${participantEntries}, jsonb_array_elements(${participantEntries.findings}) f`)
			.groupBy(sql`f->>'action'`);
		const byAction = Object.fromEntries(actions.map((row) => [row.action, row.n]));
		expect(byAction.HOLD).toBeGreaterThan(0);
		expect(byAction.STOP).toBeGreaterThan(0);
		const kinds = await database.db
			.select({ kind: participantEntries.kind, n: sql<number>`count(*)::int` })
			.from(participantEntries)
			.groupBy(participantEntries.kind);
		const byKind = Object.fromEntries(kinds.map((row) => [row.kind, row.n]));
		for (const kind of ['vitals', 'exertion', 'pain', 'sit_out', 'outcome_test', 'headcount_out']) {
			expect(byKind[kind], kind).toBeGreaterThan(0);
		}
	});

	it('records no entry outside its class, each in the block it happened in', async () => {
		const outside = await database.db
			.select({ kind: participantEntries.kind, n: sql<number>`count(*)::int` })
			.from(participantEntries)
			.innerJoin(classSessions, eq(classSessions.id, participantEntries.sessionId))
			.where(
				sql`${participantEntries.payload}->>'status' is distinct from 'excused' and (${participantEntries.recordedAt} < ${classSessions.startedAt} or ${participantEntries.recordedAt} > ${classSessions.endedAt} or ${participantEntries.blockIndex} is null or ${participantEntries.blockIndex} >= jsonb_array_length(${classSessions.plan}->'blocks'))`
			)
			.groupBy(participantEntries.kind);
		expect(outside).toEqual([]);
		const [onPage] = await database.db
			.select({ n: sql<number>`count(*)::int` })
			.from(participantEntries)
			.where(
				and(isNull(participantEntries.sessionId), eq(participantEntries.kind, 'outcome_test'))
			);
		expect(onPage!.n).toBeGreaterThan(0);
	});

	it('makes the same history for the same seed', async () => {
		const again = await demoClinicDatabase(now, zone);
		try {
			await seedHistory(again.database.db, { clinicId: again.clinicId, now, ...options });
			const [first, second] = [await digest(database), await digest(again.database)];
			expect(second.length).toBe(first.length);
			expect(second).toEqual(first);
		} finally {
			await again.database.close();
		}
	}, 120_000);
});
