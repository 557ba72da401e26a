import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase, type Database, type DatabaseHandle } from './client';
import { classSessions } from './schema';

const MIGRATIONS = path.resolve('drizzle');

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a throwaway
 * database on the PostgreSQL server at TEST_DATABASE_URL (`npm run test:pg`). The same tests run
 * on both, so the one dialect really serves both engines.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
	const serverUrl = process.env.TEST_DATABASE_URL;
	if (!serverUrl) {
		const handle = await openDatabase({ memory: true });
		await handle.migrate(MIGRATIONS);
		return handle;
	}

	const throwaway = await throwawayDatabase(serverUrl, 'steady_test');
	const handle = await openDatabase({ databaseUrl: throwaway.url });
	await handle.migrate(MIGRATIONS);
	const test: DatabaseHandle = {
		...handle,
		close: async () => {
			await handle.close();
			await throwaway.drop();
		}
	};
	serverUrls.set(test, throwaway.url);
	return test;
}

/**
 * An empty database with a random name on the PostgreSQL server at `serverUrl` (a test's or a
 * cluster's), and how to drop it again, connections and all.
 */
export async function throwawayDatabase(
	serverUrl: string,
	prefix: string
): Promise<{ name: string; url: string; drop(): Promise<void> }> {
	const name = `${prefix}_${randomBytes(6).toString('hex')}`;
	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`);
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	return {
		name,
		url: url.toString(),
		drop: async () => {
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		}
	};
}

const serverUrls = new WeakMap<DatabaseHandle, string>();

/**
 * The same test database through a pool of its own, as a second server process would open it
 * (close it before the first). PGlite has one opener, so there it is the same handle: the two
 * services still keep separate caches, but only PostgreSQL runs their transactions at once.
 */
export async function openAgain(handle: DatabaseHandle): Promise<DatabaseHandle> {
	const url = serverUrls.get(handle);
	return url ? openDatabase({ databaseUrl: url }) : handle;
}

/**
 * A test clock an hour behind the real one, but never before today's midnight (UTC): the server
 * checks entries against the real now, so a class started at this clock must still be open then,
 * whatever hour the suite runs at.
 */
export function anHourAgoToday(now = Date.now()): number {
	const midnight = new Date(now);
	midnight.setUTCHours(0, 0, 0, 0);
	return Math.max(midnight.getTime(), now - 60 * 60_000);
}

/** Moves a seeded class to start at `at`, so a test does not depend on the hour it runs at. */
export async function moveClassTo(db: Database, sessionId: string, at: number): Promise<void> {
	await db
		.update(classSessions)
		.set({ startsAt: new Date(at) })
		.where(eq(classSessions.id, sessionId));
}
