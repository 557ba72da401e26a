import { count, inArray } from 'drizzle-orm';
import { verifyPassword } from '../auth/password';
import { deleteExpiredSessions } from '../auth/session';
import { deleteExpiredSignInLimits } from '../auth/sign-in';
import type { Config } from '../config';
import { moveFolderMediaIntoDatabase } from '../exercises/media-move';
import { sweepUnnamedMedia } from '../exercises/media-store';
import type { Logger } from '../log';
import type { Database, DatabaseHandle } from './client';
import { clinics, users } from './schema';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoClinic } from './seed/demo';
import { DEMO_HISTORY, seedHistory } from './seed/history';
import { refreshPlannerStatistics } from './planner-statistics';

/**
 * Migrates, clears expired sessions and sign-in limits, moves media files from DATA_DIR into the
 * database, seeds the demo clinic on an empty database and refreshes the embedded database's
 * planner statistics; returns the lines to print at start. With several processes starting at
 * once on one PostgreSQL, one does this and the others wait, then find it done.
 */
export function prepareDatabase(
	database: DatabaseHandle,
	config: Pick<Config, 'migrationsDir' | 'seed' | 'dataDir'>,
	log: Logger
): Promise<string[]> {
	return database.whileStarting(async () => {
		await database.migrate(config.migrationsDir);
		await deleteExpiredSessions(database.db);
		await deleteExpiredSignInLimits(database.db);
		await moveFolderMediaIntoDatabase(database.db, config.dataDir, log);
		await sweepUnnamedMedia(database.db);
		const banner = await seedIfEmpty(database.db, config, log);
		// After the seed, so a fresh demo's reports are planned on its real sizes too.
		await refreshPlannerStatistics(database);
		return banner;
	});
}

async function seedIfEmpty(
	db: Database,
	config: Pick<Config, 'seed'>,
	log: Logger
): Promise<string[]> {
	const [row] = await db.select({ n: count() }).from(clinics);
	if (row!.n === 0) {
		if (config.seed === 'none') {
			log.warn('database is empty and STEADY_SEED=none: create a user with npm run user:create');
			return ['The database is empty: create a coordinator with `npm run user:create`.'];
		}
		const now = new Date();
		const { clinicId } = await seedDemoClinic(db, now);
		if (config.seed === 'demo-history') {
			// Ten weeks of past classes for the demo's own participants and a few more: reports
			// and charts to look at (and for the e2e specs that check them).
			await seedHistory(db, { clinicId, now, ...DEMO_HISTORY });
		}
		log.info(`demo clinic seeded${config.seed === 'demo-history' ? ' with history' : ''}`);
	}
	return demoSignInReminder(db);
}

/**
 * Every start says how to sign in to the demo clinic, for as long as its accounts still have
 * the published password: a reminder to change it, and no surprise for a newcomer.
 */
async function demoSignInReminder(db: Database): Promise<string[]> {
	const demo = await db
		.select({ email: users.email, role: users.role, passwordHash: users.passwordHash })
		.from(users)
		.where(
			inArray(
				users.email,
				DEMO_USERS.map((user) => user.email)
			)
		);
	const open = [];
	for (const user of demo) {
		if (await verifyPassword(user.passwordHash, DEMO_PASSWORD)) open.push(user);
	}
	if (open.length === 0) return [];
	return [
		'Demo clinic: sign in as',
		...open.map((user) => `  ${user.email}  (${user.role})`),
		`  password: ${DEMO_PASSWORD}   (change it before real use: see README)`
	];
}
