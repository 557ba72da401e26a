import { and, asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { classSeries, classSessions, clinicSettingChanges, rooms, routines } from '../db/schema';
import { expandClinicSeries, expandSeries } from './expansion';
import { problemsOf, type Problems } from '../../i18n/problem';
import { roomFormSchema, seriesFormSchema } from '../../shared/planning/forms';
import { archiveRoom, saveRoom } from './rooms';
import { saveSeries } from './series';
import { cancelSession, moveSession } from './session-changes';
import { weekSchedule } from './week';
import { demoClinicDatabase, demoStaff } from '../testing/demo-clinic';

let database: DatabaseHandle;
let clinicId: string;
let gymId: string;
let poolId: string;
let routineId: string;
let jordan: string;
let casey: string;
// Thursday 26 November 2026, 15:00 in the clinic (UTC).
const now = new Date('2026-11-26T15:00:00Z');

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
});
afterAll(() => database.close());

/** A Saturday class in the gym, free of the demo's weekday series. */
/** The form as the route hands it over, parsed. */
const saturdayForm = (overrides: Record<string, unknown> = {}) =>
	seriesFormSchema.parse({
		name: 'Weekend Balance',
		type: 'balance',
		roomId: gymId,
		routineId,
		leadUserId: jordan,
		assistantUserIds: [],
		capacity: '8',
		exertionScale: 'borg_6_20',
		days: ['SA'],
		startTime: '10:00',
		durationMinutes: '45',
		startsOn: '2026-11-28',
		endsOn: '',
		...overrides
	});
/** Saves the Saturday class (`overrides` changed) as a new series, or over the series `seriesId`. */
const saveSaturday = (seriesId: string | null, overrides: Record<string, unknown> = {}) =>
	saveSeries(database.db, clinicId, seriesId, saturdayForm(overrides), now);
const roomForm = (input: Record<string, unknown>) => roomFormSchema.parse(input);

const sessionsOf = (seriesId: string) =>
	database.db
		.select()
		.from(classSessions)
		.where(eq(classSessions.seriesId, seriesId))
		.orderBy(asc(classSessions.occurrenceDate));

async function totalSessions() {
	const [row] = await database.db
		.select({ n: count() })
		.from(classSessions)
		.where(eq(classSessions.clinicId, clinicId));
	return row!.n;
}

describe('series expansion', () => {
	it('rolls the demo series to the 12-week horizon, and a second run changes nothing', async () => {
		const before = await totalSessions();
		await expandClinicSeries(database.db, clinicId, now);
		const afterFirst = await totalSessions();
		expect(afterFirst).toBeGreaterThan(before);
		await expandClinicSeries(database.db, clinicId, now);
		expect(await totalSessions()).toBe(afterFirst);
	});

	it('creates a new series’ sessions in its clinic’s time, and re-expanding is idempotent', async () => {
		const saved = await saveSaturday(null);
		expect(saved).toEqual({ ok: true, id: expect.any(String) });
		const id = (saved as { id: string }).id;
		const sessions = await sessionsOf(id);
		expect(sessions).toHaveLength(12);
		expect(sessions[0]).toMatchObject({ occurrenceDate: '2026-11-28', status: 'scheduled' });
		expect(sessions[0]!.startsAt.toISOString()).toBe('2026-11-28T10:00:00.000Z');
		expect(await expandSeries(database.db, clinicId, id, now)).toEqual({
			created: 0,
			updated: 0,
			withdrawn: 0
		});
		await archiveSeriesForTest(id);
	});

	it('keeps a cancelled and a moved session through re-expansion and a change of the series', async () => {
		const saved = await saveSaturday(null, { name: 'Holiday test' });
		const id = (saved as { id: string }).id;
		const [first, second, third] = await sessionsOf(id);

		expect(
			await cancelSession(database.db, clinicId, first!.id, { reason: 'Bank holiday' }, now)
		).toEqual({ ok: true });
		expect(
			await moveSession(
				database.db,
				clinicId,
				second!.id,
				{ date: '2026-12-04', startTime: '16:00', roomId: gymId, reason: 'Gym floor repairs' },
				now
			)
		).toEqual({ ok: true });

		await expandSeries(database.db, clinicId, id, now);
		// The series now meets at 11:00: its own sessions follow, the changed ones stay put.
		expect((await saveSaturday(id, { name: 'Holiday test', startTime: '11:00' })).ok).toBe(true);

		const after = await sessionsOf(id);
		expect(after).toHaveLength(12);
		const byId = new Map(after.map((s) => [s.id, s]));
		expect(byId.get(first!.id)).toMatchObject({
			status: 'cancelled',
			changeReason: 'Bank holiday'
		});
		expect(byId.get(second!.id)).toMatchObject({
			status: 'scheduled',
			changeReason: 'Gym floor repairs',
			occurrenceDate: '2026-12-05'
		});
		expect(byId.get(second!.id)!.startsAt.toISOString()).toBe('2026-12-04T16:00:00.000Z');
		expect(byId.get(third!.id)!.startsAt.toISOString()).toBe('2026-12-12T11:00:00.000Z');

		const week = await weekSchedule(database.db, clinicId, 'UTC', '2026-11-30');
		const moved = week.sessions.find((s) => s.id === second!.id);
		expect(moved).toMatchObject({ moved: true, date: '2026-12-04', originalDate: '2026-12-05' });
		await archiveSeriesForTest(id);
	});

	it('withdraws the sessions of a day the series no longer meets on, and brings them back', async () => {
		const saved = await saveSaturday(null, { name: 'Days test', days: ['SA', 'SU'] });
		const id = (saved as { id: string }).id;
		expect(await sessionsOf(id)).toHaveLength(24);
		await saveSaturday(id, { name: 'Days test' });
		const scheduled = (await sessionsOf(id)).filter((s) => s.status === 'scheduled');
		expect(scheduled).toHaveLength(12);
		await saveSaturday(id, { name: 'Days test', days: ['SA', 'SU'] });
		expect((await sessionsOf(id)).filter((s) => s.status === 'scheduled')).toHaveLength(24);
		await archiveSeriesForTest(id);
		expect((await sessionsOf(id)).filter((s) => s.status === 'scheduled')).toHaveLength(0);
	});
});

describe('conflicts', () => {
	it('refuses a second class in a booked room, with the reason, and writes nothing', async () => {
		const before = await totalSessions();
		// The demo's Balance Basics meets in Gym A on Mondays at 09:30.
		const result = await saveSaturday(null, {
			days: ['MO'],
			startTime: '09:45',
			leadUserId: casey
		});
		expect(result.ok).toBe(false);
		const problems = (result as { problems: Problems }).problems;
		expect(problems.roomId).toMatchObject({
			code: 'planning.clash-room',
			params: { room: 'Gym A', name: 'Balance Basics', more: expect.any(Number) }
		});
		expect(problems.roomId!.params!.more).toBeGreaterThan(0);
		expect(String(problems.roomId!.params!.at)).toMatch(/^2026-11-30T/);
		expect(await totalSessions()).toBe(before);
		const [named] = await database.db
			.select({ n: count() })
			.from(classSeries)
			.where(and(eq(classSeries.clinicId, clinicId), eq(classSeries.name, 'Weekend Balance')));
		expect(named!.n).toBe(1); // only the archived one from above
	});

	it('refuses a technician in two overlapping classes in different rooms', async () => {
		const result = await saveSaturday(null, {
			type: 'aquatic',
			roomId: poolId,
			capacity: '4',
			days: ['MO'],
			startTime: '09:00'
		});
		expect(result).toMatchObject({
			ok: false,
			problems: {
				leadUserId: {
					code: 'planning.clash-staff',
					params: expect.objectContaining({ person: 'Jordan Lee', name: 'Balance Basics' })
				}
			}
		});
	});

	it('refuses a pool class below its staff ratio, and accepts it with an assistant', async () => {
		const form = saturdayForm({ type: 'aquatic', roomId: poolId, capacity: '8', name: 'Sat Aqua' });
		const refused = await saveSeries(database.db, clinicId, null, form, now);
		expect(refused).toMatchObject({
			ok: false,
			problems: {
				assistantUserIds: {
					code: 'planning.pool-ratio',
					params: expect.objectContaining({ ratio: 4 })
				}
			}
		});
		const accepted = await saveSeries(
			database.db,
			clinicId,
			null,
			{ ...form, assistantUserIds: [casey] },
			now
		);
		expect(accepted.ok).toBe(true);
		await archiveSeriesForTest((accepted as { id: string }).id);
	});

	it('refuses a move into a booked room and keeps the session where it was', async () => {
		const saved = await saveSaturday(null, { name: 'Move test', leadUserId: casey });
		const id = (saved as { id: string }).id;
		const [first] = await sessionsOf(id);
		const result = await moveSession(
			database.db,
			clinicId,
			first!.id,
			// Monday 30 November 09:30 is Balance Basics in Gym A.
			{ date: '2026-11-30', startTime: '09:30', roomId: gymId, reason: 'Holiday' },
			now
		);
		expect(result).toMatchObject({
			ok: false,
			problems: {
				roomId: { code: 'planning.clash-room', params: expect.objectContaining({ room: 'Gym A' }) }
			}
		});
		const [unchanged] = await sessionsOf(id);
		expect(unchanged).toMatchObject({ changeReason: null, startsAt: first!.startsAt });
		await archiveSeriesForTest(id);
	});

	it('refuses to change a session that already started', async () => {
		const [past] = await database.db
			.select()
			.from(classSessions)
			.where(eq(classSessions.clinicId, clinicId))
			.orderBy(asc(classSessions.startsAt))
			.limit(1);
		expect(
			await cancelSession(database.db, clinicId, past!.id, { reason: 'Too late' }, now)
		).toEqual({
			ok: false,
			problems: { form: { code: 'session-change.started' } }
		});
	});
});

describe('rooms', () => {
	it('creates a pool with its temperature range and ratio, and refuses a bad range or a missing ratio', async () => {
		const refused = roomFormSchema.safeParse({
			name: 'Small Pool',
			kind: 'pool',
			capacity: '6',
			waterTempMinC: '36',
			waterTempMaxC: '34',
			participantsPerStaff: ''
		});
		expect(problemsOf(refused.error!, { top: true })).toEqual({
			waterTempMaxC: { code: 'rooms.temperature-reversed' },
			participantsPerStaff: { code: 'rooms.ratio-required' }
		});
		const created = await saveRoom(
			database.db,
			clinicId,
			null,
			roomForm({
				name: 'Small Pool',
				kind: 'pool',
				capacity: '6',
				waterTempMinC: '33',
				waterTempMaxC: '35.5',
				participantsPerStaff: '3'
			})
		);
		expect(created.ok).toBe(true);
		const [row] = await database.db
			.select()
			.from(rooms)
			.where(eq(rooms.id, (created as { id: string }).id));
		expect(row).toMatchObject({ waterTempMinC: 33, waterTempMaxC: 35.5, participantsPerStaff: 3 });
		expect(
			await saveRoom(
				database.db,
				clinicId,
				null,
				roomForm({ name: 'Small Pool', kind: 'gym', capacity: '6' })
			)
		).toEqual({ ok: false, problems: { name: { code: 'rooms.name-taken' } } });
		expect(await archiveRoom(database.db, clinicId, row!.id, now)).toEqual({ ok: true });
	});

	it('audits a changed pool staff ratio, as Settings does', async () => {
		const [pool] = await database.db.select().from(rooms).where(eq(rooms.id, poolId));
		const edit = (participantsPerStaff: string) =>
			saveRoom(
				database.db,
				clinicId,
				poolId,
				roomForm({
					name: pool!.name,
					kind: 'pool',
					capacity: String(pool!.capacity),
					waterTempMinC: String(pool!.waterTempMinC),
					waterTempMaxC: String(pool!.waterTempMaxC),
					participantsPerStaff
				}),
				casey
			);
		expect(await edit(String(pool!.participantsPerStaff))).toMatchObject({ ok: true });
		expect(await edit('5')).toMatchObject({ ok: true });
		const audits = await database.db
			.select()
			.from(clinicSettingChanges)
			.where(eq(clinicSettingChanges.setting, 'staff_ratios'));
		expect(audits).toEqual([
			expect.objectContaining({
				userId: casey,
				before: { [pool!.name]: pool!.participantsPerStaff },
				after: { [pool!.name]: 5 }
			})
		]);
	});

	it('refuses to archive a room classes still use', async () => {
		expect(await archiveRoom(database.db, clinicId, gymId, now)).toMatchObject({
			ok: false,
			problem: {
				code: 'rooms.in-use',
				params: expect.objectContaining({ series: expect.any(Number) })
			}
		});
	});
});

async function archiveSeriesForTest(id: string) {
	const { archiveSeries } = await import('./series');
	expect(await archiveSeries(database.db, clinicId, id, now)).toBe(true);
}
