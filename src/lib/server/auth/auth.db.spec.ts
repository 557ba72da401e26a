import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { clinics, sessions, rateLimits, users } from '../db/schema';
import { createTestDatabase } from '../db/test-database';
import { hashPassword } from './password';
import {
	SESSION_ABSOLUTE_MS,
	SESSION_IDLE_MS,
	createSession,
	endSession,
	validateSession
} from './session';
import { MAX_FAILED_TRIES, SignInService } from './sign-in';

let database: DatabaseHandle;
let service: SignInService;
let userId: string;
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
	database = await createTestDatabase();
	const [clinic] = await database.db
		.insert(clinics)
		.values({ name: 'Test clinic', timeZone: 'UTC' })
		.returning();
	const [user] = await database.db
		.insert(users)
		.values({
			clinicId: clinic!.id,
			email: 'Tech@Example.org',
			name: 'Tess Tech',
			role: 'technician',
			passwordHash: await hashPassword(PASSWORD)
		})
		.returning();
	userId = user!.id;
	service = new SignInService(database.db);
});

afterAll(() => database.close());

async function clearFailures() {
	await database.db.delete(rateLimits);
}

describe('sign-in', () => {
	it('accepts the right password, email in any case, and stores only the token hash', async () => {
		const result = await service.signIn(' tech@example.ORG ', PASSWORD, '10.0.0.1');
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.token.length).toBeGreaterThanOrEqual(32);
		const stored = await database.db.select().from(sessions);
		expect(stored.some((row) => row.tokenHash === result.token)).toBe(false);
		const session = await validateSession(database.db, result.token);
		expect(session?.user).toMatchObject({ id: userId, role: 'technician', name: 'Tess Tech' });
	});

	it('gives the same answer for a wrong password and an unknown email', async () => {
		await clearFailures();
		expect(await service.signIn('tech@example.org', 'wrong', '10.0.0.2')).toEqual({
			ok: false,
			reason: 'invalid'
		});
		expect(await service.signIn('nobody@example.org', 'wrong', '10.0.0.2')).toEqual({
			ok: false,
			reason: 'invalid'
		});
	});

	it('locks an account after 10 failed tries, even for the right password', async () => {
		await clearFailures();
		for (let i = 0; i < MAX_FAILED_TRIES; i++) {
			// A new address each time: the account's own counter must do the locking.
			const result = await service.signIn('tech@example.org', `wrong-${i}`, `10.1.0.${i}`);
			expect(result).toEqual({ ok: false, reason: 'invalid' });
		}
		const locked = await service.signIn('tech@example.org', PASSWORD, '10.2.0.1');
		expect(locked).toMatchObject({ ok: false, reason: 'locked' });
		if (locked.ok || locked.reason !== 'locked') return;
		expect(locked.retryAfterSeconds).toBeGreaterThan(14 * 60);
		expect(locked.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);

		// When the lock has run out, the right password works again.
		await database.db
			.update(rateLimits)
			.set({ expire: sql`now() - interval '1 second'` })
			.where(eq(rateLimits.key, 'sign-in:email:tech@example.org'));
		expect((await service.signIn('tech@example.org', PASSWORD, '10.2.0.1')).ok).toBe(true);
	});

	it('locks an address that tries many accounts', async () => {
		await clearFailures();
		for (let i = 0; i < MAX_FAILED_TRIES; i++) {
			await service.signIn(`guess-${i}@example.org`, 'wrong', '192.0.2.7');
		}
		expect(await service.signIn('tech@example.org', PASSWORD, '192.0.2.7')).toMatchObject({
			ok: false,
			reason: 'locked'
		});
		expect((await service.signIn('tech@example.org', PASSWORD, '192.0.2.8')).ok).toBe(true);
	});

	it('refuses a disabled account', async () => {
		await clearFailures();
		await database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, userId));
		expect(await service.signIn('tech@example.org', PASSWORD, '10.3.0.1')).toEqual({
			ok: false,
			reason: 'invalid'
		});
		await database.db.update(users).set({ disabledAt: null }).where(eq(users.id, userId));
	});
});

describe('sessions', () => {
	const start = new Date('2026-11-26T08:00:00Z');
	const later = (ms: number) => new Date(start.getTime() + ms);

	it('expire after 30 minutes idle', async () => {
		const { token } = await createSession(database.db, userId, start);
		expect(await validateSession(database.db, token, later(SESSION_IDLE_MS - 1000))).not.toBeNull();
		// Activity at 29:59 moved the idle clock; 30 min after that it is gone.
		expect(await validateSession(database.db, token, later(2 * SESSION_IDLE_MS))).toBeNull();
		expect(await validateSession(database.db, token, later(SESSION_IDLE_MS))).toBeNull();
	});

	it('end 12 hours after sign-in however active', async () => {
		const { token } = await createSession(database.db, userId, start);
		for (let t = 20 * 60_000; t < SESSION_ABSOLUTE_MS; t += 20 * 60_000) {
			expect(await validateSession(database.db, token, later(t))).not.toBeNull();
		}
		expect(await validateSession(database.db, token, later(SESSION_ABSOLUTE_MS))).toBeNull();
	});

	it('end on sign-out, on the server', async () => {
		const { token } = await createSession(database.db, userId);
		expect(await validateSession(database.db, token)).not.toBeNull();
		await endSession(database.db, token);
		expect(await validateSession(database.db, token)).toBeNull();
	});

	it('refuse made-up and oversized tokens', async () => {
		expect(await validateSession(database.db, undefined)).toBeNull();
		expect(await validateSession(database.db, 'x'.repeat(43))).toBeNull();
		expect(await validateSession(database.db, 'x'.repeat(5000))).toBeNull();
	});
});
