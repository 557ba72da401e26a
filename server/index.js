// @ts-check
/**
 * Production entry: one process, one port. SvelteKit's handler and socket.io share one http(s)
 * server. Written in plain JavaScript (type-checked through JSDoc) so Node runs it as it is,
 * without a build step of its own.
 */
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { connectRedis, redisStreamsAdapter } from './cluster.js';
import { attachRealtime, isAllowedHost } from './realtime.js';
import { runtime } from './registry.js';
import { lanAddresses } from './lan-addresses.js';
import { staticFileGuard } from './static-guard.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.env.STEADY_ROOT ??= root;

// adapter-node assumes https unless told the scheme; this server knows it, so it says so below.
const PROTOCOL_HEADER = 'x-steady-protocol';
const trustOwnScheme = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
if (trustOwnScheme) process.env.PROTOCOL_HEADER = PROTOCOL_HEADER;

// The ceiling for the one request that may be large: an exercise's picture or video (5 MB, and
// the form's own check says so plainly) uploaded by a coordinator. Every other body is held to
// 512 KB by the app's hook before it is read (src/lib/server/http/body-limit.ts).
process.env.BODY_SIZE_LIMIT ??= '8M';

const SHUTDOWN_LIMIT_MS = 5000;

/**
 * @param {string} line
 * @returns {never}
 */
function fail(line) {
	console.error(`Steady cannot start: ${line}`);
	process.exit(1);
}

/** @param {unknown} error */
function isStartupError(error) {
	return (
		typeof error === 'object' &&
		error !== null &&
		'code' in error &&
		error.code === 'STEADY_STARTUP'
	);
}

const tls = readTls();

// Before the app starts: its rate limits and its health report use the same link.
const redis = process.env.REDIS_URL
	? await connectRedis(process.env.REDIS_URL, (line) => console.error(`Steady: ${line}`)).catch(
			(/** @type {Error} */ error) => fail(error.message)
		)
	: undefined;
runtime().redis = redis;
runtime().redisPrefix = process.env.CLUSTER_NAME || 'steady';

/** @type {import('@sveltejs/kit').Handle | any} SvelteKit's, once imported below. */
let handler;

const configuredOrigin = process.env.ORIGIN;
const staticFiles = staticFileGuard(path.join(root, 'build', 'client'), (line) =>
	console.error(`Steady: ${line}`)
);

/** @type {http.RequestListener} */
const listener = (req, res) => {
	// With ORIGIN set, a request for another host name is not ours to answer (DNS rebinding, a
	// stray name). /healthz stays open to a monitor on the machine itself.
	if (configuredOrigin && !isAllowedHost(req.headers.host, configuredOrigin)) {
		if (!req.url?.startsWith('/healthz')) {
			res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
			res.end('Misdirected request: use the address Steady was set up with');
			return;
		}
	}
	if (trustOwnScheme) req.headers[PROTOCOL_HEADER] = tls ? 'https' : 'http';
	if (staticFiles.answeredVanished(req, res)) return;
	handler(req, res);
};
const server = tls ? https.createServer(tls, listener) : http.createServer(listener);
const io = attachRealtime(server, {
	origin: process.env.ORIGIN,
	adapter: redis && redisStreamsAdapter(redis, runtime().redisPrefix)
});

try {
	// Importing the handler runs SvelteKit's `init` hook: config, database, migrations, seed.
	// socket.io is attached first: the app holds it from the start (a socket arriving before
	// the app is ready is refused as 'starting').
	({ handler } = await import(path.join(root, 'build', 'handler.js')));
} catch (error) {
	if (isStartupError(error)) fail(/** @type {Error} */ (error).message);
	if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ERR_MODULE_NOT_FOUND') {
		fail('no build found: run `npm run build` (or `npm start`, which builds when needed)');
	}
	throw error;
}

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || '0.0.0.0';
server.on('error', (/** @type {NodeJS.ErrnoException} */ error) => {
	if (error.code === 'EADDRINUSE') fail(`PORT=${port} is already in use on ${host}`);
	if (error.code === 'EACCES') fail(`PORT=${port}: not allowed to listen there`);
	fail(`could not listen on ${host}:${port} (${error.code ?? error.message})`);
});
server.listen(port, host, () => {
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	const scheme = tls ? 'https' : 'http';
	console.log(`\nSteady is running at ${scheme}://localhost:${address.port}`);
	for (const ip of lanAddresses(host)) {
		console.log(`  phones and displays: ${scheme}://${ip}:${address.port}`);
	}
	for (const line of runtime().app?.banner ?? []) console.log(line);
	console.log('');
	keepServingAfterStrayErrors();
});

/**
 * Last resort, once start-up is over: an error no request handled is logged and the server keeps
 * going, since ending the process ends every class running in the building. Only the error's
 * kind and where it came from are printed: a message may quote data.
 */
function keepServingAfterStrayErrors() {
	/** @param {unknown} error @param {string} kind */
	const report = (error, kind) => {
		const err = /** @type {Partial<NodeJS.ErrnoException>} */ (error ?? {});
		const frames = (err.stack ?? '').split('\n').slice(1, 6).join('\n');
		console.error(
			`Steady: ${kind} ${err.name ?? typeof error} ${err.code ?? ''} (still serving)\n${frames}`
		);
	};
	process.on('uncaughtException', (error) => report(error, 'uncaught'));
	process.on('unhandledRejection', (error) => report(error, 'unhandled rejection'));
}

let stopping = false;
/** Stop accepting, close sockets, close the database; never take longer than 5 s. */
async function shutdown() {
	if (stopping) return;
	stopping = true;
	setTimeout(() => {
		console.error('Steady: shutdown took too long; exiting');
		process.exit(1);
	}, SHUTDOWN_LIMIT_MS - 500).unref();
	// io.close() disconnects every socket and closes the http server to new connections.
	const closed = io.close();
	server.closeIdleConnections();
	// Let requests in flight finish for a moment, then cut what is left.
	await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 2000))]);
	server.closeAllConnections();
	await runtime().app?.close();
	redis?.disconnect();
	process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

/** @returns {{ cert: Buffer, key: Buffer } | undefined} */
function readTls() {
	const { TLS_CERT, TLS_KEY } = process.env;
	if (!TLS_CERT && !TLS_KEY) return undefined;
	if (!TLS_CERT || !TLS_KEY) fail('TLS_CERT and TLS_KEY: set both to serve HTTPS, or neither');
	/** @param {string} name @param {string} file */
	const read = (name, file) => {
		try {
			return fs.readFileSync(file);
		} catch (error) {
			return fail(
				`${name}=${file} cannot be read (${/** @type {NodeJS.ErrnoException} */ (error).code})`
			);
		}
	};
	return {
		cert: read('TLS_CERT', /** @type {string} */ (TLS_CERT)),
		key: read('TLS_KEY', /** @type {string} */ (TLS_KEY))
	};
}
