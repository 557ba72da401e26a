import fs from 'node:fs';
import path from 'node:path';
import { StartupError } from '../startup-error';

/**
 * PGlite is a single-process database: two processes opening one folder would corrupt it.
 * A pid file refuses the second one (a server and `npm run user:create`, say) with a clear line.
 */
export function acquireDataDirLock(dataDir: string): () => void {
	const lockFile = path.join(dataDir, 'steady.pid');
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
			return () => fs.rmSync(lockFile, { force: true });
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const holder = Number(fs.readFileSync(lockFile, 'utf8'));
			if (isAlive(holder) && holder !== process.pid) {
				throw new StartupError(
					`DATA_DIR=${dataDir} is in use by another Steady process (pid ${holder}); stop it first`
				);
			}
			// Left behind by a process that was killed: take it over.
			fs.rmSync(lockFile, { force: true });
		}
	}
	throw new StartupError(`DATA_DIR=${dataDir}: could not take the database lock`);
}

function isAlive(pid: number): boolean {
	if (!Number.isInteger(pid) || pid <= 0) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}
