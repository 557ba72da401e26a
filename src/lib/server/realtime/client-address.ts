import type { Socket } from 'socket.io';

/**
 * The client's address for a socket, read exactly as adapter-node's getClientAddress() reads it
 * for pages, so a phone's sign-in, its pairing form and a display's socket are counted alike.
 *
 * - Without ADDRESS_HEADER: the TCP peer. Headers are ignored: anyone can send X-Forwarded-For.
 * - With ADDRESS_HEADER (e.g. X-Forwarded-For behind Caddy): that header, which the proxy sets.
 *   For X-Forwarded-For the address is the XFF_DEPTH-th from the right (default 1: the one the
 *   proxy itself appended), because the left part is whatever the client sent.
 *
 * Like adapter-node it throws when the header is configured but missing or too short: such a
 * request did not come through the proxy, and its own claim must not be trusted.
 */
export function clientAddress(socket: Socket, env: NodeJS.ProcessEnv = process.env): string {
	const headers = socket.request.headers;
	const peer = socket.request.socket.remoteAddress ?? socket.handshake.address;
	return addressFrom(headers, peer, env);
}

export function addressFrom(
	headers: Record<string, string | string[] | undefined>,
	peer: string,
	env: NodeJS.ProcessEnv = process.env
): string {
	const header = (env.ADDRESS_HEADER ?? '').toLowerCase();
	if (!header) return peer;
	const raw = headers[header];
	if (raw === undefined) {
		throw new Error(`ADDRESS_HEADER=${header} is set but absent from the request`);
	}
	const value = Array.isArray(raw) ? raw.join(',') : raw;
	if (header !== 'x-forwarded-for') return value;
	const depth = parseInt(env.XFF_DEPTH ?? '1');
	if (!(depth >= 1)) throw new Error('XFF_DEPTH must be a positive integer');
	const addresses = value.split(',');
	if (depth > addresses.length) {
		throw new Error(`XFF_DEPTH is ${depth}, but only found ${addresses.length} addresses`);
	}
	return addresses[addresses.length - depth]!.trim();
}

/**
 * The key a socket's limits are counted against. A request that skipped the proxy (header
 * missing) is counted under its peer address, apart from proxied clients, instead of failing.
 */
export function clientAddressOf(socket: Socket): string {
	try {
		return clientAddress(socket);
	} catch {
		return `unproxied:${socket.request.socket.remoteAddress ?? socket.handshake.address}`;
	}
}
