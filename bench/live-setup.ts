import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { createSession } from '../src/lib/server/auth/session';
import { openDatabase, type Database } from '../src/lib/server/db/client';
import {
	classSessions,
	displays,
	rooms,
	routines,
	routineVersions,
	users
} from '../src/lib/server/db/schema';
import { seedDemoClinic } from '../src/lib/server/db/seed/demo';

export type BenchRoom = {
	sessionId: string;
	/** A second class in the room, started once the first has ended (measures start and end). */
	nextSessionId: string;
	displayToken: string;
	phoneCookies: [string, string];
};

/**
 * A clinic with `count` rooms, each with two classes today, a paired display and two signed-in
 * phones, written straight into a fresh DATA_DIR (or an empty PostgreSQL database) before the
 * server starts on it.
 */
export async function prepareRooms(
	target: { dataDir: string } | { databaseUrl: string },
	count: number
): Promise<BenchRoom[]> {
	const database = await openDatabase(target);
	try {
		await database.migrate(path.resolve('drizzle'));
		const { clinicId } = await seedDemoClinic(database.db);
		const [technician] = await database.db.select().from(users).where(eq(users.role, 'technician'));
		const [version] = await database.db
			.select({ id: routineVersions.id })
			.from(routineVersions)
			.innerJoin(routines, eq(routines.id, routineVersions.routineId))
			.where(eq(routines.name, 'Balance Basics'))
			.orderBy(asc(routineVersions.version));

		const { roomRows, tokens } = await gymsWithDisplays(database.db, clinicId, count, 'Bench room');
		const sessions = await database.db
			.insert(classSessions)
			.values(
				[...roomRows, ...roomRows].map((room, i) => ({
					clinicId,
					name: `Bench class ${i + 1}`,
					type: 'balance' as const,
					roomId: room.id,
					routineVersionId: version!.id,
					leadUserId: technician!.id,
					capacity: 12,
					startsAt: new Date(),
					durationMinutes: 45
				}))
			)
			.returning({ id: classSessions.id });
		// A technician per room: one account may hold only a few sockets (event-limits), as in a
		// real clinic where each technician runs their own class. Same password hash, no hashing.
		const staff = await database.db
			.insert(users)
			.values(
				roomRows.map((_, i) => ({
					clinicId,
					email: `bench-technician-${i + 1}@example.org`,
					name: `Bench technician ${i + 1}`,
					role: 'technician' as const,
					passwordHash: technician!.passwordHash
				}))
			)
			.returning({ id: users.id });
		const result: BenchRoom[] = [];
		for (let i = 0; i < count; i++) {
			const a = await createSession(database.db, staff[i]!.id);
			const b = await createSession(database.db, staff[i]!.id);
			result.push({
				sessionId: sessions[i]!.id,
				nextSessionId: sessions[count + i]!.id,
				displayToken: tokens[i]!,
				phoneCookies: [`steady_session=${a.token}`, `steady_session=${b.token}`]
			});
		}
		return result;
	} finally {
		await database.close();
	}
}

/** `count` gyms named "<prefix> n", each with a paired display; the displays' device tokens. */
export async function gymsWithDisplays(
	db: Database,
	clinicId: string,
	count: number,
	prefix: string
) {
	const roomRows = await db
		.insert(rooms)
		.values(
			Array.from({ length: count }, (_, i) => ({
				clinicId,
				name: `${prefix} ${i + 1}`,
				kind: 'gym' as const,
				capacity: 12
			}))
		)
		.returning({ id: rooms.id });
	const tokens = roomRows.map(() => randomBytes(32).toString('base64url'));
	await db.insert(displays).values(
		roomRows.map((room, i) => ({
			clinicId,
			roomId: room.id,
			tokenHash: createHash('sha256').update(tokens[i]!).digest('hex')
		}))
	);
	return { roomRows, tokens };
}
