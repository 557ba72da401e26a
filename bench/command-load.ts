import { io, type Socket } from 'socket.io-client';
import type { BenchRoom } from './live-setup';

/**
 * The live-class load both benchmarks drive: every room has one display and two phones, the
 * phones send `rate` commands a second in total, and each command is timed from the phone's emit
 * to its display's receipt. Every command kind is in the mix, start and end included: each room
 * walks the cycle below from its own point (room i from step i mod 7), sending the next kind
 * its class accepts, so in any stretch of the run all kinds are sent about equally often.
 */
export type Kind = 'start' | 'pause' | 'resume' | 'next' | 'back' | 'extend' | 'end';

const CYCLE: Kind[] = ['pause', 'resume', 'next', 'back', 'extend', 'end', 'start'];

/** A room's class: its first ends once (measuring end) and its second then starts (start). */
type State = 'running' | 'paused' | 'waiting';
const ACCEPTS: Record<State, Kind[]> = {
	running: ['pause', 'next', 'back', 'extend', 'end'],
	paused: ['resume', 'next', 'back', 'end'],
	waiting: ['start']
};

export type LoadResult = {
	latencies: Map<Kind, number[]>;
	refused: Map<Kind, number>;
	/** Sent but not heard by the display within 10 s of the end of the run. */
	unanswered: number;
};

type Room = BenchRoom & {
	display: Socket;
	phones: Socket[];
	step: number;
	state: State;
	/** The first class has ended: commands go to the second. */
	onSecond: boolean;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `task` over `items`, `width` at a time. */
export async function inBatches<T>(
	items: T[],
	width: number,
	task: (item: T, i: number) => Promise<void>
) {
	for (let i = 0; i < items.length; i += width) {
		await Promise.all(items.slice(i, i + width).map((item, j) => task(item, i + j)));
	}
}

export function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** The room's next kind from its step on that its class accepts; moves the step past it. */
function nextKind(room: Room): Kind {
	for (let k = 0; k < CYCLE.length; k++) {
		const kind = CYCLE[(room.step + k) % CYCLE.length]!;
		// The second class is never ended: the room keeps running to the end of the run.
		if (kind === 'end' && room.onSecond) continue;
		if (!ACCEPTS[room.state].includes(kind)) continue;
		room.step = (room.step + k + 1) % CYCLE.length;
		return kind;
	}
	throw new Error(`nothing to send in state ${room.state}`);
}

/** The state a room is in once its class accepted `kind`. */
function after(room: Room, kind: Kind): void {
	if (kind === 'pause') room.state = 'paused';
	if (kind === 'resume' || kind === 'start') room.state = 'running';
	if (kind === 'end') {
		room.state = 'waiting';
		room.onSecond = true;
	}
}

/**
 * Room i's phones connect to `urls[i % n]` and its display to `urls[(i + 1) % n]`: with several
 * processes, every command crosses from one process to another on its way to the wall.
 */
export async function runCommandLoad(
	urls: string[],
	benchRooms: BenchRoom[],
	options: { rate: number; seconds: number; label: string }
): Promise<LoadResult> {
	const pending = new Map<number, { at: number; kind: Kind }>();
	const latencies = new Map<Kind, number[]>(CYCLE.map((kind) => [kind, []]));
	const refused = new Map<Kind, number>(CYCLE.map((kind) => [kind, 0]));
	const rooms: Room[] = [];
	const pick = (i: number, shift: number) => urls[(i + shift) % urls.length]!;

	await inBatches(benchRooms, 50, async (room, i) => {
		const display = await connected(
			io(`${pick(i, 1)}/display`, socketOptions({ auth: { token: room.displayToken } }))
		);
		display.on('class:applied', () => {
			const sent = pending.get(i);
			if (!sent) return;
			latencies.get(sent.kind)!.push(performance.now() - sent.at);
			pending.delete(i);
		});
		await display.emitWithAck('display:hello', {});
		const phones: Socket[] = [];
		for (const cookie of room.phoneCookies) {
			phones.push(await connected(io(pick(i, 0), socketOptions({ extraHeaders: { cookie } }))));
		}
		const step = i % CYCLE.length;
		rooms[i] = { ...room, display, phones, step, state: 'waiting', onSecond: false };
	});

	let clientSeq = 0;
	const send = async (room: Room, kind: Kind) => {
		const phone = room.phones[clientSeq % room.phones.length]!;
		const result = await phone.emitWithAck('class:command', {
			sessionId: room.onSecond ? room.nextSessionId : room.sessionId,
			clientCommandId: crypto.randomUUID(),
			clientSeq: ++clientSeq,
			command: kind === 'extend' ? { type: kind, seconds: 10 } : { type: kind }
		});
		if (result.ok) after(room, kind);
		return result.ok as boolean;
	};

	// Unmeasured: every first class starts; rooms whose first step is 'resume' pause, and those
	// whose first step is 'start' end their first class, so that step is theirs to send.
	await inBatches(rooms, 20, async (room) => {
		await send(room, 'start');
		if (CYCLE[room.step] === 'resume') await send(room, 'pause');
		if (CYCLE[room.step] === 'start') await send(room, 'end');
	});
	// Each start and end sends the room's display a new snapshot: let those settle first.
	await sleep(3000);
	console.log(`  ${options.label}: ${rooms.length} rooms, ${rooms.length * 3} sockets…`);

	const interval = 1000 / options.rate;
	const end = performance.now() + options.seconds * 1000;
	let next = performance.now();
	while (performance.now() < end) {
		let i = Math.floor(Math.random() * rooms.length);
		for (let tries = 0; pending.has(i) && tries < 10; tries++) {
			i = Math.floor(Math.random() * rooms.length);
		}
		const room = rooms[i]!;
		if (!pending.has(i)) {
			const kind = nextKind(room);
			pending.set(i, { at: performance.now(), kind });
			void send(room, kind).then(
				(ok) => {
					if (ok) return;
					refused.set(kind, refused.get(kind)! + 1);
					pending.delete(i);
				},
				// Still unanswered when the run ends and its sockets close: counted below.
				() => {}
			);
		}
		next += interval;
		await sleep(Math.max(0, next - performance.now()));
	}
	// Commands still in flight a few seconds after the last one was sent are reported unanswered.
	for (let wait = 0; pending.size > 0 && wait < 10_000; wait += 200) await sleep(200);
	const unanswered = pending.size;
	for (const room of rooms) for (const socket of [room.display, ...room.phones]) socket.close();
	return { latencies, refused, unanswered };
}

function socketOptions(extra: object) {
	return { transports: ['websocket'], forceNew: true, reconnection: false, ...extra };
}

function connected(socket: Socket): Promise<Socket> {
	return new Promise((resolve, reject) => {
		socket.once('connect', () => resolve(socket));
		socket.once('connect_error', reject);
	});
}

export function allLatencies(result: LoadResult): number[] {
	return [...result.latencies.values()].flat();
}

/** One line per kind and one for all: n, p50, p95, p99 and how many were refused. */
export function report(result: LoadResult): string[] {
	const ms = (values: number[], p: number) => percentile(values, p).toFixed(1).padStart(6);
	const row = (name: string, values: number[], refused: number) =>
		`    ${name.padEnd(7)} n=${String(values.length).padEnd(6)} p50 ${ms(values, 50)} ms  p95 ${ms(values, 95)} ms  p99 ${ms(values, 99)} ms  refused ${refused}`;
	const refusedAll = [...result.refused.values()].reduce((a, b) => a + b, 0);
	return [
		...CYCLE.map((kind) => row(kind, result.latencies.get(kind)!, result.refused.get(kind)!)),
		row('all', allLatencies(result), refusedAll),
		`    unanswered 10 s after the run: ${result.unanswered}`
	];
}
