import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entry, EntryPayload } from '../../shared/entries';
import type { StaffUser } from '../auth/session';
import type { DatabaseHandle } from '../db/client';
import { classSessions, enrollments, participants, rooms } from '../db/schema';
import { anHourAgoToday, moveClassTo } from '../db/test-database';
import { recordEntry } from '../entries/entries';
import { LiveClassService } from '../live/live-classes';
import { poolEndBlocked } from './headcount-gate';
import { addWalkIn, classClipboard, classRoster, searchParticipants } from './roster';
import { demoClinicDatabase, demoStaff, quietLive } from '../testing/demo-clinic';

let database: DatabaseHandle;
let live: LiveClassService;
let technician: StaffUser;
let clinicId: string;
let gymClass: string;
let poolClass: string;
const clock = anHourAgoToday();

async function firstClassIn(kind: 'gym' | 'pool') {
	const [row] = await database.db
		.select({ id: classSessions.id })
		.from(classSessions)
		.innerJoin(rooms, eq(rooms.id, classSessions.roomId))
		.where(eq(rooms.kind, kind))
		.orderBy(asc(classSessions.startsAt))
		.limit(1);
	return row!.id;
}

beforeAll(async () => {
	({ database, clinicId } = await demoClinicDatabase(new Date(clock)));
	technician = await demoStaff(database.db, clinicId, 'technician');
	gymClass = await firstClassIn('gym');
	poolClass = await firstClassIn('pool');
	// The seeded times would make these tests pass or fail by the hour they run at.
	await moveClassTo(database.db, gymClass, clock);
	await moveClassTo(database.db, poolClass, clock);
	live = quietLive(database.db, () => clock);
});
afterAll(() => database.close());

const record = (sessionId: string, participantId: string | null, payload: EntryPayload) =>
	recordEntry(database.db, live, technician, {
		id: randomUUID(),
		sessionId,
		participantId,
		recordedAt: clock,
		deviceId: 'phone',
		payload
	} satisfies Entry);

describe('class roster', () => {
	it('lists the series places, booked first, with staff-only details', async () => {
		const roster = await classRoster(database.db, clinicId, gymClass);
		expect(roster.length).toBeGreaterThan(0);
		expect(roster[0]).toMatchObject({ place: 'enrolled' });
		expect(roster[0]!.fullName).toContain(' ');
		expect(roster[0]).toHaveProperty('aquaticScreening');
	});

	it('adds a walk-in found by name, once, and lets entries name them', async () => {
		const onList = new Set(
			(await classRoster(database.db, clinicId, gymClass)).map((m) => m.participantId)
		);
		const everyone = await database.db.select().from(participants);
		const newcomer = everyone.find((p) => !onList.has(p.id))!;
		const found = await searchParticipants(database.db, clinicId, newcomer.lastName.toUpperCase());
		expect(found.map((p) => p.participantId)).toContain(newcomer.id);

		expect(await record(gymClass, newcomer.id, { kind: 'pain', value: 2 })).toMatchObject({
			ok: false,
			code: 'participant-not-in-class'
		});
		expect(await addWalkIn(database.db, clinicId, gymClass, newcomer.id)).toEqual({ ok: true });
		expect(await addWalkIn(database.db, clinicId, gymClass, newcomer.id)).toEqual({ ok: true });
		const roster = await classRoster(database.db, clinicId, gymClass);
		expect(roster.filter((m) => m.participantId === newcomer.id)).toEqual([
			expect.objectContaining({ place: 'walk_in' })
		]);
		expect(await record(gymClass, newcomer.id, { kind: 'pain', value: 2 })).toMatchObject({
			ok: true
		});
	});

	it('a cancellation for one day takes the participant off that class only', async () => {
		const [member] = await classRoster(database.db, clinicId, gymClass);
		await database.db.insert(enrollments).values({
			clinicId,
			participantId: member!.participantId,
			sessionId: gymClass,
			status: 'cancelled'
		});
		const roster = await classRoster(database.db, clinicId, gymClass);
		expect(roster.some((m) => m.participantId === member!.participantId)).toBe(false);
		// Coming after all: a walk-in puts them back on this day's list.
		await addWalkIn(database.db, clinicId, gymClass, member!.participantId);
		const again = await classRoster(database.db, clinicId, gymClass);
		expect(again.find((m) => m.participantId === member!.participantId)?.place).toBe('walk_in');
	});

	it('refuses a walk-in from another clinic or for an unknown class', async () => {
		const [member] = await classRoster(database.db, clinicId, gymClass);
		expect(await addWalkIn(database.db, randomUUID(), gymClass, member!.participantId)).toEqual({
			ok: false,
			code: 'participant-not-found'
		});
		expect(await addWalkIn(database.db, clinicId, randomUUID(), member!.participantId)).toEqual({
			ok: false,
			code: 'class-not-found'
		});
	});
});

describe('pool headcount out', () => {
	it('is for pool classes only', async () => {
		expect(await record(gymClass, null, { kind: 'headcount_out', count: 3 })).toEqual({
			ok: false,
			code: 'headcount-out-pool-only'
		});
	});

	it('blocks ending a pool class until the count out matches those in the class', async () => {
		expect(await poolEndBlocked(database.db, clinicId, gymClass)).toBeNull();
		const roster = await classRoster(database.db, clinicId, poolClass);
		const [a, b, c] = roster;
		await record(poolClass, a!.participantId, { kind: 'attendance', status: 'present' });
		await record(poolClass, b!.participantId, { kind: 'attendance', status: 'late' });
		await record(poolClass, c!.participantId, {
			kind: 'attendance',
			status: 'left_early',
			leftAt: clock
		});
		expect(await poolEndBlocked(database.db, clinicId, poolClass)).toEqual({
			code: 'headcount-out-missing',
			params: { here: 2 }
		});
		await record(poolClass, null, { kind: 'headcount_out', count: 1 });
		expect(await poolEndBlocked(database.db, clinicId, poolClass)).toEqual({
			code: 'headcount-out-mismatch',
			params: { out: 1, here: 2 }
		});
		await record(poolClass, null, { kind: 'headcount_out', count: 2 });
		expect(await poolEndBlocked(database.db, clinicId, poolClass)).toBeNull();
	});

	it('gives phones everything in one clipboard: roster, entries with who, rules, scale', async () => {
		const clipboard = await classClipboard(database.db, clinicId, poolClass);
		expect(clipboard).toMatchObject({ pool: true, exertionScale: 'borg_6_20' });
		expect(clipboard!.entries.map((e) => e.entry.payload.kind)).toEqual([
			'attendance',
			'attendance',
			'attendance',
			'headcount_out',
			'headcount_out'
		]);
		expect(clipboard!.entries[0]!.by).toBe(technician.name);
		expect(clipboard!.rules.length).toBeGreaterThan(5);
		expect(await classClipboard(database.db, randomUUID(), poolClass)).toBeNull();
	});
});
