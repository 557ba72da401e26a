import { eq, sql } from 'drizzle-orm';
import { RateLimiterDrizzle } from 'rate-limiter-flexible';
import type { Database } from '../db/client';
import { rateLimits, users } from '../db/schema';
import { decoyPasswordHash, verifyPassword } from './password';
import { createSession } from './session';

/** 10 failed tries for one account or one address within 15 minutes lock it for 15 minutes. */
export const MAX_FAILED_TRIES = 10;
export const WINDOW_SECONDS = 15 * 60;
export const LOCK_SECONDS = 15 * 60;

export type SignInResult =
	| { ok: true; token: string; expiresAt: Date }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'locked'; retryAfterSeconds: number };

export class SignInService {
	readonly #db: Database;
	readonly #failures: RateLimiterDrizzle;

	constructor(db: Database) {
		this.#db = db;
		this.#failures = new RateLimiterDrizzle({
			storeClient: db,
			schema: rateLimits,
			keyPrefix: 'sign-in',
			points: MAX_FAILED_TRIES,
			duration: WINDOW_SECONDS,
			// Expired rows are cleared at start-up; a timer here would outlive a closed database.
			clearExpiredByTimeout: false
		});
	}

	async signIn(email: string, password: string, address: string): Promise<SignInResult> {
		const keys = [`email:${email.trim().toLowerCase()}`, `address:${address}`];
		const lockedForMs = await this.#lockedForMs(keys);
		if (lockedForMs > 0) {
			return { ok: false, reason: 'locked', retryAfterSeconds: Math.ceil(lockedForMs / 1000) };
		}

		const [user] = await this.#db
			.select({ id: users.id, passwordHash: users.passwordHash, disabledAt: users.disabledAt })
			.from(users)
			.where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()))
			.limit(1);
		const passwordHash = user?.passwordHash ?? (await decoyPasswordHash());
		const passwordMatches = await verifyPassword(passwordHash, password);

		if (!user || user.disabledAt || !passwordMatches) {
			await this.#recordFailure(keys);
			return { ok: false, reason: 'invalid' };
		}
		await this.#failures.delete(keys[0]!);
		return { ok: true, ...(await createSession(this.#db, user.id)) };
	}

	async #lockedForMs(keys: string[]): Promise<number> {
		let longest = 0;
		for (const key of keys) {
			const res = await this.#failures.get(key);
			if (res && res.consumedPoints >= MAX_FAILED_TRIES) {
				longest = Math.max(longest, res.msBeforeNext);
			}
		}
		return longest;
	}

	async #recordFailure(keys: string[]): Promise<void> {
		for (const key of keys) {
			const res = await this.#failures.penalty(key, 1);
			// The lock runs 15 minutes from the tenth failure, not from the end of the window.
			if (res.consumedPoints >= MAX_FAILED_TRIES) await this.#failures.block(key, LOCK_SECONDS);
		}
	}
}

export async function deleteExpiredSignInLimits(db: Database): Promise<void> {
	await db.delete(rateLimits).where(sql`${rateLimits.expire} < now()`);
}
