// `npm run restore -- <backup file>`: restores a backup made by `npm run backup` into an EMPTY
// DATA_DIR (or, with DATABASE_URL, an empty database). Refuses a database that has rows, a file
// that is not a complete Steady backup, and a backup from a newer Steady. The exercise pictures
// and videos come from the `media` folder beside the backup file into DATA_DIR/media (also with
// DATABASE_URL), each checked against the checksum the backup lists.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { restoreBackup } from '../src/lib/server/backup/restore-backup';
import { readConfig } from '../src/lib/server/config';
import { openDatabase, redactPassword } from '../src/lib/server/db/client';
import { runCli, UsageError } from './cli';

await runCli(async () => {
	const { positionals } = parseArgs({ allowPositionals: true, strict: true });
	const file = positionals[0];
	if (!file || positionals.length > 1) {
		throw new UsageError('Usage: npm run restore -- <backup file>');
	}
	if (!fs.existsSync(file)) throw new UsageError(`No such file: ${file}`);
	const config = readConfig();
	const target = config.databaseUrl
		? `DATABASE_URL=${redactPassword(config.databaseUrl)}`
		: `DATA_DIR=${config.dataDir}`;
	const database = await openDatabase(
		config.databaseUrl
			? { databaseUrl: config.databaseUrl }
			: { dataDir: config.dataDir, durable: config.pgliteSync }
	);
	try {
		const summary = await restoreBackup(database, file, config.migrationsDir, config.dataDir);
		console.log(`Restored the backup of ${summary.createdAt} into ${target}:`);
		console.log(
			`  ${summary.tables} tables, ${summary.rows} rows, ${summary.media} exercise media files. Start Steady as usual.`
		);
		if (summary.missingMedia.length > 0) {
			console.warn(
				`Warning: these media files were already missing when the backup was made: ${summary.missingMedia.join(', ')}`
			);
		}
	} finally {
		await database.close();
	}
});
