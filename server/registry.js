// @ts-check
/**
 * The meeting point of the framework-free server (this folder) and the SvelteKit app.
 *
 * vite.config, SvelteKit's bundle and server/index.js each load their own copy of a module, so
 * shared state lives on globalThis under a registered symbol, never in a module-level export.
 * The app registers its handlers when its `init` hook runs; the socket.io server created here
 * calls whatever handlers are registered at that moment, so a dev reload replaces them instead
 * of stacking listeners.
 */

/**
 * @typedef {import('socket.io').Server} IoServer
 * @typedef {import('socket.io').Socket} IoSocket
 *
 * @typedef {object} AppHandlers
 * @property {(socket: IoSocket) => Promise<void>} authenticateSocket
 *   Resolves when the socket may connect (and records who it is); rejects with the reason.
 * @property {(socket: IoSocket) => void} onConnection
 * @property {() => Promise<void>} close  Closes the database.
 * @property {string[]} banner  Lines to print once the server listens (demo sign-ins).
 *
 * @typedef {object} Runtime
 * @property {IoServer | undefined} io
 * @property {AppHandlers | undefined} app
 * @property {string} processId  This process, as /healthz names it (host, pid, a random tail).
 * @property {import('ioredis').Redis | undefined} redis
 *   Set before the app starts when REDIS_URL is: the link several processes share.
 * @property {string} redisPrefix  Prefix of every Redis key (CLUSTER_NAME, default "steady"), so
 *   several Steady clusters can share one Redis.
 */

import { randomUUID } from 'node:crypto';
import os from 'node:os';

const KEY = Symbol.for('steady.runtime');

/** @returns {Runtime} */
export function runtime() {
	const holder = /** @type {Record<symbol, Runtime | undefined>} */ (globalThis);
	return (holder[KEY] ??= {
		io: undefined,
		app: undefined,
		redis: undefined,
		redisPrefix: 'steady',
		processId: `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
	});
}
