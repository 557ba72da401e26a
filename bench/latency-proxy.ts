import net from 'node:net';

export type LatencyProxy = { port: number; close: () => Promise<void> };

/**
 * A TCP proxy on 127.0.0.1 that holds every chunk `oneWayMs` before passing it on, in both
 * directions: a slow network in front of a local server, with nothing else changed (Host and
 * Origin pass through untouched, so the server's same-origin checks see the proxy's address).
 * Timers of equal length fire in the order they were set, so bytes stay in order.
 */
export function startLatencyProxy(
	port: number,
	targetPort: number,
	oneWayMs: number
): Promise<LatencyProxy> {
	const open = new Set<net.Socket>();
	const later = (action: () => void) => setTimeout(action, oneWayMs);
	const relay = (from: net.Socket, to: net.Socket) => {
		from.on('data', (chunk) => later(() => to.destroyed || to.write(chunk)));
		from.on('end', () => later(() => to.end()));
		from.on('close', () => later(() => to.destroy()));
		from.on('error', () => undefined); // the 'close' that follows ends the other side
	};
	const server = net.createServer((client) => {
		const upstream = net.connect(targetPort, '127.0.0.1');
		for (const socket of [client, upstream]) {
			socket.setNoDelay(true);
			open.add(socket);
			socket.once('close', () => open.delete(socket));
		}
		relay(client, upstream);
		relay(upstream, client);
	});
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () =>
			resolve({
				port,
				close: () =>
					new Promise<void>((done) => {
						for (const socket of open) socket.destroy();
						server.close(() => done());
					})
			})
		);
	});
}
