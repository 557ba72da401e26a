import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { rateLimits, users } from '../db/schema';
import { decoyPasswordHash, verifyPassword } from './password';
import { createSession } from './session';
import { SlowDown } from './slow-down';

/**
 * Wrong passwords slow a guesser down; they never lock anyone out.
 *
 * - Per email + address pair: 5 free tries, then each try waits for the one before it to fail
 *   plus 1, 2, 4, 8 … seconds, at most 60 s. A guesser gets about one try a minute per pair.
 * - Per address (all emails): 50 free failures in an hour, then the same doubling wait, so one
 *   device trying many accounts is slowed to about one try a minute too.
 * - Per email (all addresses): after 20 failures in an hour the email is under attack and each
 *   pair gets one free try instead of five. It only slows: an address that has not failed for
 *   that email still gets its first try at once, so the right password from the technician's own
 *   phone always works, whatever a stranger on the Wi-Fi does from theirs.
 * - A right password clears its pair's failures; its points are refunded from the others.
 *
 * "Address" is the client address SvelteKit reports: behind a proxy it is only real with
 * adapter-node's ADDRESS_HEADER / XFF_DEPTH set (README, "HTTPS on the clinic network"); without
 * it every client shares the proxy's address and one stranger slows everyone's pairs.
 */
export const FREE_TRIES_PER_PAIR = 5;
export const FREE_FAILURES_PER_ADDRESS = 50;
export const EMAIL_UNDER_ATTACK_AFTER = 20;
export const MAX_DELAY_SECONDS = 60;
export const WINDOW_SECONDS = 60 * 60;

export type SignInResult =
	| { ok: true; token: string; expiresAt: Date }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'wait'; retryAfterSeconds: number };

type Verify = (passwordHash: string, password: string) => Promise<boolean>;

export class SignInService {
	readonly #db: Database;
	readonly #limits: SlowDown;
	readonly #verify: Verify;

	/** `verify` is replaceable so a test can count the password checks that really ran. */
	constructor(db: Database, { verify = verifyPassword }: { verify?: Verify } = {}) {
		this.#db = db;
		this.#verify = verify;
		this.#limits = new SlowDown(db, {
			prefix: 'sign-in',
			windowSeconds: WINDOW_SECONDS,
			maxDelaySeconds: MAX_DELAY_SECONDS
		});
	}

	async signIn(email: string, password: string, address: string): Promise<SignInResult> {
		const normalized = email.trim().toLowerCase();
		const emailKey = `email:${normalized}`;
		const pairKey = `pair:${normalized}|${address}`;
		const addressKey = `address:${address}`;

		// Every point is taken before the password is checked; a refused try gives them back.
		const emailFailures = (await this.#limits.add(emailKey)) - 1;
		const pairFree = emailFailures >= EMAIL_UNDER_ATTACK_AFTER ? 1 : FREE_TRIES_PER_PAIR;
		const pair = await this.#limits.take(pairKey, pairFree);
		if (!pair.ok) {
			await this.#limits.refund(emailKey);
			return wait(pair.retryAfterMs);
		}
		const fromAddress = await this.#limits.take(addressKey, FREE_FAILURES_PER_ADDRESS);
		if (!fromAddress.ok) {
			await this.#limits.refund(emailKey);
			await this.#limits.refund(pairKey, pair);
			return wait(fromAddress.retryAfterMs);
		}

		const [user] = await this.#db
			.select({ id: users.id, passwordHash: users.passwordHash, disabledAt: users.disabledAt })
			.from(users)
			.where(eq(sql`lower(${users.email})`, normalized))
			.limit(1);
		const passwordHash = user?.passwordHash ?? (await decoyPasswordHash());
		const passwordMatches = await this.#verify(passwordHash, password);

		if (!user || user.disabledAt || !passwordMatches) {
			await this.#limits.failed(pairKey, pair, pairFree);
			await this.#limits.failed(addressKey, fromAddress, FREE_FAILURES_PER_ADDRESS);
			return { ok: false, reason: 'invalid' };
		}
		await this.#limits.succeeded(pairKey, pair, { forget: true });
		await this.#limits.succeeded(addressKey, fromAddress, { forget: false });
		await this.#limits.refund(emailKey);
		return { ok: true, ...(await createSession(this.#db, user.id)) };
	}
}

function wait(retryAfterMs: number): SignInResult {
	return { ok: false, reason: 'wait', retryAfterSeconds: Math.ceil(retryAfterMs / 1000) };
}

export async function deleteExpiredSignInLimits(db: Database): Promise<void> {
	await db.delete(rateLimits).where(sql`${rateLimits.expire} < now()`);
}
