import { eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { clinics, sessions, rateLimits, users } from '../db/schema';
import { createTestDatabase } from '../db/test-database';
import { hashPassword, verifyPassword } from './password';
import {
	SESSION_ABSOLUTE_MS,
	SESSION_IDLE_MS,
	createSession,
	endSession,
	validateSession
} from './session';
import {
	EMAIL_UNDER_ATTACK_AFTER,
	FREE_FAILURES_PER_ADDRESS,
	FREE_TRIES_PER_PAIR,
	SignInService
} from './sign-in';

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

/** Time passes for the slow-down: every gate's wait is over (the counts stay). */
async function waitsOver() {
	await database.db
		.update(rateLimits)
		.set({ expire: sql`now() - interval '1 second'` })
		.where(like(rateLimits.key, 'sign-in:gate:%'));
}

/** A service whose password checks are counted: the real argon2 check, one call each. */
function countingService() {
	const counted = { calls: 0 };
	const service = new SignInService(database.db, {
		verify: (hash, password) => {
			counted.calls++;
			return verifyPassword(hash, password);
		}
	});
	return { service, counted };
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

	it('checks at most 6 passwords for 30 wrong tries sent at once', async () => {
		await clearFailures();
		const { service: counting, counted } = countingService();
		const results = await Promise.all(
			Array.from({ length: 30 }, (_, i) =>
				counting.signIn('tech@example.org', `wrong-${i}`, '198.51.100.1')
			)
		);
		expect(counted.calls).toBeLessThanOrEqual(FREE_TRIES_PER_PAIR + 1);
		expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(counted.calls);
		expect(results.filter((r) => !r.ok && r.reason === 'wait')).toHaveLength(30 - counted.calls);
		// Refused tries checked nothing, so they are not counted as failures either.
		const [pair] = await database.db
			.select()
			.from(rateLimits)
			.where(eq(rateLimits.key, 'sign-in:n:pair:tech@example.org|198.51.100.1'));
		expect(pair?.points).toBe(counted.calls);
	});

	it('after 10 wrong tries from one address, the right password from another signs in at once', async () => {
		await clearFailures();
		for (let i = 0; i < 10; i++) {
			await waitsOver();
			const result = await service.signIn('tech@example.org', `wrong-${i}`, '192.0.2.10');
			expect(result).toEqual({ ok: false, reason: 'invalid' });
		}
		const { service: counting, counted } = countingService();
		expect((await counting.signIn('tech@example.org', PASSWORD, '192.0.2.11')).ok).toBe(true);
		expect(counted.calls).toBe(1);
	});

	it('slows the address that failed, and lets its right password in after the wait', async () => {
		await clearFailures();
		for (let i = 0; i < 10; i++) {
			await waitsOver();
			await service.signIn('tech@example.org', `wrong-${i}`, '192.0.2.20');
		}
		const slowed = await service.signIn('tech@example.org', PASSWORD, '192.0.2.20');
		// The 10th failure in a row: 2^(10 - 5) = 32 s.
		expect(slowed).toEqual({ ok: false, reason: 'wait', retryAfterSeconds: 32 });
		await waitsOver();
		expect((await service.signIn('tech@example.org', PASSWORD, '192.0.2.20')).ok).toBe(true);
		// The pair's failures were cleared by the right password: 5 free tries again.
		for (let i = 0; i < FREE_TRIES_PER_PAIR; i++) {
			expect(await service.signIn('tech@example.org', 'wrong', '192.0.2.20')).toEqual({
				ok: false,
				reason: 'invalid'
			});
		}
	});

	it('makes each wait after the free tries twice the last, in real time', async () => {
		await clearFailures();
		for (let i = 0; i < FREE_TRIES_PER_PAIR; i++) {
			await service.signIn('tech@example.org', 'wrong', '192.0.2.30');
		}
		expect(await service.signIn('tech@example.org', PASSWORD, '192.0.2.30')).toEqual({
			ok: false,
			reason: 'wait',
			retryAfterSeconds: 1
		});
		await new Promise((resolve) => setTimeout(resolve, 1100));
		expect(await service.signIn('tech@example.org', 'wrong', '192.0.2.30')).toEqual({
			ok: false,
			reason: 'invalid'
		});
		expect(await service.signIn('tech@example.org', PASSWORD, '192.0.2.30')).toEqual({
			ok: false,
			reason: 'wait',
			retryAfterSeconds: 2
		});
		// Counts and waits live in the database: a restarted server keeps them.
		expect(
			await new SignInService(database.db).signIn('tech@example.org', PASSWORD, '192.0.2.30')
		).toMatchObject({ reason: 'wait' });
		await new Promise((resolve) => setTimeout(resolve, 2100));
		expect((await service.signIn('tech@example.org', PASSWORD, '192.0.2.30')).ok).toBe(true);
	});

	it('slows an address that tries many accounts, and only that address', async () => {
		await clearFailures();
		for (let i = 0; i < FREE_FAILURES_PER_ADDRESS; i++) {
			expect(await service.signIn(`guess-${i}@example.org`, 'wrong', '192.0.2.40')).toEqual({
				ok: false,
				reason: 'invalid'
			});
		}
		// Now it waits between tries from there, whatever the email …
		expect(await service.signIn('tech@example.org', PASSWORD, '192.0.2.40')).toEqual({
			ok: false,
			reason: 'wait',
			retryAfterSeconds: 1
		});
		// … and nowhere else.
		expect((await service.signIn('tech@example.org', PASSWORD, '192.0.2.41')).ok).toBe(true);
	});

	it('an email guessed at from many addresses slows those addresses, never a new one', async () => {
		await clearFailures();
		for (let i = 0; i < EMAIL_UNDER_ATTACK_AFTER; i++) {
			await service.signIn('tech@example.org', 'wrong', `203.0.113.${i}`);
		}
		// An address that already failed now gets one try at a time …
		expect(await service.signIn('tech@example.org', 'wrong', '203.0.113.0')).toEqual({
			ok: false,
			reason: 'invalid'
		});
		expect(await service.signIn('tech@example.org', PASSWORD, '203.0.113.0')).toMatchObject({
			ok: false,
			reason: 'wait'
		});
		// … while the technician's own phone signs in at once.
		expect((await service.signIn('tech@example.org', PASSWORD, '10.9.9.9')).ok).toBe(true);
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
