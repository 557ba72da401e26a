import path from 'node:path';
import { z } from 'zod';
import { StartupError } from './startup-error';

/**
 * Steady's settings, all from the environment. Read without `$env` so that the production entry,
 * scripts and tests share one parser. Every setting a user can get wrong names itself in the error.
 */
const schema = z.object({
	PORT: z.coerce.number().int().min(0).max(65535).default(3000),
	HOST: z.string().min(1).default('0.0.0.0'),
	ORIGIN: z.url().optional(),
	DATA_DIR: z.string().min(1).default('./data'),
	DATABASE_URL: z
		.string()
		.regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
		.optional(),
	// demo-history: the demo clinic with ten weeks of past classes, for the reports.
	STEADY_SEED: z.enum(['demo', 'demo-history', 'none']).default('demo'),
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
	TLS_CERT: z.string().min(1).optional(),
	TLS_KEY: z.string().min(1).optional(),
	STEADY_ROOT: z.string().min(1).optional(),
	PGLITE_SYNC: z.enum(['on', 'off']).default('on'),
	BACKUP_DIR: z.string().min(1).default('./backups'),
	BACKUP_AT: z
		.string()
		.regex(/^(off|([01]\d|2[0-3]):[0-5]\d)$/, 'a local time as HH:MM (24-hour), or off')
		.default('02:30'),
	BACKUP_KEEP: z.coerce.number().int().min(1).max(10_000).default(14)
});

export type Config = {
	port: number;
	host: string;
	origin: string | undefined;
	dataDir: string;
	databaseUrl: string | undefined;
	seed: 'demo' | 'demo-history' | 'none';
	logLevel: z.infer<typeof schema>['LOG_LEVEL'];
	tls: { cert: string; key: string } | undefined;
	migrationsDir: string;
	/** PGlite only: flush the WAL to disk at every commit (the default). */
	pgliteSync: boolean;
	/** Undefined when BACKUP_DIR=off. */
	backup:
		{ dir: string; at: { hour: number; minute: number } | undefined; keep: number } | undefined;
};

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
	// Empty strings count as unset: `FOO= npm start` is a common way to clear a setting.
	const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
	const parsed = schema.safeParse(present);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		const name = String(issue.path[0]);
		throw new StartupError(`${name}: ${issue.message} (got ${JSON.stringify(env[name])})`);
	}
	const e = parsed.data;
	if (Boolean(e.TLS_CERT) !== Boolean(e.TLS_KEY)) {
		throw new StartupError('TLS_CERT and TLS_KEY: set both to serve HTTPS, or neither');
	}
	const root = path.resolve(e.STEADY_ROOT ?? process.cwd());
	return {
		port: e.PORT,
		host: e.HOST,
		origin: e.ORIGIN,
		dataDir: path.resolve(root, e.DATA_DIR),
		databaseUrl: e.DATABASE_URL,
		seed: e.STEADY_SEED,
		logLevel: e.LOG_LEVEL,
		tls: e.TLS_CERT && e.TLS_KEY ? { cert: e.TLS_CERT, key: e.TLS_KEY } : undefined,
		migrationsDir: path.join(root, 'drizzle'),
		pgliteSync: e.PGLITE_SYNC === 'on',
		backup: readBackup(root, e)
	};
}

function readBackup(root: string, e: z.infer<typeof schema>): Config['backup'] {
	if (e.BACKUP_DIR === 'off') return undefined;
	const at = e.BACKUP_AT === 'off' ? undefined : e.BACKUP_AT.split(':').map(Number);
	return {
		dir: path.resolve(root, e.BACKUP_DIR),
		at: at ? { hour: at[0]!, minute: at[1]! } : undefined,
		keep: e.BACKUP_KEEP
	};
}
