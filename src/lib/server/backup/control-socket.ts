import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Logger } from '../log';
import type { BackupSummary } from './format';

/**
 * While a server holds DATA_DIR, PGlite lets no other process open it, so `npm run backup` asks
 * the server. The channel is a unix socket in a folder only this user may enter (0700): other
 * users of the machine cannot connect, and nothing on the network can. The only thing it does is
 * make a backup into the server's BACKUP_DIR and name the file.
 */
export function controlSocketPath(dataDir: string): string {
	return path.join(dataDir, 'control', 'backup.sock');
}

export type BackupReply = { ok: true; backup: BackupSummary } | { ok: false; error: string };

const REQUEST = 'backup';

export function listenForBackupRequests(
	dataDir: string,
	makeBackup: () => Promise<BackupSummary>,
	log: Logger
): { close(): Promise<void> } {
	const socketPath = controlSocketPath(dataDir);
	try {
		makePrivateFolder(path.dirname(socketPath));
		// Left by a server that was killed: this process holds the DATA_DIR lock, so it is stale.
		fs.rmSync(socketPath, { force: true });
	} catch (error) {
		log.warn({ err: error }, 'backup requests cannot be taken (npm run backup will not work)');
		return { close: async () => {} };
	}

	const server = net.createServer((connection) => {
		connection.setTimeout(10_000, () => connection.destroy());
		connection.once('data', (chunk) => {
			if (chunk.toString().trim() !== REQUEST) {
				connection.end(`${JSON.stringify({ ok: false, error: 'unknown request' })}\n`);
				return;
			}
			connection.setTimeout(0);
			makeBackup().then(
				(backup) => connection.end(`${JSON.stringify({ ok: true, backup })}\n`),
				(error: unknown) =>
					connection.end(
						`${JSON.stringify({ ok: false, error: (error as Error).message ?? String(error) })}\n`
					)
			);
		});
		connection.on('error', () => {}); // the asker went away: nothing to do
	});
	server.on('error', (error) => {
		// e.g. a DATA_DIR path too long for a socket: the server runs on, `npm run backup` says so.
		log.warn({ err: error }, 'backup requests cannot be taken (npm run backup will not work)');
	});
	server.listen(socketPath, () => fs.chmodSync(socketPath, 0o600));
	return {
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve());
				fs.rmSync(socketPath, { force: true });
			})
	};
}

function makePrivateFolder(folder: string): void {
	fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
	const stat = fs.statSync(folder);
	if (process.getuid && stat.uid !== process.getuid()) {
		throw new Error(`${folder} belongs to another user`);
	}
	fs.chmodSync(folder, 0o700); // an existing folder keeps its mode otherwise
}

/**
 * Asks the server that holds DATA_DIR for a backup. Resolves undefined when no server is
 * listening there (then the caller opens DATA_DIR itself).
 */
export function requestBackup(dataDir: string): Promise<BackupReply | undefined> {
	return new Promise((resolve, reject) => {
		const connection = net.connect(controlSocketPath(dataDir));
		let answer = '';
		connection.on('connect', () => connection.write(`${REQUEST}\n`));
		connection.on('data', (chunk) => (answer += chunk));
		connection.on('end', () => {
			try {
				resolve(JSON.parse(answer) as BackupReply);
			} catch {
				reject(new Error('the running server gave no answer to the backup request'));
			}
		});
		connection.on('error', (error: NodeJS.ErrnoException) => {
			if (error.code === 'ENOENT' || error.code === 'ECONNREFUSED') resolve(undefined);
			else reject(error);
		});
	});
}
