import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { and, asc, eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import type { Database } from '../src/lib/server/db/client';
import * as schema from '../src/lib/server/db/schema';
import { classRoster } from '../src/lib/server/roster/roster';
import { clinicToday } from './clinic-today';

/**
 * Reads a stopped server's embedded database directly, the way the app opens it
 * (src/lib/server/db/client.ts). Only while no server runs on that DATA_DIR: PGlite is
 * single-process.
 */
async function withDatabase<T>(dataDir: string, read: (db: Database) => Promise<T>): Promise<T> {
	const client = await PGlite.create(path.join(dataDir, 'pglite'));
	try {
		return await read(drizzle({ client, schema }) as unknown as Database);
	} finally {
		await client.close();
	}
}

export type DemoClass = { sessionId: string; participantIds: string[]; entryIdsBefore: string[] };

/**
 * Today's demo class of the technician's clinic with a roster to record about, by the server's
 * rules (only today's may be started).
 */
export function demoClass(dataDir: string, email: string, minRoster = 4): Promise<DemoClass> {
	return withDatabase(dataDir, async (db) => {
		const [user] = await db
			.select({ clinicId: schema.users.clinicId })
			.from(schema.users)
			.where(eq(schema.users.email, email));
		if (!user) throw new Error(`no demo user ${email}`);
		const sessions = await db
			.select({ id: schema.classSessions.id })
			.from(schema.classSessions)
			.where(
				and(
					eq(schema.classSessions.clinicId, user.clinicId),
					eq(schema.classSessions.occurrenceDate, await clinicToday(db, user.clinicId))
				)
			)
			.orderBy(asc(schema.classSessions.startsAt));
		for (const session of sessions) {
			const roster = await classRoster(db, user.clinicId, session.id);
			if (roster.length < minRoster) continue;
			return {
				sessionId: session.id,
				participantIds: roster.map((member) => member.participantId),
				entryIdsBefore: await entryIds(db)
			};
		}
		throw new Error(`no demo class with ${minRoster} or more on its roster`);
	});
}

/** Every participant entry id stored, one per row (so a duplicate would show twice). */
export function storedEntryIds(dataDir: string): Promise<string[]> {
	return withDatabase(dataDir, entryIds);
}

async function entryIds(db: Database): Promise<string[]> {
	const rows = await db
		.select({ id: schema.participantEntries.id })
		.from(schema.participantEntries);
	return rows.map((row) => row.id);
}
