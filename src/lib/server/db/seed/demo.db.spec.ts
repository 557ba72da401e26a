import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXERCISE_CATEGORIES } from '../../../shared/domain';
import { plannedRoutineSeconds, type Dosing } from '../../../shared/dosing';
import { todaysClassesByRoom } from '../../classes/calendar';
import type { DatabaseHandle } from '../client';
import {
	classSessions,
	enrollments,
	exercises,
	participants,
	rooms,
	routineBlocks,
	routines,
	routineVersions,
	users
} from '../schema';
import { seedDemoClinic } from './demo';
import { TRANSITION_SECONDS } from './demo-routines';
import { demoClinicDatabase, otherClinic } from '../../testing/demo-clinic';

let database: DatabaseHandle;
let clinicId: string;
// A Thursday evening in New York, as when this was written.
const now = new Date('2026-11-26T23:30:00Z');
const zone = 'America/New_York';

beforeAll(async () => {
	({ database, clinicId } = await demoClinicDatabase(now, zone));
});
afterAll(() => database.close());

describe('demo clinic', () => {
	it('has the three demo users and both rooms', async () => {
		const staff = await database.db.select({ email: users.email, role: users.role }).from(users);
		expect(staff).toEqual(
			expect.arrayContaining([
				{ email: 'coordinator@example.org', role: 'coordinator' },
				{ email: 'technician@example.org', role: 'technician' },
				{ email: 'therapist@example.org', role: 'therapist' }
			])
		);
		const roomRows = await database.db
			.select({ name: rooms.name, kind: rooms.kind, capacity: rooms.capacity })
			.from(rooms);
		expect(roomRows).toEqual(
			expect.arrayContaining([
				{ name: 'Gym A', kind: 'gym', capacity: 12 },
				{ name: 'Therapy Pool', kind: 'pool', capacity: 8 }
			])
		);
	});

	it('has at least 40 exercises across balance, core and aquatic work, each complete', async () => {
		const rows = await database.db.select().from(exercises);
		expect(rows.length).toBeGreaterThanOrEqual(40);
		const categories = new Set(rows.map((row) => row.category));
		for (const needed of ['balance_static', 'balance_dynamic', 'core', 'aquatic_method'] as const) {
			expect(categories).toContain(needed);
		}
		expect(
			[...categories].every((c) => (EXERCISE_CATEGORIES as readonly string[]).includes(c))
		).toBe(true);
		for (const row of rows) {
			expect(row.displayCue.length, row.name).toBeGreaterThan(0);
			expect(row.technicianNotes.length, row.name).toBeGreaterThan(0);
		}
		expect(rows.filter((row) => Object.keys(row.supportTiers).length > 0).length).toBeGreaterThan(
			20
		);
	});

	it('has three routines of about 30, 30 and 40 minutes with warm-up, main and cool-down', async () => {
		const dosingById = new Map(
			(
				await database.db.select({ id: exercises.id, dosing: exercises.dosing }).from(exercises)
			).map((row) => [row.id, row.dosing as Dosing])
		);
		const expected = { 'Balance Basics': 30, 'Core Strength': 30, 'Aquatic Balance': 40 };
		for (const [name, minutes] of Object.entries(expected)) {
			const blocks = (
				await database.db
					.select({ block: routineBlocks })
					.from(routineBlocks)
					.innerJoin(routineVersions, eq(routineVersions.id, routineBlocks.routineVersionId))
					.innerJoin(routines, eq(routines.id, routineVersions.routineId))
					.where(eq(routines.name, name))
					.orderBy(routineBlocks.position)
			).map((row) => row.block);
			const [version] = await database.db
				.select({ transitionSeconds: routineVersions.transitionSeconds })
				.from(routineVersions)
				.innerJoin(routines, eq(routines.id, routineVersions.routineId))
				.where(eq(routines.name, name));
			// "Get ready" is the version's setting now, no longer blocks of its own.
			expect(version!.transitionSeconds, name).toBe(TRANSITION_SECONDS);
			expect(
				blocks.filter((b) => b.kind === 'transition'),
				name
			).toEqual([]);
			const planned =
				plannedRoutineSeconds(blocks, (id) => dosingById.get(id)!, version!.transitionSeconds) / 60;
			expect(planned, name).toBeGreaterThanOrEqual(minutes - 3);
			expect(planned, name).toBeLessThanOrEqual(minutes + 3);
			expect([...new Set(blocks.map((b) => b.phase))], name).toEqual([
				'warm_up',
				'main',
				'cool_down'
			]);
		}
	});

	it('has 16 participants with display names of first name and last initial', async () => {
		const rows = await database.db.select().from(participants);
		expect(rows).toHaveLength(16);
		for (const row of rows) expect(row.displayName).toBe(`${row.firstName} ${row.lastName[0]}.`);
		expect(rows.filter((row) => row.precautions.length > 0).length).toBeGreaterThan(10);
	});

	it('has classes today in both rooms, with participants enrolled', async () => {
		const today = await todaysClassesByRoom(database.db, clinicId, now);
		expect(today.date).toBe('2026-11-26');
		for (const room of today.rooms) {
			expect(room.classes.length, room.name).toBeGreaterThan(0);
			for (const item of room.classes) expect(item.enrolled, item.name).toBeGreaterThan(0);
		}
		const [week] = await database.db
			.select({ n: count() })
			.from(classSessions)
			.where(eq(classSessions.clinicId, clinicId));
		expect(week!.n).toBeGreaterThan(20);
		const [enrolled] = await database.db
			.select({ n: count() })
			.from(enrollments)
			.where(and(eq(enrollments.clinicId, clinicId), eq(enrollments.status, 'enrolled')));
		expect(enrolled!.n).toBeGreaterThanOrEqual(20);
	});

	it("never shows another clinic's classes", async () => {
		const other = await seedDemoClinic(database.db, now, zone).catch(() => undefined);
		// A second demo clinic reuses the demo emails, which are unique: make one by hand instead.
		expect(other).toBeUndefined();
		const otherId = await otherClinic(database.db, 'Other clinic', zone);
		const [room] = await database.db
			.insert(rooms)
			.values({ clinicId: otherId, name: 'Other gym', kind: 'gym', capacity: 5 })
			.returning();
		const [version] = await database.db.select().from(routineVersions).limit(1);
		await database.db.insert(classSessions).values({
			clinicId: otherId,
			name: 'Secret class',
			type: 'balance',
			roomId: room!.id,
			routineVersionId: version!.id,
			capacity: 5,
			startsAt: now,
			durationMinutes: 30
		});
		const mine = await todaysClassesByRoom(database.db, clinicId, now);
		expect(mine.rooms.map((r) => r.name)).not.toContain('Other gym');
		expect(mine.rooms.flatMap((r) => r.classes.map((c) => c.name))).not.toContain('Secret class');
		const theirs = await todaysClassesByRoom(database.db, otherId, now);
		expect(theirs.rooms.flatMap((r) => r.classes.map((c) => c.name))).toEqual(['Secret class']);
	});
});
