import net from 'node:net';

export type ProxyCounts = {
	connections: number;
	/** Client connections closed at once because the server was not there. */
	refused: number;
	delayedChunks: number;
	/** Both sides closed (FIN), with whatever was still queued thrown away. */
	drops: number;
	/** Both sides reset (RST), with whatever was still queued thrown away. */
	resets: number;
	/** Connections held still (nothing passed either way) for longer than an ack waits. */
	stalls: number;
	/** Chunks that were queued on a connection when it was dropped or reset. */
	lostChunks: number;
};

export type ProxyOptions = {
	listenPort: number;
	targetPort: number;
	host?: string;
	/** Every chunk waits a random 0..maxDelayMs before it is passed on. */
	maxDelayMs?: number;
	/** While flapping, each connection lives a random time in this range, then dies or stalls. */
	flapLifetimeMs?: [number, number];
	/** How long a stall holds a connection still. */
	stallMs?: [number, number];
	random?: () => number;
};

type Link = {
	client: net.Socket;
	server: net.Socket;
	queued: number;
	dead: boolean;
	/** Nothing is passed on before this time (epoch ms). */
	stalledUntil: number;
};

/**
 * A TCP proxy that behaves like a clinic's Wi-Fi on a bad day: it delays every chunk, and in
 * flap mode it kills connections at random moments, by a clean close or by a reset, or holds
 * one still for a few seconds (acks time out while the socket still looks connected). Chunks are delayed but never reordered or altered: TCP itself never does that, and a
 * corrupted frame would test the websocket parser rather than the outbox.
 */
export class FaultyProxy {
	readonly counts: ProxyCounts = {
		connections: 0,
		refused: 0,
		delayedChunks: 0,
		drops: 0,
		resets: 0,
		stalls: 0,
		lostChunks: 0
	};
	private readonly links = new Set<Link>();
	private readonly server: net.Server;
	private readonly random: () => number;
	private flapping = false;

	constructor(private readonly options: ProxyOptions) {
		this.random = options.random ?? Math.random;
		this.server = net.createServer((client) => this.accept(client));
	}

	get url(): string {
		return `http://localhost:${this.options.listenPort}`;
	}

	listen(): Promise<void> {
		return new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(this.options.listenPort, this.options.host ?? '127.0.0.1', () =>
				resolve()
			);
		});
	}

	/** Flap mode: connections open now or later are killed after a random lifetime. */
	setFlapping(on: boolean): void {
		this.flapping = on;
		if (on) for (const link of this.links) this.scheduleDeath(link);
	}

	async close(): Promise<void> {
		for (const link of this.links) this.kill(link, 'reset', false);
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	private accept(client: net.Socket) {
		this.counts.connections++;
		const server = net.connect(this.options.targetPort, this.options.host ?? '127.0.0.1');
		const link: Link = { client, server, queued: 0, dead: false, stalledUntil: 0 };
		this.links.add(link);
		let connected = false;
		server.once('connect', () => (connected = true));
		server.on('error', () => {
			if (!connected && !link.dead) this.counts.refused++;
			this.kill(link, 'drop', false);
		});
		client.on('error', () => this.kill(link, 'drop', false));
		// A clean close from either end reaches the other end after the chunks ahead of it.
		let closed = 0;
		const onClose = () => {
			if (++closed === 2) this.links.delete(link);
		};
		client.on('close', onClose);
		server.on('close', onClose);
		this.pipe(link, client, server);
		this.pipe(link, server, client);
		if (this.flapping) this.scheduleDeath(link);
	}

	/** Passes chunks on after a random delay each, keeping their order. */
	private pipe(link: Link, from: net.Socket, to: net.Socket) {
		let releaseAt = 0;
		from.on('data', (chunk: Buffer) => {
			const delay = Math.floor(this.random() * ((this.options.maxDelayMs ?? 150) + 1));
			if (delay > 0) this.counts.delayedChunks++;
			// Never before the chunk ahead of it: delay, don't reorder.
			releaseAt = Math.max(releaseAt, link.stalledUntil, Date.now() + delay);
			link.queued++;
			setTimeout(() => {
				link.queued--;
				if (!link.dead && to.writable) to.write(chunk);
			}, releaseAt - Date.now());
		});
		from.on('end', () => {
			setTimeout(() => to.end(), Math.max(0, releaseAt - Date.now()));
		});
	}

	private scheduleDeath(link: Link) {
		const [min, max] = this.options.flapLifetimeMs ?? [300, 2500];
		setTimeout(
			() => {
				if (!this.flapping || link.dead) return;
				const dice = this.random();
				if (dice < 0.2) return this.stall(link);
				this.kill(link, dice < 0.6 ? 'drop' : 'reset', true);
			},
			min + this.random() * (max - min)
		);
	}

	/** Holds new chunks back; ones already queued still go out on time. Then it may die later. */
	private stall(link: Link) {
		const [min, max] = this.options.stallMs ?? [2500, 4000];
		link.stalledUntil = Date.now() + min + this.random() * (max - min);
		this.counts.stalls++;
		this.scheduleDeath(link);
	}

	private kill(link: Link, how: 'drop' | 'reset', fault: boolean) {
		if (link.dead) return;
		link.dead = true;
		this.links.delete(link);
		if (fault) {
			this.counts[how === 'drop' ? 'drops' : 'resets']++;
			this.counts.lostChunks += link.queued;
		}
		for (const socket of [link.client, link.server]) {
			if (how === 'reset' && !socket.destroyed && socket.readyState === 'open') {
				socket.resetAndDestroy();
			} else {
				socket.destroy();
			}
		}
	}
}
