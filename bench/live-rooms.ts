// `npm run bench` (part 2): one Steady process with 1,000 live rooms, each with one display and
// two phone sockets; phones send 100 commands a second in total; prints phone-emit to
// display-receive latency, server heap and RSS, and the same for a bare `ws` relay as baseline.
// Targets: p99 under 50 ms and under 3x the baseline; heap under 250 MB.
// Smaller runs: BENCH_ROOMS=100 BENCH_SECONDS=10 npm run bench
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { startServer, untilListening } from '../tests/server-process';
import { prepareRooms, type BenchRoom } from './live-setup';

const ROOMS = Number(process.env.BENCH_ROOMS ?? 1000);
const RATE = Number(process.env.BENCH_RATE ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const STEADY_PORT = 4296;
const RELAY_PORT = 4297;

type Result = { latencies: number[]; refused: number; rssMb: number; heapMb: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Runs `task` over `items`, `width` at a time. */
async function inBatches<T>(
	items: T[],
	width: number,
	task: (item: T, i: number) => Promise<void>
) {
	for (let i = 0; i < items.length; i += width) {
		await Promise.all(items.slice(i, i + width).map((item, j) => task(item, i + j)));
	}
}

/** Sends one command a tick to a random room with nothing in flight, for SECONDS. */
async function drive(send: (room: number) => void, busy: (room: number) => boolean) {
	const interval = 1000 / RATE;
	const end = performance.now() + SECONDS * 1000;
	let next = performance.now();
	while (performance.now() < end) {
		let room = Math.floor(Math.random() * ROOMS);
		for (let tries = 0; busy(room) && tries < 10; tries++) room = Math.floor(Math.random() * ROOMS);
		if (!busy(room)) send(room);
		next += interval;
		await sleep(Math.max(0, next - performance.now()));
	}
	await sleep(2000);
}

async function benchSteady(rooms: BenchRoom[], dataDir: string): Promise<Result> {
	const server = startServer(STEADY_PORT, { DATA_DIR: dataDir }, 'http', { keepData: true });
	await untilListening(server, 120_000);
	const url = server.url;
	const pending = new Map<string, number>();
	const latencies: number[] = [];
	const sockets: Socket[] = [];
	let snapshots = 0;
	const open = (socket: Socket) =>
		new Promise<void>((resolve, reject) => {
			socket.once('connect', () => resolve());
			socket.once('connect_error', reject);
		});

	await inBatches(rooms, 50, async (room) => {
		const display = io(`${url}/display`, {
			transports: ['websocket'],
			forceNew: true,
			reconnection: false,
			auth: { token: room.displayToken }
		});
		display.on('display:snapshot', () => snapshots++);
		display.on('class:command', ({ sessionId }: { sessionId: string }) => {
			const sentAt = pending.get(sessionId);
			if (sentAt === undefined) return;
			latencies.push(performance.now() - sentAt);
			pending.delete(sessionId);
		});
		await open(display);
		await display.emitWithAck('display:hello', {});
		sockets.push(display);
	});
	const phones: Socket[][] = [];
	await inBatches(rooms, 50, async (room, i) => {
		phones[i] = [];
		for (const cookie of room.phoneCookies) {
			const phone = io(url, {
				transports: ['websocket'],
				forceNew: true,
				reconnection: false,
				extraHeaders: { cookie }
			});
			await open(phone);
			await phone.emitWithAck('class:join', { sessionId: room.sessionId });
			phones[i]!.push(phone);
			sockets.push(phone);
		}
	});

	let clientSeq = 0;
	let refused = 0;
	const command = async (i: number, type: string) => {
		const result = await phones[i]![clientSeq % 2]!.emitWithAck('class:command', {
			sessionId: rooms[i]!.sessionId,
			clientCommandId: crypto.randomUUID(),
			clientSeq: ++clientSeq,
			command: { type }
		});
		if (!result.ok) refused++;
	};
	await inBatches(rooms, 20, (_, i) => command(i, 'start'));
	// Each start sends its room's display a new snapshot; measure the steady state after that.
	while (snapshots < ROOMS) await sleep(100);
	console.log(`  Steady: ${ROOMS} rooms live, ${sockets.length} sockets; measuring ${SECONDS} s…`);
	refused = 0;

	const running = new Array<boolean>(ROOMS).fill(true);
	await drive(
		(i) => {
			pending.set(rooms[i]!.sessionId, performance.now());
			const type = running[i] ? 'pause' : 'resume';
			running[i] = !running[i];
			void command(i, type);
		},
		(i) => pending.has(rooms[i]!.sessionId)
	);

	const health = (await (await fetch(`${url}/healthz`)).json()) as {
		memory: { rssMb: number; heapUsedMb: number };
	};
	for (const socket of sockets) socket.close();
	server.child.kill('SIGTERM');
	await server.exited;
	return { latencies, refused, rssMb: health.memory.rssMb, heapMb: health.memory.heapUsedMb };
}

async function benchRelay(): Promise<Result> {
	const relay = spawn(process.execPath, ['bench/ws-relay.js'], {
		env: { ...process.env, PORT: String(RELAY_PORT) },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	await new Promise((resolve) => relay.stdout!.once('data', resolve));
	const url = `ws://127.0.0.1:${RELAY_PORT}`;
	const pending = new Map<number, number>();
	const latencies: number[] = [];
	const sockets: WebSocket[] = [];
	const open = (socket: WebSocket) =>
		new Promise<void>((resolve, reject) => {
			socket.once('open', () => resolve());
			socket.once('error', reject);
		});
	const rooms = Array.from({ length: ROOMS }, (_, i) => i);
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
	console.log(`  ws relay: ${sockets.length} sockets; measuring ${SECONDS} s…`);
	let n = 0;
	await drive(
		(i) => {
			pending.set(i, performance.now());
			phones[i]![n++ % 2]!.send(JSON.stringify({ type: n % 2 ? 'pause' : 'resume' }));
		},
		(i) => pending.has(i)
	);
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
		refused: 0,
		rssMb: Math.round(stats.rss / 1024 / 1024),
		heapMb: Math.round(stats.heapUsed / 1024 / 1024)
	};
}

if (!fs.existsSync('build/handler.js')) {
	console.error('No build: run `npm run build` first.');
	process.exit(1);
}
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'steady-bench-'));
console.log(`\nLive rooms benchmark: ${ROOMS} rooms x (1 display + 2 phones), ${RATE} commands/s`);
try {
	const rooms = await prepareRooms(dataDir, ROOMS);
	const steady = await benchSteady(rooms, dataDir);
	const relay = await benchRelay();
	const line = (name: string, r: Result) =>
		`  ${name.padEnd(10)} n=${String(r.latencies.length).padEnd(6)} p50 ${percentile(r.latencies, 50).toFixed(1)} ms  p95 ${percentile(r.latencies, 95).toFixed(1)} ms  p99 ${percentile(r.latencies, 99).toFixed(1)} ms  heap ${r.heapMb} MB  RSS ${r.rssMb} MB`;
	console.log('\nphone emit -> display receive');
	console.log(line('Steady', steady));
	console.log(line('ws relay', relay));
	const ratio = percentile(steady.latencies, 99) / percentile(relay.latencies, 99);
	console.log(
		`  p99 ratio Steady / ws relay: ${ratio.toFixed(2)}x   refused commands: ${steady.refused}`
	);
	console.log('  targets: p99 < 50 ms, ratio < 3x, heap < 250 MB');
} finally {
	fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
