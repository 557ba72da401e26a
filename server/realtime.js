// @ts-check
import { Server } from 'socket.io';
import { runtime } from './registry.js';

/**
 * Attaches socket.io to an http(s) server. Used by the production entry and by the Vite plugin
 * in dev, so both modes run the same setup.
 *
 * @param {import('node:http').Server | import('node:https').Server} httpServer
 * @param {{ origin?: string, adapter?: import('socket.io').ServerOptions['adapter'] }} [options]
 *   ORIGIN, when the public address differs from Host; the Redis adapter of a cluster.
 */
export function attachRealtime(httpServer, options = {}) {
	const io = new Server(httpServer, {
		serveClient: false,
		...(options.adapter ? { adapter: options.adapter } : {}),
		// The largest legitimate event is a batch of notes from a phone's outbox, far below this.
		maxHttpBufferSize: 256 * 1024,
		// Heartbeats stay at socket.io's defaults (25 s + 20 s): with thousands of displays, faster
		// ones cost every client. Phones check their own link every few seconds instead.
		// SvelteKit's CSRF check covers form posts only: sockets check their Origin here.
		allowRequest: (req, callback) => {
			const allowed = isSameOrigin(req, options.origin);
			callback(allowed ? null : 'Origin not allowed', allowed);
		}
	});

	// Staff phones and pages on '/', wall displays on '/display': the same dispatch for both.
	for (const namespace of [io.of('/'), io.of('/display')]) {
		namespace.use((socket, next) => {
			const app = runtime().app;
			if (!app) {
				return next(withCode(new Error('Steady is starting; try again shortly'), 'starting'));
			}
			app.authenticateSocket(socket).then(
				() => next(),
				(/** @type {Error} */ error) => next(error)
			);
		});
		namespace.on('connection', (socket) => {
			const app = runtime().app;
			if (app) app.onConnection(socket);
			else socket.disconnect(true);
		});
	}

	runtime().io = io;
	return io;
}

/**
 * Browsers always send Origin with a websocket or XHR; other clients (tests, tools) send none and
 * cannot carry a victim's cookie, so they are let through to authentication. An Origin must
 * match in full (scheme, host and port): ORIGIN when set, else the scheme this server was reached
 * by (TLS or not) and the Host. With ORIGIN set, another Host is refused outright.
 *
 * @param {import('node:http').IncomingMessage} req
 * @param {string | undefined} configuredOrigin
 */
export function isSameOrigin(req, configuredOrigin) {
	const { origin, host } = req.headers;
	if (configuredOrigin && !isAllowedHost(host, configuredOrigin)) return false;
	if (!origin) return true;
	const expected = configuredOrigin ?? ownOrigin(req);
	try {
		return expected !== null && new URL(origin).origin === new URL(expected).origin;
	} catch {
		return false;
	}
}

/**
 * With ORIGIN set, the only Host a browser can rightly send is ORIGIN's; any other means a
 * mistyped name or a DNS rebinding page, and is not served.
 *
 * @param {string | undefined} host
 * @param {string} configuredOrigin
 */
export function isAllowedHost(host, configuredOrigin) {
	// No user info, path or query: `evil@steady.clinic.lan` must not parse as the right host.
	if (!host || !/^[a-z0-9.\-[\]:]+$/i.test(host)) return false;
	const expected = new URL(configuredOrigin);
	try {
		return new URL(`${expected.protocol}//${host}`).host === expected.host;
	} catch {
		return false;
	}
}

/** @param {import('node:http').IncomingMessage} req */
function ownOrigin(req) {
	const { host } = req.headers;
	if (!host) return null;
	const tls = 'encrypted' in req.socket && req.socket.encrypted === true;
	return `${tls ? 'https' : 'http'}://${host}`;
}

/**
 * socket.io hands `data` of a middleware error to the client, which tells a reason apart by code.
 * @param {Error & { data?: unknown }} error
 * @param {string} code
 */
function withCode(error, code) {
	error.data = { code };
	return error;
}
