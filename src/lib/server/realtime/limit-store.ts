import type { Redis } from 'ioredis';
import {
	RateLimiterMemory,
	RateLimiterRedis,
	type RateLimiterAbstract
} from 'rate-limiter-flexible';

/**
 * Where the realtime limits count: in this process, or in Redis when several processes share
 * the load (REDIS_URL), so that spreading a flood over the servers buys no more. Sign-in and
 * pairing-code lockouts count in the database already (auth/slow-down.ts).
 */
let shared: { redis: Redis; prefix: string } | undefined;

/**
 * Called once at start with the cluster's Redis link, before the first socket connects. The
 * limits get a link of their own that refuses at once while Redis is away (no offline queue):
 * the insurance limiter then counts locally, instead of every event waiting for Redis.
 */
export function countLimitsIn(redis: Redis | undefined, prefix: string): void {
	const failFast = redis?.duplicate({ enableOfflineQueue: false, lazyConnect: false });
	failFast?.on('error', () => {});
	shared = failFast && { redis: failFast, prefix };
}

export function rateLimiter(options: {
	keyPrefix: string;
	points: number;
	duration: number;
}): RateLimiterAbstract {
	const local = new RateLimiterMemory(options);
	if (!shared) return local;
	return new RateLimiterRedis({
		...options,
		keyPrefix: `${shared.prefix}:limit:${options.keyPrefix}`,
		storeClient: shared.redis,
		// While Redis is away, each process counts on its own rather than letting everything through.
		insuranceLimiter: local
	});
}
