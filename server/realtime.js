// @ts-check
import { Server } from 'socket.io';
import { runtime } from './registry.js';

/**
 * Attaches socket.io to an http(s) server. Used by the production entry and by the Vite plugin
 * in dev, so both modes run the same setup.
 *
 * @param {import('node:http').Server | import('node:https').Server} httpServer
 * @param {{ origin?: string }} [options]  ORIGIN, when the public address differs from Host.
 */
export function attachRealtime(httpServer, options = {}) {
	const io = new Server(httpServer, {
		serveClient: false,
		// The largest legitimate event is a batch of notes from a phone's outbox, far below this.
		maxHttpBufferSize: 256 * 1024,
		// Heartbeats stay at socket.io's defaults (25 s + 20 s): with thousands of displays, faster
		// ones cost every client. Phones check their own link every few seconds instead.
		// SvelteKit's CSRF check covers form posts only: sockets check their Origin here.
		allowRequest: (req, callback) => {
			const allowed = isSameOrigin(req.headers.origin, req.headers.host, options.origin);
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
 * cannot carry a victim's cookie, so they are let through to authentication.
 *
 * @param {string | undefined} origin
 * @param {string | undefined} host
 * @param {string | undefined} configuredOrigin
 */
export function isSameOrigin(origin, host, configuredOrigin) {
	if (!origin) return true;
	if (configuredOrigin && origin === new URL(configuredOrigin).origin) return true;
	try {
		return new URL(origin).host === host;
	} catch {
		return false;
	}
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
