import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from './config';

describe('readConfig', () => {
	it('has defaults that run the embedded database in ./data on port 3000', () => {
		const config = readConfig({ STEADY_ROOT: '/srv/steady' });
		expect(config).toMatchObject({
			port: 3000,
			host: '0.0.0.0',
			dataDir: path.resolve('/srv/steady/data'),
			databaseUrl: undefined,
			seed: 'demo',
			logLevel: 'info',
			tls: undefined,
			migrationsDir: path.resolve('/srv/steady/drizzle')
		});
	});

	it('treats empty settings as unset', () => {
		expect(readConfig({ PORT: '', DATABASE_URL: '' })).toMatchObject({
			port: 3000,
			databaseUrl: undefined
		});
	});

	it.each([
		[{ PORT: 'eighty' }, /^PORT: /],
		[{ PORT: '70000' }, /^PORT: /],
		[{ DATABASE_URL: 'mysql://x' }, /^DATABASE_URL: must start with postgres/],
		[{ STEADY_SEED: 'lots' }, /^STEADY_SEED: /],
		[{ ORIGIN: 'not a url' }, /^ORIGIN: /],
		[{ TLS_CERT: '/etc/cert.pem' }, /^TLS_CERT and TLS_KEY/],
		[{ BACKUP_AT: '2:30am' }, /^BACKUP_AT: a local time as HH:MM/],
		[{ BACKUP_KEEP: '0' }, /^BACKUP_KEEP: /],
		[{ PGLITE_SYNC: 'sometimes' }, /^PGLITE_SYNC: /]
	])('names the bad setting in one line: %o', (env, message) => {
		expect(() => readConfig(env)).toThrow(message);
		try {
			readConfig(env);
		} catch (error) {
			expect((error as { code?: string }).code).toBe('STEADY_STARTUP');
			expect((error as Error).message).not.toContain('\n');
		}
	});

	it('backs up daily at 02:30 into ./backups keeping 14, flushing every commit', () => {
		expect(readConfig({ STEADY_ROOT: '/srv/steady' })).toMatchObject({
			pgliteSync: true,
			backup: { dir: path.resolve('/srv/steady/backups'), at: { hour: 2, minute: 30 }, keep: 14 }
		});
		expect(readConfig({ BACKUP_AT: 'off', BACKUP_KEEP: '3' }).backup).toMatchObject({
			at: undefined,
			keep: 3
		});
		expect(readConfig({ BACKUP_DIR: 'off' }).backup).toBeUndefined();
		expect(readConfig({ PGLITE_SYNC: 'off' }).pgliteSync).toBe(false);
	});
});
