import path from 'node:path';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type DatabaseHandle } from './client';

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

	const name = `steady_test_${randomBytes(6).toString('hex')}`;
	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`);
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	const handle = await openDatabase({ databaseUrl: url.toString() });
	await handle.migrate(MIGRATIONS);
	return {
		...handle,
		close: async () => {
			await handle.close();
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		}
	};
}
