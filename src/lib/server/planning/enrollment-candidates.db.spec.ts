import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { enrollments, participants, rooms, routines } from '../db/schema';
import { seriesFormSchema } from '../../shared/planning/forms';
import { createLogger } from '../log';
import { classWords, enrollmentCandidates, goalMatch } from './enrollment-candidates';
import { enrollSelected } from './enrollment-selected';
import { saveSeries } from './series';
import { demoClinicDatabase, demoStaff } from '../testing/demo-clinic';

// Seeded on Monday 23 November 2026 (UTC); ranked on Wednesday at noon, when Monday's and
// Wednesday's Balance Basics (9:30) and Aquatic Balance (11:00) have taken place.
const seeded = new Date('2026-11-23T06:00:00Z');
const wednesday = new Date('2026-11-25T12:00:00Z');
let database: DatabaseHandle;
let clinicId: string;
let coordinator: string;
let balanceSeries: string;
let poolSeries: string;

async function newSeries(overrides: Record<string, unknown>) {
	const db = database.db;
	const roomRows = await db.select().from(rooms).where(eq(rooms.clinicId, clinicId));
	const [routine] = await db.select().from(routines).where(eq(routines.name, 'Balance Basics'));
	const jordan = (await demoStaff(db, clinicId, 'technician')).id;
	const form = seriesFormSchema.parse({
		name: 'Saturday Steadiness',
		type: 'balance',
		roomId: roomRows.find((r) => r.kind === 'gym')!.id,
		routineId: routine!.id,
		leadUserId: jordan,
		assistantUserIds: [],
		capacity: '8',
		exertionScale: 'borg_6_20',
		days: ['SA'],
		startTime: '10:00',
		durationMinutes: '45',
		startsOn: '2026-11-28',
		endsOn: '',
		...(typeof overrides.roomKind === 'string'
			? { roomId: roomRows.find((r) => r.kind === overrides.roomKind)!.id }
			: {}),
		...Object.fromEntries(Object.entries(overrides).filter(([key]) => key !== 'roomKind'))
	});
	const saved = await saveSeries(db, clinicId, null, form, seeded);
	if (!saved.ok) throw new Error(JSON.stringify(saved.problems));
	return saved.id;
}

beforeAll(async () => {
	({ database, clinicId } = await demoClinicDatabase(seeded));
	coordinator = (await demoStaff(database.db, clinicId, 'coordinator')).id;
	balanceSeries = await newSeries({});
	poolSeries = await newSeries({
		name: 'Saturday Swim',
		type: 'aquatic',
		roomKind: 'pool',
		capacity: '4',
		startTime: '12:00'
	});
});
afterAll(() => database.close());

const idOf = async (firstName: string) =>
	(
		await database.db
			.select({ id: participants.id })
			.from(participants)
			.where(and(eq(participants.clinicId, clinicId), eq(participants.firstName, firstName)))
	)[0]!.id;

describe('goal words', () => {
	it('match a goal by the start of its words, in either language', () => {
		const words = classWords('balance', 'Balance Basics');
		expect(goalMatch('Walk to the mailbox without the walker', words)).toBe('Walk');
		expect(goalMatch('Volver a bailar en la boda', words)).toBe('bailar');
		expect(goalMatch('Lift a grandchild without back pain', words)).toBeNull();
		expect(goalMatch('Swim a length of the pool again', classWords('aquatic', 'Open Water'))).toBe(
			'Swim'
		);
	});
});

describe('enrolment candidates of a new series', () => {
	it('puts those who attended classes of its type first, with how often, then goals, then the rest', async () => {
		const result = await enrollmentCandidates(database.db, clinicId, balanceSeries, wednesday);
		expect(result).not.toBeNull();
		const { candidates, enrolled } = result!;
		expect(enrolled).toBe(0);
		// 16 demo participants, none in the new series yet.
		expect(candidates).toHaveLength(16);
		// Eleanor is in Balance Basics: Monday's and Wednesday's classes have taken place.
		const eleanor = candidates.find((c) => c.name === 'Eleanor Whitfield')!;
		expect(eleanor.attended).toEqual([{ name: 'Balance Basics', count: 2 }]);
		const matched = (c: (typeof candidates)[number]) => c.attended.length > 0 || c.goal !== null;
		const firstUnmatched = candidates.findIndex((c) => !matched(c));
		expect(firstUnmatched).toBeGreaterThan(0);
		expect(candidates.slice(firstUnmatched).every((c) => !matched(c))).toBe(true);
		// Someone who never came to a balance class, but whose goal is to walk, is still offered.
		const goalOnly = candidates.filter((c) => c.attended.length === 0 && c.goal);
		expect(goalOnly.length).toBeGreaterThan(0);
		expect(candidates.indexOf(goalOnly[0]!)).toBeLessThan(firstUnmatched);
		// Attendance ranks above a goal alone.
		expect(candidates.indexOf(eleanor)).toBeLessThan(candidates.indexOf(goalOnly[0]!));
	});

	it('is null for a series of another clinic or one that does not exist', async () => {
		expect(
			await enrollmentCandidates(
				database.db,
				clinicId,
				'00000000-0000-4000-8000-000000000000',
				wednesday
			)
		).toBeNull();
	});
});

describe('enrol selected', () => {
	const log = createLogger('silent');

	it('enrols the ticked participants through the enrolment checks, and they leave the candidates', async () => {
		const ids = [await idOf('Eleanor'), await idOf('Rosa')];
		const outcome = await enrollSelected(
			database.db,
			log,
			{ clinicId, userId: coordinator },
			balanceSeries,
			ids
		);
		expect(outcome.enrolled.sort()).toEqual(
			['Eleanor Whitfield', expect.stringMatching(/^Rosa /)].sort()
		);
		expect(outcome.refused).toEqual([]);
		const after = await enrollmentCandidates(database.db, clinicId, balanceSeries, wednesday);
		expect(after!.enrolled).toBe(2);
		expect(after!.candidates.map((c) => c.id)).not.toContain(ids[0]);
		// Sent twice: nothing changes, and it says so.
		const again = await enrollSelected(
			database.db,
			log,
			{ clinicId, userId: coordinator },
			balanceSeries,
			ids
		);
		expect(again.already).toHaveLength(2);
		expect(again.enrolled).toEqual([]);
	});

	it('refuses someone excluded from the pool until a reason is written, and enrols the others', async () => {
		const walter = await idOf('Walter');
		const tomas = await idOf('Tomás');
		const outcome = await enrollSelected(
			database.db,
			log,
			{ clinicId, userId: coordinator },
			poolSeries,
			[walter, tomas]
		);
		expect(outcome.enrolled).toEqual(['Tomás Herrera']);
		expect(outcome.refused).toHaveLength(1);
		expect(outcome.refused[0]!.participantId).toBe(walter);
		expect(outcome.refused[0]!.refusals[0]!.code).toBe('aquatic_exclusion');
		const places = await database.db
			.select()
			.from(enrollments)
			.where(and(eq(enrollments.seriesId, poolSeries), eq(enrollments.participantId, walter)));
		expect(places).toEqual([]);
	});
});
