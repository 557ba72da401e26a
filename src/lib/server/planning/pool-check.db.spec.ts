import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { classSessions, poolChecks, rooms } from '../db/schema';
import { savePoolRanges } from '../settings/clinic-options';
import { goodPoolCheck } from '../../shared/testing/pool-check';
import { poolCheckContext, poolStartBlocked, recordPoolCheck } from './pool-check';
import { demoClinicDatabase, demoStaff, otherClinic } from '../testing/demo-clinic';

let database: DatabaseHandle;
let clinicId: string;
let otherClinicId: string;
let technician: { id: string; clinicId: string; name: string };
let coordinatorId: string;
let poolSessions: string[];
let gymSessionId: string;

const good = goodPoolCheck;

async function sessionsIn(kind: 'pool' | 'gym', clinic: string) {
	const rows = await database.db
		.select({ id: classSessions.id })
		.from(classSessions)
		.innerJoin(rooms, eq(rooms.id, classSessions.roomId))
		.where(and(eq(rooms.kind, kind), eq(classSessions.clinicId, clinic)))
		.orderBy(classSessions.startsAt);
	return rows.map((row) => row.id);
}

beforeAll(async () => {
	({ database, clinicId } = await demoClinicDatabase(new Date('2026-11-26T15:00:00Z')));
	// Another clinic with a pool class of its own: none of it may be reached from the first.
	otherClinicId = await otherClinic(database.db);
	const [otherPool] = await database.db
		.insert(rooms)
		.values({ clinicId: otherClinicId, name: 'Pool', kind: 'pool', capacity: 6 })
		.returning({ id: rooms.id });
	const [template] = await database.db
		.select()
		.from(classSessions)
		.where(eq(classSessions.clinicId, clinicId))
		.limit(1);
	await database.db.insert(classSessions).values({
		clinicId: otherClinicId,
		name: 'Elsewhere swim',
		type: 'aquatic',
		roomId: otherPool!.id,
		routineVersionId: template!.routineVersionId,
		capacity: 6,
		startsAt: new Date('2026-11-26T16:00:00Z'),
		durationMinutes: 45
	});
	technician = await demoStaff(database.db, clinicId, 'technician');
	coordinatorId = (await demoStaff(database.db, clinicId, 'coordinator')).id;
	poolSessions = await sessionsIn('pool', clinicId);
	gymSessionId = (await sessionsIn('gym', clinicId))[0]!;
});
afterAll(() => database.close());

describe('the start gate', () => {
	it('refuses a pool class without a check, and lets a gym class start', async () => {
		expect(await poolStartBlocked(database.db, clinicId, poolSessions[0]!)).toEqual({
			code: 'pool-check-missing'
		});
		expect(await poolStartBlocked(database.db, clinicId, gymSessionId!)).toBeNull();
	});

	it('opens once that class has its check, and only for that class', async () => {
		const [first, second] = poolSessions;
		expect(await recordPoolCheck(database.db, technician, first!, good)).toEqual({
			ok: true,
			duplicate: false
		});
		expect(await poolStartBlocked(database.db, clinicId, first!)).toBeNull();
		expect(await poolStartBlocked(database.db, clinicId, second!)).toEqual({
			code: 'pool-check-missing'
		});
	});
});

describe('recording a pool check', () => {
	it('stores the readings with the class, who and when, and the phone reads them back', async () => {
		const sessionId = poolSessions[2]!;
		const before = Date.now();
		await recordPoolCheck(database.db, technician, sessionId, { ...good, waterTempC: '34.5' });
		const context = await poolCheckContext(database.db, clinicId, sessionId);
		expect(context).toMatchObject({
			status: 'scheduled',
			limits: {
				waterTempC: { min: 33, max: 35 },
				freeChlorinePpm: { min: 1, max: 5 },
				ph: { min: 7.2, max: 7.8 }
			},
			check: {
				waterTempC: 34.5,
				freeChlorinePpm: 2,
				ph: 7.4,
				emergencyEquipmentChecked: true,
				rescuerPresent: true,
				overrideReason: null,
				by: technician.name
			}
		});
		expect(context!.check!.at.getTime()).toBeGreaterThanOrEqual(before - 1000);
		const [row] = await database.db
			.select()
			.from(poolChecks)
			.where(eq(poolChecks.sessionId, sessionId));
		expect(row).toMatchObject({ clinicId, userId: technician.id });
	});

	it('refuses an out-of-range pH without a reason and stores nothing; with one it is kept', async () => {
		const sessionId = poolSessions[3]!;
		const refused = await recordPoolCheck(database.db, technician, sessionId, {
			...good,
			ph: '8.0'
		});
		expect(refused).toEqual({
			ok: false,
			problems: { overrideReason: { code: 'controller.pool.why-needed' } }
		});
		expect(await poolStartBlocked(database.db, clinicId, sessionId)).toEqual({
			code: 'pool-check-missing'
		});

		await recordPoolCheck(database.db, technician, sessionId, {
			...good,
			ph: '8.0',
			overrideReason: 'Retested after dosing: 7.9; therapist agrees'
		});
		const context = await poolCheckContext(database.db, clinicId, sessionId);
		expect(context!.check).toMatchObject({
			ph: 8,
			overrideReason: 'Retested after dosing: 7.9; therapist agrees'
		});
	});

	it("measures against the room's temperature and the clinic's ranges as they are now", async () => {
		const sessionId = poolSessions[4]!;
		expect(
			await savePoolRanges(database.db, clinicId, coordinatorId, {
				freeChlorinePpm: { min: 1, max: 3 },
				ph: { min: 7.2, max: 7.8 }
			})
		).toEqual({ ok: true, changed: true });
		expect(
			await recordPoolCheck(database.db, technician, sessionId, { ...good, freeChlorinePpm: '4' })
		).toMatchObject({ ok: false, problems: { overrideReason: expect.any(Object) } });
		expect(
			await recordPoolCheck(database.db, technician, sessionId, { ...good, waterTempC: '36' })
		).toMatchObject({ ok: false, problems: { overrideReason: expect.any(Object) } });
		await savePoolRanges(database.db, clinicId, coordinatorId, {
			freeChlorinePpm: { min: 1, max: 5 },
			ph: { min: 7.2, max: 7.8 }
		});
	});

	it('answers a second check as done without storing it again', async () => {
		const sessionId = poolSessions[5]!;
		await recordPoolCheck(database.db, technician, sessionId, good);
		expect(
			await recordPoolCheck(database.db, technician, sessionId, { ...good, ph: '7.0' })
		).toEqual({ ok: true, duplicate: true });
		const rows = await database.db
			.select()
			.from(poolChecks)
			.where(eq(poolChecks.sessionId, sessionId));
		expect(rows).toHaveLength(1);
	});

	it('refuses gym classes, other clinics and classes already started', async () => {
		const noPool = { ok: false, problems: { form: { code: 'controller.pool.not-a-pool' } } };
		expect(await recordPoolCheck(database.db, technician, gymSessionId, good)).toEqual(noPool);
		const [foreign] = await sessionsIn('pool', otherClinicId);
		// Another clinic's class is not found at all (the action answers 404), not "not a pool".
		expect(await recordPoolCheck(database.db, technician, foreign!, good)).toEqual({
			ok: false,
			problems: { form: { code: 'refusal.class-not-found' } },
			notFound: true
		});
		expect(await poolCheckContext(database.db, clinicId, foreign!)).toBeNull();
		expect(await poolCheckContext(database.db, clinicId, gymSessionId)).toBeNull();

		const sessionId = poolSessions[6]!;
		await database.db
			.update(classSessions)
			.set({ status: 'live' })
			.where(eq(classSessions.id, sessionId));
		expect(await recordPoolCheck(database.db, technician, sessionId, good)).toEqual({
			ok: false,
			problems: { form: { code: 'controller.pool.already-started' } }
		});
	});
});
