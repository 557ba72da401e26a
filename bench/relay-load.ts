import { spawn } from 'node:child_process';
import WebSocket from 'ws';
import { inBatches } from './command-load';

/**
 * The baseline: a bare `ws` relay (bench/ws-relay.js) that forwards each phone message to its
 * room's display and does nothing else, under the same rooms, sockets and rate as Steady.
 */
export type RelayResult = { latencies: number[]; rssMb: number; heapMb: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function benchRelay(options: {
	port: number;
	rooms: number;
	rate: number;
	seconds: number;
}): Promise<RelayResult> {
	const relay = spawn(process.execPath, ['bench/ws-relay.js'], {
		env: { ...process.env, PORT: String(options.port) },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	await new Promise((resolve) => relay.stdout!.once('data', resolve));
	const url = `ws://127.0.0.1:${options.port}`;
	const pending = new Map<number, number>();
	const latencies: number[] = [];
	const sockets: WebSocket[] = [];
	const open = (socket: WebSocket) =>
		new Promise<void>((resolve, reject) => {
			socket.once('open', () => resolve());
			socket.once('error', reject);
		});
	const rooms = Array.from({ length: options.rooms }, (_, i) => i);
	await inBatches(rooms, 50, async (i) => {
		const display = new WebSocket(`${url}/?role=display&room=${i}`);
		display.on('message', () => {
			const sentAt = pending.get(i);
			if (sentAt === undefined) return;
			latencies.push(performance.now() - sentAt);
			pending.delete(i);
		});
		await open(display);
		sockets.push(display);
	});
	const phones: WebSocket[][] = [];
	await inBatches(rooms, 50, async (i) => {
		phones[i] = [];
		for (let p = 0; p < 2; p++) {
			const phone = new WebSocket(`${url}/?role=phone&room=${i}`);
			await open(phone);
			phones[i]!.push(phone);
			sockets.push(phone);
		}
	});
	console.log(`  ws relay: ${sockets.length} sockets…`);
	let n = 0;
	const interval = 1000 / options.rate;
	const end = performance.now() + options.seconds * 1000;
	let next = performance.now();
	while (performance.now() < end) {
		let i = Math.floor(Math.random() * rooms.length);
		for (let tries = 0; pending.has(i) && tries < 10; tries++) {
			i = Math.floor(Math.random() * rooms.length);
		}
		if (!pending.has(i)) {
			pending.set(i, performance.now());
			phones[i]![n++ % 2]!.send(JSON.stringify({ type: n % 2 ? 'pause' : 'resume' }));
		}
		next += interval;
		await sleep(Math.max(0, next - performance.now()));
	}
	await sleep(2000);
	const stats = await new Promise<{ rss: number; heapUsed: number }>((resolve) => {
		const reply = new WebSocket(`${url}/?role=phone&room=stats`);
		reply.once('open', () => reply.send('stats'));
		reply.once('message', (data) => {
			resolve(JSON.parse(String(data)));
			reply.close();
		});
	});
	for (const socket of sockets) socket.close();
	relay.kill('SIGTERM');
	return {
		latencies,
		rssMb: Math.round(stats.rss / 1024 / 1024),
		heapMb: Math.round(stats.heapUsed / 1024 / 1024)
	};
}
