import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { StartupError } from '../startup-error';
import { acquireDataDirLock } from './data-dir-lock';
import { openPgliteFolder } from './durable-node-fs';
import * as schema from './schema';

/** Both drivers speak the same PostgreSQL dialect: services only ever see this type. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseHandle = {
	db: Database;
	kind: 'pglite' | 'postgres';
	/** Applies the committed migrations in drizzle/. */
	migrate(migrationsDir: string): Promise<void>;
	ping(): Promise<void>;
	close(): Promise<void>;
	/** Whether a commit has reached the disk (not only the OS cache) when it returns. */
	durableAtCommit: boolean;
	/**
	 * Runs `task` in one transaction with plain SQL: a read-only REPEATABLE READ snapshot for
	 * backups, or a read-write one for restores. Rows come back as the driver parses them.
	 */
	transaction<T>(mode: 'snapshot' | 'write', task: (run: RunSql) => Promise<T>): Promise<T>;
	/**
	 * Runs `task` while holding the start-up lock: several server processes starting at once on
	 * one PostgreSQL database migrate and seed one after another, never together (drizzle's
	 * migrator takes no lock of its own). PGlite has one process by construction.
	 */
	whileStarting<T>(task: () => Promise<T>): Promise<T>;
};

/** The advisory lock key of start-up (migrations and the demo seed): "STDYinit" in ASCII. */
const STARTUP_LOCK = 0x53544459696e6974n;

export type RunSql = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

export type DatabaseTarget =
	| { databaseUrl: string }
	/** `durable: false` skips the flush at commit (PGLITE_SYNC=off, the bench's comparison). */
	| { dataDir: string; durable?: boolean }
	/** In-memory PGlite, for tests. */
	| { memory: true };

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
	if ('databaseUrl' in target) return openPostgres(target.databaseUrl);
	if ('dataDir' in target) return openPglite(target.dataDir, target.durable ?? true);
	return wrapPglite(new PGlite(), () => {}, false);
}

async function openPglite(dataDir: string, durable: boolean): Promise<DatabaseHandle> {
	ensureWritableFolder(dataDir);
	const release = acquireDataDirLock(dataDir);
	try {
		const opened = await openPgliteFolder(path.join(dataDir, 'pglite'), durable);
		return wrapPglite(opened.client, release, opened.durable);
	} catch (error) {
		release();
		throw new StartupError(
			`DATA_DIR=${dataDir}: the embedded database could not open (${(error as Error).message})`
		);
	}
}

function wrapPglite(client: PGlite, release: () => void, durableAtCommit: boolean): DatabaseHandle {
	const db = drizzlePglite({ client, schema });
	return {
		durableAtCommit,
		// PGlite is one connection: its transaction holds every other query until it ends.
		transaction: (mode, task) =>
			client.transaction(async (tx) => {
				if (mode === 'snapshot') {
					await tx.exec('set transaction isolation level repeatable read, read only');
				}
				return task(async (text, params) => (await tx.query(text, params)).rows as never);
			}),
		db: db as unknown as Database,
		kind: 'pglite',
		migrate: (migrationsFolder) => migratePglite(db, { migrationsFolder }),
		whileStarting: (task) => task(),
		ping: async () => {
			await db.execute(sql`select 1`);
		},
		close: async () => {
			await client.close();
			release();
		}
	};
}

async function openPostgres(databaseUrl: string): Promise<DatabaseHandle> {
	const client = postgres(databaseUrl, {
		max: 10,
		connect_timeout: 5,
		onnotice: () => {}
	});
	try {
		await client`select 1`;
	} catch (error) {
		await client.end({ timeout: 1 });
		throw new StartupError(
			`DATABASE_URL=${redactPassword(databaseUrl)}: cannot connect (${describeError(error)})`
		);
	}
	const db = drizzlePostgres({ client, schema });
	const durableAtCommit = await postgresFlushesAtCommit(client);
	return {
		durableAtCommit,
		transaction: async (mode, task) => {
			const options = mode === 'snapshot' ? 'isolation level repeatable read read only' : '';
			const result = await client.begin(options, (tx) =>
				task((text, params) => tx.unsafe(text, params as never[]) as never)
			);
			return result as Awaited<ReturnType<typeof task>>;
		},
		db: db as unknown as Database,
		kind: 'postgres',
		migrate: (migrationsFolder) => migratePostgres(db, { migrationsFolder }),
		whileStarting: async (task) => {
			// A session lock lives on one connection: hold one aside for as long as the task runs.
			const held = await client.reserve();
			try {
				await held`select pg_advisory_lock(${STARTUP_LOCK.toString()}::bigint)`;
				try {
					return await task();
				} finally {
					await held`select pg_advisory_unlock(${STARTUP_LOCK.toString()}::bigint)`;
				}
			} finally {
				held.release();
			}
		},
		ping: async () => {
			await client`select 1`;
		},
		close: () => client.end({ timeout: 3 })
	};
}

/** PostgreSQL's defaults flush at commit; a server may have turned that off. */
async function postgresFlushesAtCommit(client: postgres.Sql): Promise<boolean> {
	const [row] = await client<{ fsync: string; commit: string }[]>`
		select current_setting('fsync') as fsync, current_setting('synchronous_commit') as commit`;
	return row!.fsync === 'on' && row!.commit !== 'off';
}

function ensureWritableFolder(dir: string): void {
	try {
		fs.mkdirSync(dir, { recursive: true });
		// access(W_OK) says yes to root even on a read-only mount: write a probe instead.
		const probe = path.join(dir, `.write-test-${process.pid}`);
		fs.writeFileSync(probe, '');
		fs.rmSync(probe);
	} catch (error) {
		throw new StartupError(`DATA_DIR=${dir} is not a writable folder (${describeError(error)})`);
	}
}

function describeError(error: unknown): string {
	if (error && typeof error === 'object') {
		const { code, message } = error as { code?: string; message?: string };
		if (code && message && !message.includes(code)) return `${code}: ${message}`;
		return message ?? code ?? String(error);
	}
	return String(error);
}

export function redactPassword(databaseUrl: string): string {
	try {
		const url = new URL(databaseUrl);
		if (url.password) url.password = '***';
		return url.toString();
	} catch {
		return '(unparseable URL)';
	}
}
