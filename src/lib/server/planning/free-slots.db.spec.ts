import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { classSessions, rooms, routines, users } from '../db/schema';
import { seriesFormSchema } from '../../shared/planning/forms';
import {
	assistantsShort,
	freeRatioSlots,
	freeSeriesSlots,
	freeSessionSlots,
	refusedForTime,
	seriesSuggestions
} from './free-slots';
import { saveSeries } from './series';
import { moveSession } from './session-changes';
import { demoClinicDatabase, demoStaff } from '../testing/demo-clinic';

// Monday 23 November 2026, 06:00 in the clinic (UTC). The demo's week: Balance Basics in Gym A
// MO/WE/FR 9:30-10:15, Aquatic Balance in the pool MO/WE/FR 11:00-12:00, Core Strength in Gym A
// MO/TU/TH 13:30-14:15 (Monday added: the demo meets on the day it is made); Jordan leads all.
const now = new Date('2026-11-23T06:00:00Z');
let database: DatabaseHandle;
let clinicId: string;
let gymId: string;
let routineId: string;
let jordan: string;
let casey: string;
let poolId: string;

beforeAll(async () => {
	({ database, clinicId } = await demoClinicDatabase(now));
	const db = database.db;
	const roomRows = await db.select().from(rooms).where(eq(rooms.clinicId, clinicId));
	gymId = roomRows.find((r) => r.kind === 'gym')!.id;
	poolId = roomRows.find((r) => r.kind === 'pool')!.id;
	[{ id: routineId }] = (await db.select({ id: routines.id }).from(routines).limit(1)) as [
		{ id: string }
	];
	jordan = (await demoStaff(db, clinicId, 'technician')).id;
	casey = (await demoStaff(db, clinicId, 'coordinator')).id;
	// These cases are about one technician free to assist or not: the demo's therapist, who may
	// assist too, is away (disabled) for them.
	const therapist = await demoStaff(db, clinicId, 'therapist');
	await db.update(users).set({ disabledAt: now }).where(eq(users.id, therapist.id));
});
afterAll(() => database.close());

const seriesForm = (overrides: Record<string, unknown> = {}) =>
	seriesFormSchema.parse({
		name: 'Tuesday Steps',
		type: 'balance',
		roomId: gymId,
		routineId,
		leadUserId: jordan,
		assistantUserIds: [],
		capacity: '8',
		exertionScale: 'borg_6_20',
		days: ['TU'],
		startTime: '13:30',
		durationMinutes: '45',
		startsOn: '2026-11-23',
		endsOn: '',
		...overrides
	});

describe('free times after a refused series', () => {
	it('offers the nearest free times that week, each of which the series can then be saved at', async () => {
		const form = seriesForm();
		const refused = await saveSeries(database.db, clinicId, null, form, now);
		expect(refused.ok).toBe(false);
		if (refused.ok) return;
		expect(refusedForTime(refused.problems)).toBe(true);

		const slots = await freeSeriesSlots(database.db, clinicId, null, form, now);
		expect(slots.length).toBeGreaterThan(1);
		expect(slots.length).toBeLessThanOrEqual(5);
		// Tuesday first: just before Core Strength starts and just after it ends.
		expect(slots.filter((s) => s.date === '2026-11-24').map((s) => s.startTime)).toEqual([
			'12:45',
			'14:15'
		]);
		for (const slot of slots) {
			expect(slot.days).toHaveLength(1);
			expect(slot.startTime >= '08:00' && slot.startTime <= '17:15').toBe(true);
		}
		// A suggestion is free for the whole horizon: saving there is not refused.
		const chosen = slots[0]!;
		const saved = await saveSeries(
			database.db,
			clinicId,
			null,
			seriesForm({ days: chosen.days, startTime: chosen.startTime }),
			now
		);
		expect(saved.ok).toBe(true);
	});

	it('keeps the days of a series on several days and looks for another time on them', async () => {
		const form = seriesForm({ name: 'Twice a week', days: ['MO', 'WE'], startTime: '09:45' });
		const refused = await saveSeries(database.db, clinicId, null, form, now);
		expect(refused.ok).toBe(false);
		const slots = await freeSeriesSlots(database.db, clinicId, null, form, now);
		expect(slots.length).toBeGreaterThan(0);
		for (const slot of slots) expect(slot.days).toEqual(['MO', 'WE']);
		// 9:45 clashes with Balance Basics (9:30-10:15) and 11:00 with Jordan in the pool: 10:15.
		expect(slots.map((s) => s.startTime)).toContain('10:15');
		expect(slots.map((s) => s.startTime)).not.toContain('10:30');
	});

	it('offers nothing when no time of that length is free that week', async () => {
		// Four hours every weekday in Gym A: Monday has at most 3 h 45 free between 8:00 and 18:00.
		const form = seriesForm({
			name: 'All day',
			days: ['MO', 'TU', 'WE', 'TH', 'FR'],
			startTime: '09:00',
			durationMinutes: '240'
		});
		expect((await saveSeries(database.db, clinicId, null, form, now)).ok).toBe(false);
		expect(await freeSeriesSlots(database.db, clinicId, null, form, now)).toEqual([]);
	});
});

describe('free times after a refused move', () => {
	it('offers free times in the week of the refused day, and a move to one is accepted', async () => {
		// Wednesday's Balance Basics, moved onto Tuesday 13:30: Gym A and Jordan are busy (Core).
		const [session] = await database.db
			.select()
			.from(classSessions)
			.where(
				and(
					eq(classSessions.clinicId, clinicId),
					eq(classSessions.name, 'Balance Basics'),
					eq(classSessions.occurrenceDate, '2026-11-25')
				)
			);
		const move = { date: '2026-11-24', startTime: '13:30', roomId: gymId, reason: 'Room works' };
		const refused = await moveSession(database.db, clinicId, session!.id, move, now);
		expect(refused.ok).toBe(false);
		if (refused.ok) return;
		expect(refusedForTime(refused.problems)).toBe(true);

		const slots = await freeSessionSlots(database.db, clinicId, session!.id, move, now);
		const tuesday = slots.filter((s) => s.date === '2026-11-24').map((s) => s.startTime);
		expect(tuesday).toEqual(['12:45', '14:15']);
		for (const slot of slots) {
			expect(slot.date >= '2026-11-23' && slot.date <= '2026-11-29').toBe(true);
		}
		const moved = await moveSession(
			database.db,
			clinicId,
			session!.id,
			{ ...move, startTime: '14:15' },
			now
		);
		expect(moved).toEqual({ ok: true });
	});
});

describe('free times with staff to assist after a pool refused for its ratio', () => {
	// The pool holds 8 at 4 participants per staff member: 8 places need one assistant.
	const poolForm = (overrides: Record<string, unknown> = {}) =>
		seriesForm({ name: 'Tuesday Water', type: 'aquatic', roomId: poolId, ...overrides });

	it('offers the refused time first, naming the technician free to assist, and saving it works', async () => {
		// Casey leads on Tuesday 15:30, when the pool and Jordan are free every week.
		const form = poolForm({ leadUserId: casey, startTime: '15:30' });
		const refused = await saveSeries(database.db, clinicId, null, form, now);
		expect(refused.ok).toBe(false);
		if (refused.ok) return;
		expect(refused.problems.assistantUserIds?.code).toBe('planning.pool-ratio');
		expect(refusedForTime(refused.problems)).toBe(false);
		expect(assistantsShort(refused.problems, 0)).toBe(1);

		const { freeSlots, freeSlotsFor } = await seriesSuggestions(
			database.db,
			clinicId,
			null,
			form,
			refused.problems
		);
		expect(freeSlotsFor).toBe('ratio');
		expect(freeSlots.length).toBeGreaterThan(1);
		expect(freeSlots.length).toBeLessThanOrEqual(5);
		expect(freeSlots[0]).toMatchObject({ days: ['TU'], startTime: '15:30' });
		for (const slot of freeSlots) {
			expect(slot.assistants).toEqual([{ id: jordan, name: 'Jordan Lee' }]);
		}

		const chosen = freeSlots[0]!;
		const saved = await saveSeries(
			database.db,
			clinicId,
			null,
			poolForm({
				leadUserId: casey,
				days: chosen.days,
				startTime: chosen.startTime,
				assistantUserIds: chosen.assistants!.map((person) => person.id)
			}),
			now
		);
		expect(saved.ok).toBe(true);
	});

	it('skips the times the assistant is busy, and the nearest one saves', async () => {
		// Monday 9:30: the pool is free but Jordan leads Balance Basics (9:30-10:15) in Gym A, so
		// on Monday only a 45-minute class ending by 9:30 or starting from 10:15 has him free.
		const form = poolForm({
			name: 'Monday Water',
			leadUserId: casey,
			days: ['MO'],
			startTime: '09:30'
		});
		const slots = await freeRatioSlots(database.db, clinicId, null, form, 1, now);
		expect(slots.length).toBeGreaterThan(0);
		expect(slots.some((s) => s.days[0] === 'MO' && s.startTime === '09:30')).toBe(false);
		const monday = slots.filter((s) => s.days[0] === 'MO').map((s) => s.startTime);
		expect(monday).toEqual(['08:45', '10:15']);
		// The nearest one saves with its assistant ticked.
		const chosen = slots[0]!;
		const saved = await saveSeries(
			database.db,
			clinicId,
			null,
			poolForm({
				...form,
				days: chosen.days,
				startTime: chosen.startTime,
				assistantUserIds: [jordan]
			}),
			now
		);
		expect(saved.ok).toBe(true);
	});

	it('offers nothing when no technician is free to assist: Jordan leads and is the only one', async () => {
		const form = poolForm({ name: 'Jordan alone', leadUserId: jordan, startTime: '16:30' });
		const refused = await saveSeries(database.db, clinicId, null, form, now);
		expect(refused.ok).toBe(false);
		if (refused.ok) return;
		expect(refused.problems.assistantUserIds?.code).toBe('planning.pool-ratio');
		const { freeSlots, freeSlotsFor } = await seriesSuggestions(
			database.db,
			clinicId,
			null,
			form,
			refused.problems
		);
		expect(freeSlotsFor).toBe('ratio');
		expect(freeSlots).toEqual([]);
	});
});
