import type { Redis } from 'ioredis';
import { runtime } from '../../../server/registry.js';
import { SignInService } from './auth/sign-in';
import { readConfig, type Config } from './config';
import { openDatabase, type Database, type DatabaseHandle } from './db/client';
import { prepareDatabase } from './db/prepare';
import { keepPlannerStatisticsFresh } from './db/planner-statistics';
import { createLogger, type Logger } from './log';
import { authenticateSocket } from './realtime/socket-auth';
import { handleConnection } from './realtime/connection';
import { createBroadcast } from './realtime/broadcast';
import type { SteadyIo } from './realtime/io-types';
import { countLimitsIn } from './realtime/limit-store';
import { PairingService } from './displays/pairing';
import { LiveClassService } from './live/live-classes';
import { poolGates } from './pool/command-gates';
import { ensureDrafts } from './records/notes-draft';
import { BackupService } from './backup/backup-service';
import { listenForBackupRequests } from './backup/control-socket';

/** Everything a request or a socket needs, built once per process. */
export type App = {
	config: Config;
	database: DatabaseHandle;
	db: Database;
	log: Logger;
	/** socket.io, typed by the event maps: every broadcast goes through it (on any process). */
	io: SteadyIo;
	/** This process, as /healthz names it, and REDIS_URL's link when several processes run. */
	cluster: { processId: string; redis: Redis | undefined };
	signIn: SignInService;
	pairing: PairingService;
	live: LiveClassService;
	/** The daily backup and `npm run backup`'s channel to this process; stopped before the close. */
	backups: { stop(): Promise<void> };
	/** Lines the production entry prints after it starts listening. */
	banner: string[];
};

const APP_KEY = Symbol.for('steady.app');
type Holder = Record<symbol, Promise<App> | undefined>;

/**
 * Opens the database, migrates, seeds the demo clinic on an empty database, and registers the
 * socket handlers, once. Idempotent: a dev reload reuses the open database (PGlite allows one
 * opener) and the handlers registered with it.
 */
export function startApp(): Promise<App> {
	const holder = globalThis as unknown as Holder;
	holder[APP_KEY] ??= createApp().then(
		(app) => {
			registerRealtime(app);
			return app;
		},
		(error: unknown) => {
			holder[APP_KEY] = undefined;
			throw error;
		}
	);
	return holder[APP_KEY];
}

async function createApp(): Promise<App> {
	const config = readConfig();
	const log = createLogger(config.logLevel);
	// The one place app code meets the framework-free server (server/registry.js): socket.io,
	// attached before the app starts, and REDIS_URL's link (one process: none). From here on
	// they travel as parts of the app.
	const { redis, redisPrefix, processId, io: attached } = runtime();
	if (!attached) throw new Error('socket.io must be attached before the app starts');
	const io = attached as unknown as SteadyIo;
	countLimitsIn(redis, redisPrefix);
	const database = await openDatabase(
		config.databaseUrl
			? { databaseUrl: config.databaseUrl }
			: { dataDir: config.dataDir, durable: config.pgliteSync }
	);
	try {
		const banner = await prepareDatabase(database, config, log);
		log.info({ database: database.kind }, 'database ready');
		const pairing = new PairingService(database.db);
		// The broadcast needs the service to build display snapshots, and the service the broadcast.
		const broadcast = createBroadcast({ db: database.db, io, log, live: () => live });
		const live: LiveClassService = new LiveClassService(database.db, broadcast, Date.now, {
			gates: poolGates(io),
			// The embedded database has one process by construction (its folder is locked).
			soleWriter: database.kind === 'pglite',
			// Drafted after the end is committed and broadcast: the live path never waits on it.
			onEnded: ({ sessionId, clinicId, userId }) => {
				ensureDrafts(database.db, clinicId, sessionId, { userId, device: 'class end' }).catch(
					(error: unknown) => log.error({ err: error, sessionId }, 'drafting class notes failed')
				);
			}
		});
		const signIn = new SignInService(database.db);
		const backups = startBackups(config, database, log, processId);
		banner.unshift(...durabilityWarning(database, log));
		return {
			config,
			database,
			db: database.db,
			log,
			io,
			cluster: { processId, redis },
			signIn,
			pairing,
			live,
			backups,
			banner
		};
	} catch (error) {
		await database.close();
		throw error;
	}
}

function startBackups(
	config: Config,
	database: DatabaseHandle,
	log: Logger,
	processId: string
): App['backups'] {
	const service = config.backup && new BackupService(database, config.backup, log, processId);
	void service?.start();
	// Not a backup, but the same kind of housekeeping on the same timer's terms (stopped with it).
	const stopStatistics = keepPlannerStatisticsFresh(database, log);
	// Only the embedded database needs the server to make `npm run backup`'s copy.
	const channel =
		database.kind === 'pglite'
			? listenForBackupRequests(
					config.dataDir,
					() =>
						service
							? service.backUp('request')
							: Promise.reject(new Error('backups are off on this server (BACKUP_DIR=off)')),
					log
				)
			: undefined;
	return {
		stop: async () => {
			stopStatistics();
			await channel?.close();
			await service?.stop();
		}
	};
}

/** One line at start when a commit may be lost to a power cut (PGLITE_SYNC=off, or no flush). */
function durabilityWarning(database: DatabaseHandle, log: Logger): string[] {
	if (database.durableAtCommit) return [];
	log.warn({ database: database.kind }, 'commits are not flushed to disk');
	return database.kind === 'pglite'
		? [
				'Warning: the embedded database does not flush commits to disk (PGLITE_SYNC=off, or the flush failed its check): a power cut can lose the last entries.'
			]
		: [
				'Warning: this PostgreSQL server does not flush commits to disk (fsync or synchronous_commit is off): a power cut can lose the last entries.'
			];
}

function registerRealtime(app: App): void {
	runtime().app = {
		authenticateSocket: (socket) => authenticateSocket(app, socket),
		onConnection: (socket) => handleConnection(app, socket as never),
		close: async () => {
			await app.backups.stop();
			await app.database.close();
		},
		banner: app.banner
	};
}

/** The app if it started (or is starting), without starting it: for /healthz. */
export function startedApp(): Promise<App> | undefined {
	return (globalThis as unknown as Holder)[APP_KEY];
}

/** The running app, for request handlers: `init` has always finished before the first request. */
export async function getApp(): Promise<App> {
	return startApp();
}
