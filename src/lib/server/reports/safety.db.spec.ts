import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntryPayload } from '../../shared/entries';
import type { Finding } from '../../shared/rules';
import type { RoutinePlan } from '../../shared/timeline/types';
import type { DatabaseHandle } from '../db/client';
import { classSessions, participantEntries, rooms } from '../db/schema';
import { demoClinicDatabase, demoStaff, otherClinic } from '../testing/demo-clinic';
import type { ReportFilter } from './filter';
import { safetyReport } from './safety';

/**
 * The safety report on a handful of hand-made entries with known answers: two classes of one
 * series in two weeks of the range, one class after it with the clinic's last serious event.
 */

let database: DatabaseHandle;
let clinicId: string;
let userId: string;
let participantId: string;
let roomId: string;

const sessions: Record<'a' | 'b' | 'later', string> = { a: '', b: '', later: '' };
const range: ReportFilter = { from: '2026-11-02', to: '2026-11-15' };
const now = new Date('2026-11-30T12:00:00Z');
const startOf = new Map<string, number>();

const block = (kind: 'exercise' | 'rest', name: string) => ({
	id: randomUUID(),
	kind,
	phase: 'main' as const,
	name,
	cue: '',
	supportTiers: {},
	...(kind === 'rest' ? { seconds: 30 } : {})
});
const plan: RoutinePlan = {
	blocks: [block('exercise', 'Sit to stand'), block('rest', ''), block('exercise', 'Heel raises')]
};

const rule = (ruleId: string, action: Finding['action']): Finding => ({
	ruleId,
	action,
	verified: true,
	rule: { metric: 'systolic', when: 'rest', comparator: '>=', threshold: 180 }
});

async function record(
	sessionId: string,
	payload: EntryPayload,
	{
		blockIndex = null as number | null,
		findings = [] as Finding[],
		supersedes = null as string | null
	} = {}
) {
	const id = randomUUID();
	await database.db.insert(participantEntries).values({
		id,
		clinicId,
		sessionId,
		participantId,
		kind: payload.kind,
		payload,
		findings,
		supersedes,
		recordedAt: new Date(startOf.get(sessionId)! + 10 * 60_000),
		userId,
		deviceId: 'spec',
		blockIndex,
		blockSecond: blockIndex === null ? null : 5
	});
	return id;
}

const event = (
	type: 'fall' | 'cardiac' | 'injury',
	severity: 'mild' | 'moderate' | 'serious'
): EntryPayload => ({
	kind: 'adverse_event',
	type,
	severity,
	actionTaken: 'Sat down',
	whoWasTold: 'Therapist'
});
const vitals: EntryPayload = {
	kind: 'vitals',
	vitals: { timing: 'before', systolic: 185 }
} as EntryPayload;

beforeAll(async () => {
	({ database, clinicId } = await demoClinicDatabase(new Date('2026-11-02T08:00:00Z')));
	userId = (await demoStaff(database.db, clinicId, 'technician')).id;
	const rows = await database.db
		.select({
			id: classSessions.id,
			seriesId: classSessions.seriesId,
			roomId: classSessions.roomId
		})
		.from(classSessions)
		.orderBy(asc(classSessions.startsAt));
	const first = rows[0]!;
	roomId = first.roomId;
	const ofSeries = rows.filter((row) => row.seriesId === first.seriesId);
	const times = {
		a: '2026-11-03T10:00:00Z',
		b: '2026-11-10T10:00:00Z',
		later: '2026-11-25T10:00:00Z'
	};
	for (const [i, key] of (['a', 'b', 'later'] as const).entries()) {
		sessions[key] = ofSeries[i]!.id;
		startOf.set(sessions[key], Date.parse(times[key]));
		await database.db
			.update(classSessions)
			.set({ startsAt: new Date(times[key]), plan, status: 'completed' })
			.where(eq(classSessions.id, sessions[key]));
	}
	participantId = (await database.db.query.participants.findFirst())!.id;

	await record(sessions.a, event('fall', 'mild'), { blockIndex: 0 });
	await record(sessions.a, event('fall', 'serious'), { blockIndex: 2 });
	await record(sessions.a, vitals, {
		blockIndex: 0,
		findings: [rule('r-stop', 'STOP'), rule('r-hold', 'HOLD')]
	});
	await record(sessions.a, vitals, { blockIndex: 2, findings: [rule('r-warn', 'WARN')] });
	const withdrawn = await record(sessions.a, event('cardiac', 'serious'), { blockIndex: 0 });
	await record(sessions.a, { kind: 'retraction' }, { supersedes: withdrawn });
	const edited = await record(sessions.b, event('fall', 'moderate'));
	await record(sessions.b, event('injury', 'moderate'), { supersedes: edited });
	await record(sessions.b, { kind: 'symptoms', symptoms: ['chest_pain'] } as EntryPayload, {
		blockIndex: 1,
		findings: [
			{ ruleId: 'symptom:chest_pain', action: 'STOP', verified: true, symptom: 'chest_pain' }
		]
	});
	await record(sessions.later, event('fall', 'serious'), { blockIndex: 0 });
});

afterAll(async () => {
	await database?.close();
});

describe('safety report', () => {
	it('counts events and STOP/HOLD findings by the week of their class, current entries only', async () => {
		const report = await safetyReport(database.db, clinicId, range, 'UTC', now);
		expect(report.byWeek).toEqual([
			{ week: '2026-11-02', kind: 'HOLD', count: 1 },
			{ week: '2026-11-02', kind: 'STOP', count: 1 },
			{ week: '2026-11-02', kind: 'adverse_event', count: 2 },
			{ week: '2026-11-09', kind: 'STOP', count: 1 },
			{ week: '2026-11-09', kind: 'adverse_event', count: 1 }
		]);
	});

	it('counts by event type and by rule, with a finding to word the rule', async () => {
		const report = await safetyReport(database.db, clinicId, range, 'UTC', now);
		expect(report.byType.map(({ kind, type, count }) => [kind, type, count])).toEqual([
			['adverse_event', 'fall', 2],
			['HOLD', 'r-hold', 1],
			['STOP', 'r-stop', 1],
			['STOP', 'symptom:chest_pain', 1],
			['adverse_event', 'injury', 1]
		]);
		expect(report.byType.find((row) => row.type === 'r-stop')!.finding).toMatchObject({
			ruleId: 'r-stop',
			rule: { threshold: 180 }
		});
		expect(report.byType.find((row) => row.type === 'fall')!.finding).toBeNull();
	});

	it("counts by the block of the class's frozen plan it happened in", async () => {
		const report = await safetyReport(database.db, clinicId, range, 'UTC', now);
		expect(
			report.byBlock.map(({ block, blockKind, kind, count }) => [block, blockKind, kind, count])
		).toEqual([
			['', 'rest', 'STOP', 1],
			['Heel raises', 'exercise', 'adverse_event', 1],
			['Sit to stand', 'exercise', 'HOLD', 1],
			['Sit to stand', 'exercise', 'STOP', 1],
			['Sit to stand', 'exercise', 'adverse_event', 1],
			[null, null, 'adverse_event', 1]
		]);
	});

	it('counts the days since the last serious event over the whole clinic, whatever the range', async () => {
		const report = await safetyReport(database.db, clinicId, range, 'UTC', now);
		expect(report.lastSeriousOn).toBe('2026-11-25');
		expect(report.daysSinceSerious).toBe(5);
	});

	it('narrows by room and series, and sees nothing of another clinic', async () => {
		const [otherRoom] = await database.db
			.select({ id: rooms.id })
			.from(rooms)
			.where(eq(rooms.clinicId, clinicId));
		const elsewhere = otherRoom!.id === roomId ? undefined : otherRoom!.id;
		if (elsewhere) {
			const report = await safetyReport(
				database.db,
				clinicId,
				{ ...range, roomId: elsewhere },
				'UTC',
				now
			);
			expect(report.byWeek).toEqual([]);
		}
		const inRoom = await safetyReport(database.db, clinicId, { ...range, roomId }, 'UTC', now);
		expect(inRoom.byWeek.reduce((sum, row) => sum + row.count, 0)).toBe(6);
		const stranger = await otherClinic(database.db);
		const none = await safetyReport(database.db, stranger, range, 'UTC', now);
		expect(none).toMatchObject({ byWeek: [], byType: [], byBlock: [], daysSinceSerious: null });
	});
});
