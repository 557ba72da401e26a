import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible';
import type { Database } from '../db/client';
import { rateLimits } from '../db/schema';

/**
 * Growing waits instead of locks. For each key (an email+address pair, an address) it keeps a
 * count of tries that failed (or are being checked right now) and a gate. The first `freeTries`
 * go straight through; after that a try needs the gate, which lets one try through at a time and
 * stays shut 1, 2, 4, 8 … seconds (at most `maxDelaySeconds`) after each further failure.
 *
 * The point is taken BEFORE the check it guards, in one atomic upsert (rate-limiter-flexible's
 * Drizzle store: INSERT … ON CONFLICT DO UPDATE), so parallel tries each get their own number and
 * at most `freeTries + 1` of them are checked at once. A try refused at the gate is refunded: it
 * checked nothing. Both live in `rate_limits`, so they survive a restart and hold across processes.
 */

/** How long a try holds the gate while it is being checked (a crash mid-check frees it then). */
const HOLD_SECONDS = 10;

export type Taken = { ok: true; count: number; gated: boolean };
export type Refused = { ok: false; retryAfterMs: number };

export class SlowDown {
	readonly #counts: RateLimiterDrizzle;
	readonly #gates: RateLimiterDrizzle;
	readonly maxDelaySeconds: number;

	constructor(
		db: Database,
		options: { prefix: string; windowSeconds: number; maxDelaySeconds: number }
	) {
		const common = { storeClient: db, schema: rateLimits, clearExpiredByTimeout: false };
		this.maxDelaySeconds = options.maxDelaySeconds;
		// Counted only, never refused by the library: the count decides.
		this.#counts = new RateLimiterDrizzle({
			...common,
			keyPrefix: `${options.prefix}:n`,
			points: Number.MAX_SAFE_INTEGER,
			duration: options.windowSeconds
		});
		this.#gates = new RateLimiterDrizzle({
			...common,
			keyPrefix: `${options.prefix}:gate`,
			points: 1,
			duration: HOLD_SECONDS
		});
	}

	/** Failures (and tries in flight) counted for `key` in the current window. */
	async count(key: string): Promise<number> {
		return (await this.#counts.get(key))?.consumedPoints ?? 0;
	}

	/** Adds one to `key`'s count without a gate (a count read by another rule). */
	async add(key: string): Promise<number> {
		return (await this.#counts.penalty(key, 1)).consumedPoints;
	}

	/** Takes a try for `key`: counted at once; past `freeTries`, only through an open gate. */
	async take(key: string, freeTries: number): Promise<Taken | Refused> {
		const count = await this.add(key);
		if (count <= freeTries) return { ok: true, count, gated: false };
		try {
			await this.#gates.consume(key, 1);
			return { ok: true, count, gated: true };
		} catch (error) {
			if (!(error instanceof RateLimiterRes)) throw error;
			await this.#counts.reward(key, 1);
			return { ok: false, retryAfterMs: Math.max(error.msBeforeNext, 1000) };
		}
	}

	/** Gives back a point that checked nothing (another rule refused it), or a right answer's. */
	async refund(key: string, taken?: Taken): Promise<void> {
		await this.#counts.reward(key, 1);
		if (taken?.gated) await this.#gates.delete(key);
	}

	/** The check failed: the try stays counted, and the gate shuts for the next wait. */
	async failed(key: string, taken: Taken, freeTries: number): Promise<void> {
		const seconds = delayAfter(taken.count, freeTries, this.maxDelaySeconds);
		if (seconds > 0) await this.#gates.set(key, 2, seconds);
		else if (taken.gated) await this.#gates.delete(key);
	}

	/** The check passed: the try is not held against `key`; `forget` clears its failures too. */
	async succeeded(key: string, taken: Taken, { forget }: { forget: boolean }): Promise<void> {
		if (forget) await this.#counts.delete(key);
		else await this.#counts.reward(key, 1);
		if (taken.gated || forget) await this.#gates.delete(key);
	}
}

/** Seconds to wait after the `failures`-th failure: none within the free tries, then doubling. */
export function delayAfter(failures: number, freeTries: number, maxSeconds: number): number {
	if (failures < freeTries) return 0;
	return Math.min(2 ** (failures - freeTries), maxSeconds);
}

/** "Try again in …" text for a wait. */
export function inSeconds(seconds: number): string {
	return seconds === 1 ? '1 second' : `${seconds} seconds`;
}
