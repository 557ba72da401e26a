import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { Role } from '../../shared/domain';
import type { StaffUser } from '../auth/session';
import type { Database, DatabaseHandle } from '../db/client';
import { classSessions, clinics, enrollments, users } from '../db/schema';
import { seedDemoClinic } from '../db/seed/demo';
import { createTestDatabase, moveClassTo } from '../db/test-database';
import { LiveClassService, type LiveBroadcast } from '../live/live-classes';

/**
 * What most database specs start from: a fresh test database holding the demo clinic, its staff,
 * and its first class at the test's clock. For specs only; nothing in the app imports it.
 */

/** A fresh test database with the demo clinic seeded as of `now` in `zone`. */
export async function demoClinicDatabase(
	now = new Date(),
	zone = 'UTC'
): Promise<{ database: DatabaseHandle; clinicId: string }> {
	const database = await createTestDatabase();
	const { clinicId } = await seedDemoClinic(database.db, now, zone);
	return { database, clinicId };
}

/** The demo clinic's staff member in `role`, as a signed-in request carries them. */
export async function demoStaff(db: Database, clinicId: string, role: Role): Promise<StaffUser> {
	const [user] = await db.select().from(users).where(eq(users.role, role));
	return { ...user!, clinicId };
}

/**
 * The demo's first class, moved to start at `at` (its seeded time would make a test pass or fail
 * by the hour it runs at), and the participants enrolled in its series.
 */
async function firstClassAt(
	db: Database,
	at: number
): Promise<{ sessionId: string; members: string[] }> {
	const [session] = await db
		.select()
		.from(classSessions)
		.orderBy(asc(classSessions.startsAt))
		.limit(1);
	await moveClassTo(db, session!.id, at);
	const members = await db
		.select({ id: enrollments.participantId })
		.from(enrollments)
		.where(eq(enrollments.seriesId, session!.seriesId!));
	return { sessionId: session!.id, members: members.map((member) => member.id) };
}

/**
 * The demo clinic in a fresh database with its first class moved to start at `at`: its
 * technician, the participants enrolled, and a live-class service on the test's clock that tells
 * nobody.
 */
export async function demoClassAt(at: number, now = () => at) {
	const { database, clinicId } = await demoClinicDatabase(new Date(at));
	const technician = await demoStaff(database.db, clinicId, 'technician');
	const { sessionId, members } = await firstClassAt(database.db, at);
	return { database, clinicId, technician, sessionId, members, live: quietLive(database.db, now) };
}

/** Tells nobody: the specs read the database and the service's answers instead. */
export const quietBroadcast: LiveBroadcast = { command: () => {}, changed: () => {} };

/** A live-class service on the test's clock that tells nobody. */
export const quietLive = (db: Database, now: () => number) =>
	new LiveClassService(db, quietBroadcast, now);

/** Starts a class as `user` would from their phone. */
export const startClass = (live: LiveClassService, sessionId: string, user: StaffUser) =>
	live.command({ sessionId, user, command: { type: 'start' }, clientCommandId: randomUUID() });

/** A second, empty clinic, to show that nothing of the first is within its reach. Its id. */
export async function otherClinic(db: Database, name = 'Elsewhere', timeZone = 'UTC') {
	const [clinic] = await db
		.insert(clinics)
		.values({ name, timeZone })
		.returning({ id: clinics.id });
	return clinic!.id;
}
