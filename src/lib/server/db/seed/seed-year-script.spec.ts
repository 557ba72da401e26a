import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../client';
import { seedDemoClinic } from './demo';

/**
 * `npm run seed:year` fills an empty database only: one that has a clinic is refused with a
 * sentence saying what to do and exit code 1, and is left as it was. (Making the year itself is
 * measured by the reports bench, which runs it.)
 */
const run = promisify(execFile);
let dataDir: string;

beforeAll(async () => {
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'steady-seed-year-'));
	const handle = await openDatabase({ dataDir, durable: false });
	await handle.migrate(path.resolve('drizzle'));
	await seedDemoClinic(handle.db);
	await handle.close();
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('npm run seed:year', () => {
	it('refuses a database that already has a clinic', async () => {
		const failed = await run(process.execPath, ['--import', 'tsx', 'scripts/seed-year.ts'], {
			env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }
		}).then(
			() => null,
			(error: { code: number; stderr: string; stdout: string }) => error
		);
		expect(failed?.code).toBe(1);
		expect(failed?.stderr).toContain(
			'already has 1 clinic(s): seed:year only fills an empty database'
		);
		expect(failed?.stdout).not.toContain('Made');
	}, 60_000);
});
