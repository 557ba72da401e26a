// `npm run user:disable -- --email ana@clinic.org`: the account can no longer sign in, its
// sessions end, and a running server cuts its open connections within a minute.
// With the embedded database, stop the server first (one process per DATA_DIR).
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { disableUserByEmail } from '../src/lib/server/auth/users';
import { readConfig } from '../src/lib/server/config';
import { openDatabase } from '../src/lib/server/db/client';
import { runCli, UsageError } from './cli';

await runCli(async () => {
	const { values } = parseArgs({ options: { email: { type: 'string' } }, strict: true });
	const email = z.email('--email: give a valid email address').safeParse(values.email);
	if (!email.success) throw new UsageError(email.error.issues[0]!.message);

	const config = readConfig();
	const database = await openDatabase(
		config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir }
	);
	try {
		await database.migrate(config.migrationsDir);
		const result = await disableUserByEmail(database.db, email.data);
		if (!result.ok) throw new UsageError(result.error);
		console.log(`Disabled ${email.data}: signed out everywhere, and can no longer sign in.`);
	} finally {
		await database.close();
	}
});
