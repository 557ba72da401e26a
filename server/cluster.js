// @ts-check
/**
 * Several Steady processes behind one load balancer share their sockets through Redis
 * (REDIS_URL): socket.io's Redis Streams adapter carries every broadcast to the process that
 * holds the phone or display, and resumes the stream after a Redis restart without losing a
 * packet. Without REDIS_URL Steady is one process and needs none of this.
 */
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';

const CONNECT_TIMEOUT_MS = 5000;

/**
 * Connects to Redis or says why not within 5 s. Afterwards the client reconnects by itself and
 * holds commands while Redis is away (ioredis's offline queue), so a restart loses nothing.
 *
 * @param {string} url
 * @param {(line: string) => void} report  one line when the link drops or comes back
 * @returns {Promise<Redis>}
 */
export async function connectRedis(url, report) {
	const client = new Redis(url, {
		lazyConnect: true,
		connectTimeout: CONNECT_TIMEOUT_MS,
		// Never give up on a command while Redis restarts: it is sent once the link is back.
		maxRetriesPerRequest: null,
		retryStrategy: (attempt) => Math.min(attempt * 200, 2000)
	});
	let up = false;
	client.on('ready', () => {
		if (!up) report('Redis connected');
		up = true;
	});
	client.on('error', () => {
		if (up) report('Redis link lost; reconnecting');
		up = false;
	});
	try {
		await client.connect();
	} catch (error) {
		client.disconnect();
		const reason = /** @type {Error} */ (error).message;
		throw new Error(`REDIS_URL=${redactRedisPassword(url)}: cannot connect (${reason})`, {
			cause: error
		});
	}
	return client;
}

/**
 * @param {Redis} client
 * @param {string} prefix  CLUSTER_NAME: the processes that share a stream form one cluster
 */
export function redisStreamsAdapter(client, prefix) {
	return createAdapter(client, {
		streamName: `${prefix}:socket.io`,
		// The heartbeat also tells each process how many others are up (for /healthz).
		heartbeatInterval: 5000,
		heartbeatTimeout: 10_000
	});
}

/** @param {string} url */
export function redactRedisPassword(url) {
	try {
		const parsed = new URL(url);
		if (parsed.password) parsed.password = '***';
		return parsed.toString();
	} catch {
		return '(not a URL)';
	}
}
