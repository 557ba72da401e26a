// `npm run db:migrate`: apply drizzle/ migrations to the configured database, then exit.
// (`npm start` does the same on every start; this is for deployments that migrate separately.)
import { readConfig } from '../src/lib/server/config';
import { openDatabase } from '../src/lib/server/db/client';
import { runCli } from './cli';

await runCli(async () => {
	const config = readConfig();
	const database = await openDatabase(
		config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir }
	);
	try {
		await database.migrate(config.migrationsDir);
		console.log(`Migrations applied (${database.kind}).`);
	} finally {
		await database.close();
	}
});
