import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log';
import { openDatabase, type DatabaseHandle } from './client';
import { prepareDatabase } from './prepare';
import { clinics, users } from './schema';
import { throwawayDatabase } from './test-database';

const serverUrl = process.env.TEST_DATABASE_URL;
const config = {
	migrationsDir: path.resolve('drizzle'),
	seed: 'demo' as const,
	// No media folder to move: a name nothing uses.
	dataDir: path.join(os.tmpdir(), `steady-no-data-${randomBytes(4).toString('hex')}`)
};
const log = createLogger('silent');
const opened: DatabaseHandle[] = [];
let drop: (() => Promise<void>) | undefined;

afterAll(async () => {
	for (const handle of opened) await handle.close();
	await drop?.();
});

/** An empty database on test:pg's server, and `n` pools on it: n server processes starting. */
async function emptyDatabase(n: number): Promise<DatabaseHandle[]> {
	const throwaway = await throwawayDatabase(serverUrl!, 'steady_start');
	drop = throwaway.drop;
	for (let i = 0; i < n; i++) opened.push(await openDatabase({ databaseUrl: throwaway.url }));
	return opened;
}

describe('start-up on one database', () => {
	// PGlite is one process by construction (its data folder is locked); the race needs a server.
	it.skipIf(!serverUrl)('three processes starting at once migrate and seed once', async () => {
		const handles = await emptyDatabase(3);
		const banners = await Promise.all(
			handles.map((handle) => prepareDatabase(handle, config, log))
		);
		const [clinicCount] = await handles[0]!.db.select({ n: count() }).from(clinics);
		expect(clinicCount!.n).toBe(1);
		const [userCount] = await handles[0]!.db.select({ n: count() }).from(users);
		expect(userCount!.n).toBeGreaterThan(0);
		// Each says how to sign in to the one demo clinic.
		for (const banner of banners) expect(banner[0]).toMatch(/Demo clinic/);
		// A process starting later finds it all done.
		const late = await prepareDatabase(handles[1]!, config, log);
		expect(late).toEqual(banners[0]);
	});
});
