import { RateLimiterDrizzle } from 'rate-limiter-flexible';
import type { Database } from '../db/client';
import { rateLimits } from '../db/schema';

/** Wrong tokens one address may try in a window before it is turned away for the rest of it. */
export const GUESSES_ALLOWED = 30;
const WINDOW_SECONDS = 15 * 60;

/**
 * Slows token guessing on the public handout page: wrong tokens are counted per address in
 * `rate_limits` (shared by every process, like sign-in's); past the allowance, no more tries until
 * the window ends. 256 random bits are not guessable anyway; this keeps the log and the database
 * quiet. A right token costs nothing.
 */
export type GuessGate = {
	mayTry(address: string): Promise<boolean>;
	missed(address: string): Promise<void>;
};

const gates = new WeakMap<Database, GuessGate>();

export function guessGate(db: Database): GuessGate {
	let gate = gates.get(db);
	if (gate) return gate;
	const misses = new RateLimiterDrizzle({
		storeClient: db,
		schema: rateLimits,
		clearExpiredByTimeout: false,
		keyPrefix: 'handout-guess',
		points: GUESSES_ALLOWED,
		duration: WINDOW_SECONDS
	});
	gate = {
		mayTry: async (address) => ((await misses.get(address))?.consumedPoints ?? 0) < GUESSES_ALLOWED,
		missed: async (address) => {
			await misses.penalty(address, 1);
		}
	};
	gates.set(db, gate);
	return gate;
}
