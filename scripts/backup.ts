// `npm run backup`: a consistent copy of the whole database into BACKUP_DIR (default ./backups),
// and of the exercise pictures and videos it names into BACKUP_DIR/media.
// With DATABASE_URL it connects itself. With the embedded database it asks the running server
// (which holds DATA_DIR) through a socket only this user can open, or opens DATA_DIR itself when
// no server runs.
import fs from 'node:fs';
import path from 'node:path';
import { pruneBackups } from '../src/lib/server/backup/backup-service';
import { requestBackup } from '../src/lib/server/backup/control-socket';
import { createBackup } from '../src/lib/server/backup/create-backup';
import { backupMediaDir } from '../src/lib/server/backup/media';
import type { BackupSummary } from '../src/lib/server/backup/format';
import { readConfig } from '../src/lib/server/config';
import { openDatabase } from '../src/lib/server/db/client';
import { moveFolderMediaIntoDatabase } from '../src/lib/server/exercises/media-move';
import { createLogger } from '../src/lib/server/log';
import { runCli, UsageError } from './cli';

await runCli(async () => {
	const config = readConfig();
	if (!config.backup) throw new UsageError('BACKUP_DIR=off: backups are turned off.');
	let summary: BackupSummary;
	let by = 'this command';
	if (config.databaseUrl) {
		summary = await backUpDirectly({ databaseUrl: config.databaseUrl }, config);
	} else {
		const reply = await requestBackup(config.dataDir);
		if (reply && !reply.ok) {
			throw new UsageError(`The running server could not back up: ${reply.error}`);
		}
		if (reply) {
			summary = reply.backup;
			by = 'the running server';
		} else {
			if (!fs.existsSync(path.join(config.dataDir, 'pglite', 'PG_VERSION'))) {
				throw new UsageError(`DATA_DIR=${config.dataDir} holds no Steady database.`);
			}
			summary = await backUpDirectly(
				{ dataDir: config.dataDir, durable: config.pgliteSync },
				config
			);
		}
	}
	const size = `${Math.max(1, Math.round(summary.bytes / 1024))} KB`;
	console.log(`Backup written by ${by}: ${summary.file}`);
	console.log(`  ${summary.tables} tables, ${summary.rows} rows, ${size}`);
	console.log(
		`  ${summary.media} exercise media files (${summary.mediaCopied} new) in ${backupMediaDir(path.dirname(summary.file))}`
	);
	if (summary.missingMedia.length > 0) {
		console.warn(
			`Warning: these media files were already missing from the database and are not in the backup: ${summary.missingMedia.join(', ')}`
		);
	}
});

async function backUpDirectly(
	target: Parameters<typeof openDatabase>[0],
	config: ReturnType<typeof readConfig>
): Promise<BackupSummary> {
	const { dir, keep } = config.backup!;
	const database = await openDatabase(target);
	try {
		if (database.kind === 'pglite') {
			// No server runs on DATA_DIR, which an older Steady may have used last: bring it and its
			// media files up to this version first, as a server start would, so that the backup
			// holds every picture. (A PostgreSQL database is kept up to date by its servers.)
			await database.migrate(config.migrationsDir);
			await moveFolderMediaIntoDatabase(database.db, config.dataDir, createLogger('warn'));
		}
		const summary = await createBackup(database, { dir });
		await pruneBackups(dir, keep);
		return summary;
	} finally {
		await database.close();
	}
}
