// `npm run seed:year`: a year of a busy clinic (200 participants, 20 class series, 5 technicians
// and a therapist, 52 weeks of past classes) into an EMPTY database: a fresh DATA_DIR (embedded)
// or the PostgreSQL database at DATABASE_URL. Refuses a database that already has a clinic.
// Sign in as coordinator@example.org / steady-demo (the demo clinic's accounts).
import { count } from 'drizzle-orm';
import { readConfig } from '../src/lib/server/config';
import { openDatabase } from '../src/lib/server/db/client';
import { clinics } from '../src/lib/server/db/schema';
import { DEMO_PASSWORD } from '../src/lib/server/db/seed/demo';
import { describeYear, seedYear } from '../src/lib/server/db/seed/year';
import { runCli, UsageError } from './cli';

await runCli(async () => {
	const config = readConfig();
	const where = config.databaseUrl
		? 'the database at DATABASE_URL'
		: `the embedded database in ${config.dataDir}`;
	const database = await openDatabase(
		config.databaseUrl
			? { databaseUrl: config.databaseUrl }
			: // Made in one go and closed cleanly: no flush at every commit.
				{ dataDir: config.dataDir, durable: false }
	);
	try {
		await database.migrate(config.migrationsDir);
		const [row] = await database.db.select({ n: count() }).from(clinics);
		if (row!.n > 0) {
			throw new UsageError(
				`${where} already has ${row!.n} clinic(s): seed:year only fills an empty database. ` +
					'Give it a fresh DATA_DIR, or a new database in DATABASE_URL.'
			);
		}
		console.log(`Seeding a year into ${where} ...`);
		const { summary } = await seedYear(database.db);
		console.log(`Made ${describeYear(summary)}.`);
		console.log(`Sign in as coordinator@example.org, password ${DEMO_PASSWORD}.`);
	} finally {
		await database.close();
	}
});
