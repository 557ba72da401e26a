import { and, asc, eq, gt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { classSessions, rooms, routineVersions } from '../db/schema';
import { demoClinicDatabase } from '../testing/demo-clinic';
import { sessionRosterView } from './session-roster';

let database: DatabaseHandle;
let clinicId: string;
const now = new Date('2026-11-26T14:00:00Z');

beforeAll(async () => {
	({ database, clinicId } = await demoClinicDatabase(now, 'America/New_York'));
});
afterAll(() => database.close());

/** The first coming class in the room called `room`. */
async function nextIn(room: string) {
	const [row] = await database.db
		.select({ id: classSessions.id })
		.from(classSessions)
		.innerJoin(rooms, eq(rooms.id, classSessions.roomId))
		.where(and(eq(rooms.name, room), gt(classSessions.startsAt, now)))
		.orderBy(asc(classSessions.startsAt))
		.limit(1);
	return row!.id;
}

describe("a session's roster page", () => {
	it('names its routine and version, its lead and assistants, and says it can still change', async () => {
		const view = (await sessionRosterView(
			database.db,
			clinicId,
			await nextIn('Therapy Pool'),
			now
		))!;
		expect(view.session).toMatchObject({
			routineName: 'Aquatic Balance',
			routineVersion: 1,
			latestRoutineVersion: 1,
			leadName: 'Jordan Lee',
			assistantNames: ['Casey Morgan'],
			status: 'scheduled',
			changeable: true
		});
		// Once it has begun (by the clock), cancel and move are no longer offered.
		const later = new Date(Date.parse(view.session.startsAt) + 60_000);
		const started = await sessionRosterView(database.db, clinicId, view.session.id, later);
		expect(started!.session.changeable).toBe(false);
	});

	it('tells a newer routine version apart from the one the class runs', async () => {
		const id = await nextIn('Therapy Pool');
		const view = (await sessionRosterView(database.db, clinicId, id, now))!;
		await database.db
			.insert(routineVersions)
			.values({ routineId: view.session.routineId, version: 2 });
		const again = (await sessionRosterView(database.db, clinicId, id, now))!;
		expect([again.session.routineVersion, again.session.latestRoutineVersion]).toEqual([1, 2]);
	});

	it('flags a pool exclusion in the pool only, before anyone is checked in', async () => {
		const pool = (await sessionRosterView(
			database.db,
			clinicId,
			await nextIn('Therapy Pool'),
			now
		))!;
		const flagged = [...pool.inClass, ...pool.waiting].filter((p) => p.flags.length);
		expect(flagged.map((p) => [p.fullName, p.flags])).toEqual([
			['Nadia Petrova', [{ code: 'aquatic_exclusion', exclusions: ['open_wounds'] }]]
		]);
		expect(flagged[0]!.overrideReason).toMatch(/waterproof dressing/);

		// Walter's chlorine allergy is nothing in the gym.
		const gym = (await sessionRosterView(database.db, clinicId, await nextIn('Gym A'), now))!;
		expect(gym.inClass.map((p) => p.fullName)).toContain('Walter Kowalski');
		expect([...gym.inClass, ...gym.waiting].filter((p) => p.flags.length)).toEqual([]);
	});
});
