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
		[{ TLS_CERT: '/etc/cert.pem' }, /^TLS_CERT and TLS_KEY/]
	])('names the bad setting in one line: %o', (env, message) => {
		expect(() => readConfig(env)).toThrow(message);
		try {
			readConfig(env);
		} catch (error) {
			expect((error as { code?: string }).code).toBe('STEADY_STARTUP');
			expect((error as Error).message).not.toContain('\n');
		}
	});
});
