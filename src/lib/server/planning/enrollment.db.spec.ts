import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import {
	classSeries,
	classSessions,
	enrollments,
	participants,
	rooms,
	routineVersions
} from '../db/schema';
import { classRoster } from '../roster/roster';
import { cancel, enroll, type Actor } from './enrollment';
import { demoClinicDatabase, demoStaff } from '../testing/demo-clinic';

// Runs on PGlite and, with TEST_DATABASE_URL, on PostgreSQL, where the races are real.
let database: DatabaseHandle;
let actor: Actor;
let gymRoom: string;
let poolRoom: string;
let routineId: string;
let routineVersionId: string;
const now = new Date('2026-11-26T08:00:00Z');
const at = (hours: number) => new Date(now.getTime() + hours * 3_600_000);

beforeAll(async () => {
	let clinicId: string;
	({ database, clinicId } = await demoClinicDatabase(now));
	actor = { clinicId, userId: (await demoStaff(database.db, clinicId, 'coordinator')).id };
	const roomRows = await database.db.select().from(rooms);
	gymRoom = roomRows.find((r) => r.kind === 'gym')!.id;
	poolRoom = roomRows.find((r) => r.kind === 'pool')!.id;
	const [version] = await database.db.select().from(routineVersions).limit(1);
	routineVersionId = version!.id;
	routineId = version!.routineId;
});
afterAll(() => database.close());

let serial = 0;
async function newPeople(n: number, exclusions: 'fever'[] = []) {
	const rows = await database.db
		.insert(participants)
		.values(
			Array.from({ length: n }, () => {
				serial += 1;
				return {
					clinicId: actor.clinicId,
					firstName: `Test${serial}`,
					lastName: 'Person',
					displayName: `Test${serial} P.`,
					dateOfBirth: '1950-01-01',
					aquaticScreening: { screenedOn: '2026-11-01', exclusions, precautions: [] }
				};
			})
		)
		.returning({ id: participants.id });
	return rows.map((r) => r.id);
}

/** A one-off class far from the demo's classes (day offset keeps tests apart). */
async function newSession(capacity: number, startsAt: Date, room = gymRoom) {
	const [row] = await database.db
		.insert(classSessions)
		.values({
			clinicId: actor.clinicId,
			name: 'Test class',
			type: 'balance',
			roomId: room,
			routineVersionId,
			capacity,
			startsAt,
			durationMinutes: 45
		})
		.returning({ id: classSessions.id });
	return row!.id;
}

async function newSeries(capacity: number, firstStart: Date, weeks = 2) {
	const [series] = await database.db
		.insert(classSeries)
		.values({
			clinicId: actor.clinicId,
			name: 'Test series',
			type: 'balance',
			roomId: gymRoom,
			routineId,
			capacity,
			rrule: 'FREQ=WEEKLY',
			startTime: '09:00',
			durationMinutes: 45,
			startsOn: firstStart.toISOString().slice(0, 10)
		})
		.returning({ id: classSeries.id });
	const sessions = await database.db
		.insert(classSessions)
		.values(
			Array.from({ length: weeks }, (_, week) => ({
				clinicId: actor.clinicId,
				seriesId: series!.id,
				name: 'Test series',
				type: 'balance' as const,
				roomId: gymRoom,
				routineVersionId,
				capacity,
				startsAt: new Date(firstStart.getTime() + week * 7 * 86_400_000),
				durationMinutes: 45
			}))
		)
		.returning({ id: classSessions.id });
	return { seriesId: series!.id, sessionIds: sessions.map((s) => s.id) };
}

async function placesOf(sessionId: string) {
	const roster = await classRoster(database.db, actor.clinicId, sessionId);
	return {
		booked: roster.filter((m) => m.place !== 'waitlisted').map((m) => m.participantId),
		waiting: roster.filter((m) => m.place === 'waitlisted').map((m) => m.participantId)
	};
}

describe('capacity and waitlist', () => {
	it('puts the overflow of a session on a waitlist in order and promotes the first', async () => {
		const session = await newSession(2, at(24 * 30));
		const [a, b, c, d] = await newPeople(4);
		const target = { sessionId: session };
		for (const id of [a, b, c, d]) {
			await enroll(database.db, actor, target, { participantId: id! }, now);
		}
		expect(await placesOf(session)).toEqual({
			booked: expect.arrayContaining([a, b]),
			waiting: [c, d]
		});
		// Enrolling again changes nothing.
		expect(await enroll(database.db, actor, target, { participantId: c! }, now)).toEqual({
			ok: true,
			status: 'waitlisted',
			already: true
		});

		const result = await cancel(database.db, actor, target, a!, now);
		expect(result).toMatchObject({ ok: true, cancelled: true });
		expect(result.ok && result.promoted.map((p) => p.participantId)).toEqual([c]);
		expect((await placesOf(session)).booked.sort()).toEqual([b, c].sort());
		expect((await placesOf(session)).waiting).toEqual([d]);
		const [row] = await database.db
			.select()
			.from(enrollments)
			.where(and(eq(enrollments.sessionId, session), eq(enrollments.participantId, c!)));
		expect(row!.promotedAt).toEqual(now);

		// Cancelling a waitlist spot frees no place: nobody is promoted.
		expect(await cancel(database.db, actor, target, d!, now)).toMatchObject({ promoted: [] });
	});

	it('fills a series in order; a one-day cancellation promotes for that day only', async () => {
		const { seriesId, sessionIds } = await newSeries(2, at(24 * 40));
		const [first, second] = sessionIds as [string, string];
		const [a, b, c] = await newPeople(3);
		for (const id of [a, b, c]) {
			await enroll(database.db, actor, { seriesId }, { participantId: id! }, now);
		}
		expect(await placesOf(first)).toEqual({ booked: expect.arrayContaining([a, b]), waiting: [c] });

		const oneDay = await cancel(database.db, actor, { sessionId: first }, a!, now);
		expect(oneDay.ok && oneDay.promoted).toEqual([
			expect.objectContaining({ participantId: c, sessionId: first })
		]);
		expect((await placesOf(first)).booked.sort()).toEqual([b, c].sort());
		// The other day is as it was: a keeps the series place, c still waits.
		expect(await placesOf(second)).toEqual({
			booked: expect.arrayContaining([a, b]),
			waiting: [c]
		});

		// a leaves the series: c gets the series place, marked as promoted.
		const whole = await cancel(database.db, actor, { seriesId }, a!, now);
		expect(whole.ok && whole.promoted.map((p) => [p.participantId, p.sessionId])).toEqual([
			[c, null]
		]);
		expect((await placesOf(second)).booked.sort()).toEqual([b, c].sort());
	});

	it('a one-day booking holds its place: a new series place waits while a day is full', async () => {
		const { seriesId, sessionIds } = await newSeries(2, at(24 * 50));
		const [a, b, c] = await newPeople(3);
		await enroll(database.db, actor, { seriesId }, { participantId: a! }, now);
		await enroll(database.db, actor, { sessionId: sessionIds[0]! }, { participantId: b! }, now);
		expect(
			await enroll(database.db, actor, { seriesId }, { participantId: c! }, now)
		).toMatchObject({
			status: 'waitlisted'
		});
	});
});

describe('refusals a coordinator can override', () => {
	it('refuses a double booking unless a written reason is given, and keeps the reason', async () => {
		const [person] = await newPeople(1);
		const start = at(24 * 60);
		const booked = await newSession(5, start);
		const clash = await newSession(5, new Date(start.getTime() + 30 * 60_000));
		await enroll(database.db, actor, { sessionId: booked }, { participantId: person! }, now);
		const refused = await enroll(
			database.db,
			actor,
			{ sessionId: clash },
			{ participantId: person! },
			now
		);
		expect(refused).toMatchObject({ ok: false, refusals: [{ code: 'double_booked' }] });
		expect((await placesOf(clash)).booked).not.toContain(person);

		const forced = await enroll(
			database.db,
			actor,
			{ sessionId: clash },
			{ participantId: person!, overrideReason: 'Leaves the first class early' },
			now
		);
		expect(forced).toMatchObject({ ok: true, status: 'enrolled' });
		const [row] = await database.db
			.select()
			.from(enrollments)
			.where(and(eq(enrollments.sessionId, clash), eq(enrollments.participantId, person!)));
		expect(row).toMatchObject({
			overrideReason: 'Leaves the first class early',
			overrideBy: actor.userId
		});
	});

	it('a class right after another is no clash; a cancelled one is no clash', async () => {
		const [person] = await newPeople(1);
		const start = at(24 * 61);
		const booked = await newSession(5, start);
		await enroll(database.db, actor, { sessionId: booked }, { participantId: person! }, now);
		const after = await newSession(5, new Date(start.getTime() + 45 * 60_000));
		expect(
			await enroll(database.db, actor, { sessionId: after }, { participantId: person! }, now)
		).toMatchObject({ ok: true });
		const same = await newSession(5, start);
		await cancel(database.db, actor, { sessionId: booked }, person!, now);
		expect(
			await enroll(database.db, actor, { sessionId: same }, { participantId: person! }, now)
		).toMatchObject({ ok: true });
	});

	it('refuses a pool class to someone whose screening excludes the pool', async () => {
		const [excluded] = await newPeople(1, ['fever']);
		const pool = await newSession(5, at(24 * 62), poolRoom);
		const gym = await newSession(5, at(24 * 63));
		expect(
			await enroll(database.db, actor, { sessionId: pool }, { participantId: excluded! }, now)
		).toMatchObject({
			ok: false,
			refusals: [{ code: 'aquatic_exclusion', exclusions: ['fever'] }]
		});
		expect(
			await enroll(database.db, actor, { sessionId: gym }, { participantId: excluded! }, now)
		).toMatchObject({ ok: true });
		expect(
			await enroll(
				database.db,
				actor,
				{ sessionId: pool },
				{ participantId: excluded!, overrideReason: 'Cleared by Dr Patel today' },
				now
			)
		).toMatchObject({ ok: true, status: 'enrolled' });
	});
});

describe('concurrent coordinators', () => {
	it('never goes over capacity when many enrol at once', async () => {
		const session = await newSession(3, at(24 * 70));
		const people = await newPeople(12);
		const results = await Promise.all(
			people.map((id) =>
				enroll(database.db, actor, { sessionId: session }, { participantId: id }, now)
			)
		);
		expect(results.filter((r) => r.ok && r.status === 'enrolled')).toHaveLength(3);
		const { booked, waiting } = await placesOf(session);
		expect(booked).toHaveLength(3);
		expect(waiting).toHaveLength(9);
	});

	it('promotes each waiting person once when places free up at the same time', async () => {
		const session = await newSession(3, at(24 * 71));
		const people = await newPeople(8);
		for (const id of people) {
			await enroll(database.db, actor, { sessionId: session }, { participantId: id }, now);
		}
		const { booked, waiting } = await placesOf(session);
		// Two people cancel twice each, at the same moment (double clicks, two laptops).
		const results = await Promise.all(
			[booked[0]!, booked[1]!, booked[0]!, booked[1]!].map((id) =>
				cancel(database.db, actor, { sessionId: session }, id, now)
			)
		);
		const promoted = results.flatMap((r) => (r.ok ? r.promoted.map((p) => p.participantId) : []));
		expect(promoted.sort()).toEqual(waiting.slice(0, 2).sort());
		const after = await placesOf(session);
		expect(after.booked).toHaveLength(3);
		expect(after.waiting).toEqual(waiting.slice(2));
	});

	it('series: concurrent enrolments and cancellations keep every day within capacity', async () => {
		const { seriesId, sessionIds } = await newSeries(4, at(24 * 80));
		const people = await newPeople(10);
		await Promise.all(
			people.map((id) => enroll(database.db, actor, { seriesId }, { participantId: id }, now))
		);
		const before = await placesOf(sessionIds[0]!);
		expect(before.booked).toHaveLength(4);
		const results = await Promise.all([
			...before.booked.slice(0, 2).map((id) => cancel(database.db, actor, { seriesId }, id, now)),
			...before.booked.slice(0, 2).map((id) => cancel(database.db, actor, { seriesId }, id, now)),
			...(await newPeople(3)).map((id) =>
				enroll(database.db, actor, { seriesId }, { participantId: id }, now)
			)
		]);
		const promoted = results.flatMap((r) =>
			'promoted' in r ? r.promoted.map((p) => p.participantId) : []
		);
		expect(new Set(promoted).size).toBe(promoted.length);
		for (const sessionId of sessionIds) {
			expect((await placesOf(sessionId)).booked).toHaveLength(4);
		}
	});
});
