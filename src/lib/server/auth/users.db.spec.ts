import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { createTestDatabase } from '../db/test-database';
import { validateSession } from './session';
import { SignInService } from './sign-in';
import { createStaffUser, disableUserByEmail, type NewStaffUser } from './users';

let database: DatabaseHandle;
beforeAll(async () => {
	database = await createTestDatabase();
});
afterAll(() => database.close());

const base = { name: 'Ana Diaz', role: 'coordinator' as const, timeZone: 'America/Chicago' };
/** `npm run user:create` with these answers, the others as `base`. */
const create = (email: string, password: string, more: Partial<NewStaffUser> = {}) =>
	createStaffUser(database.db, { ...base, email, password, ...more });

describe('createStaffUser', () => {
	it('needs a clinic name on an empty database, then creates clinic and user', async () => {
		const missing = await create('ana@clinic.org', 'a good long password');
		expect(missing).toEqual({ ok: false, error: 'No clinic yet: name it with --clinic.' });

		const created = await create('Ana@Clinic.org', 'a good long password', {
			clinicName: 'Lakeside'
		});
		expect(created).toMatchObject({ ok: true, clinicName: 'Lakeside' });
		const signedIn = await new SignInService(database.db).signIn(
			'ana@clinic.org',
			'a good long password',
			'10.9.9.9'
		);
		expect(signedIn.ok).toBe(true);
	});

	it('joins the only clinic, and refuses duplicates and short passwords', async () => {
		const second = await create('ben@clinic.org', 'another long password', {
			role: 'technician'
		});
		expect(second).toMatchObject({ ok: true, clinicName: 'Lakeside' });
		expect(await create('BEN@clinic.org', 'x'.repeat(12))).toEqual({
			ok: false,
			error: 'There is already an account for ben@clinic.org.'
		});
		expect(await create('cy@clinic.org', 'short')).toMatchObject({
			ok: false,
			error: expect.stringContaining('at least 10')
		});
	});
});

describe('disableUserByEmail', () => {
	it('ends the sessions and refuses the next sign-in; unknown and repeated emails are refused', async () => {
		await create('leaving@clinic.org', 'a good long password', { role: 'technician' });
		const signIn = new SignInService(database.db);
		const before = await signIn.signIn('leaving@clinic.org', 'a good long password', '10.9.9.8');
		expect(before.ok).toBe(true);
		const token = before.ok ? before.token : '';

		expect(await disableUserByEmail(database.db, 'Leaving@Clinic.org')).toEqual({ ok: true });
		expect(await validateSession(database.db, token)).toBeNull();
		const after = await signIn.signIn('leaving@clinic.org', 'a good long password', '10.9.9.8');
		expect(after.ok).toBe(false);

		expect(await disableUserByEmail(database.db, 'leaving@clinic.org')).toMatchObject({
			ok: false,
			error: expect.stringMatching(/already disabled/)
		});
		expect(await disableUserByEmail(database.db, 'nobody@clinic.org')).toMatchObject({
			ok: false,
			error: expect.stringMatching(/No account/)
		});
	});
});
