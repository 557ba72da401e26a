// `npm run bench` (part 4): do two wall displays in one room show the same countdown when one
// device's clock is three minutes fast and the other sits behind 200 ms of network round trip?
// Two headless Chromium pages run the real /display; 10 s after they open, a phone starts a
// class, lengthens its first segment, and pauses and resumes it during 60 s. Each page records,
// every frame, the remaining time it drew and when it read its clock (performance.timeOrigin +
// performance.now(), which a wrong wall clock does not move). Prints the largest difference
// between the two. Target: 20 ms away from commands (a command reaches the far display 100 ms
// later: that is latency, not clock). Exits 1 when the target is missed.
// BENCH_SKEW_SECONDS changes the length; BENCH_SKEW_PORT the server's port (the proxy's is +1).
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { io, type Socket } from 'socket.io-client';
import { openDatabase } from '../src/lib/server/db/client';
import { classSessions, displays } from '../src/lib/server/db/schema';
import { startServer, untilListening } from '../tests/server-process';
import { startLatencyProxy } from './latency-proxy';
import { prepareRooms } from './live-setup';
import { clockErrorOf, framesOf, isSynced, openDisplay } from './display-probe';
import { shownDifferences, summarize, type Frame, type Summary } from './skew-analysis';

const SECONDS = Number(process.env.BENCH_SKEW_SECONDS ?? 60);
const SERVER_PORT = Number(process.env.BENCH_SKEW_PORT ?? 4298);
const PROXY_PORT = SERVER_PORT + 1;
const FAST_BY_MS = 3 * 60_000;
const ONE_WAY_MS = 100;
const TARGET_MS = 20;
/**
 * Wall displays are on before a class starts: the class starts this long after the pages open,
 * past a display's first seconds (see ClockSync.start's settle sync).
 */
const WARM_UP_MS = 10_000;
/** How long after a command the displays may disagree because one heard of it later. */
const SETTLE_MS = 1000;
/** The phone's commands during the run, at these seconds into it. */
const SCRIPT: [number, { type: string; seconds?: number }][] = [
	[0.1, { type: 'pause' }],
	[0.2, { type: 'resume' }],
	[0.45, { type: 'pause' }],
	[0.55, { type: 'resume' }],
	[0.7, { type: 'pause' }],
	[0.8, { type: 'resume' }]
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A second display paired to the class's room, as staff would pair another TV. */
async function addDisplay(dataDir: string, sessionId: string): Promise<string> {
	const database = await openDatabase({ dataDir });
	try {
		const [session] = await database.db
			.select({ clinicId: classSessions.clinicId, roomId: classSessions.roomId })
			.from(classSessions)
			.where(eq(classSessions.id, sessionId));
		const token = randomBytes(32).toString('base64url');
		await database.db.insert(displays).values({
			clinicId: session!.clinicId,
			roomId: session!.roomId!,
			name: 'Bench display 2',
			tokenHash: createHash('sha256').update(token).digest('hex')
		});
		return token;
	} finally {
		await database.close();
	}
}

function connect(url: string, cookie: string): Promise<Socket> {
	const socket = io(url, {
		transports: ['websocket'],
		forceNew: true,
		reconnection: false,
		extraHeaders: { cookie }
	});
	return new Promise((resolve, reject) => {
		socket.once('connect', () => resolve(socket));
		socket.once('connect_error', reject);
	});
}

/** Round trip of a clock ping through the proxy: shows the added latency is really there. */
async function proxiedRoundTrip(url: string, cookie: string): Promise<number> {
	const socket = await connect(url, cookie);
	const trips: number[] = [];
	for (let i = 0; i < 5; i++) {
		const t0 = performance.now();
		await socket.emitWithAck('clock:ping', { t0: Date.now() });
		trips.push(performance.now() - t0);
	}
	socket.close();
	return Math.min(...trips);
}

const f1 = (ms: number) => `${ms.toFixed(1)} ms`;
const line = (name: string, s: Summary) =>
	`  ${name.padEnd(34)} n=${String(s.n).padEnd(5)} max ${f1(s.max).padEnd(9)} p99 ${f1(s.p99).padEnd(9)} median ${f1(s.median).padEnd(8)} mean B-A ${f1(s.meanSigned)}`;

if (!fs.existsSync('build/handler.js')) {
	console.error('No build: run `npm run build` first.');
	process.exit(1);
}
console.log(
	`\nClock skew: display A's clock ${FAST_BY_MS / 60_000} min fast, display B behind ${2 * ONE_WAY_MS} ms round trip, ${SECONDS} s`
);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'steady-skew-'));
const [room] = await prepareRooms({ dataDir }, 1);
const secondToken = await addDisplay(dataDir, room!.sessionId);
const server = startServer(SERVER_PORT, { DATA_DIR: dataDir }, 'http', { keepData: true });
const proxy = await startLatencyProxy(PROXY_PORT, SERVER_PORT, ONE_WAY_MS);
const browser = await chromium.launch({
	executablePath:
		process.env.CHROMIUM_PATH ??
		['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((file) => fs.existsSync(file)),
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--no-first-run'
	]
});
try {
	await untilListening(server, 120_000);
	const proxied = `http://localhost:${PROXY_PORT}`;
	const roundTrip = await proxiedRoundTrip(proxied, room!.phoneCookies[1]);
	const opened = Date.now();
	const a = await openDisplay(browser, server.url, room!.displayToken, FAST_BY_MS);
	const b = await openDisplay(browser, proxied, secondToken, 0);
	for (let i = 0; !((await isSynced(a)) && (await isSynced(b))); i++) {
		if (i > 300) throw new Error('the displays did not sync their clocks in 30 s');
		await sleep(100);
	}
	await sleep(Math.max(0, opened + WARM_UP_MS - Date.now()));

	const errorsAtStart = [await clockErrorOf(a, FAST_BY_MS), await clockErrorOf(b, 0)];

	const phone = await connect(server.url, room!.phoneCookies[0]);
	const sessionId = room!.sessionId;
	await phone.emitWithAck('class:join', { sessionId });
	let clientSeq = 0;
	const commandTimes: number[] = [];
	const send = async (command: { type: string; seconds?: number }) => {
		commandTimes.push(Date.now());
		const result = await phone.emitWithAck('class:command', {
			sessionId,
			clientCommandId: crypto.randomUUID(),
			clientSeq: ++clientSeq,
			command
		});
		if (!result.ok) throw new Error(`${command.type} refused: ${JSON.stringify(result)}`);
	};
	await send({ type: 'start' });
	// The first block is short: lengthen it so the whole run stays in one countdown.
	await send({ type: 'extend', seconds: 600 });
	await sleep(SETTLE_MS);
	const from = Date.now();
	for (const [share, command] of SCRIPT) {
		await sleep(Math.max(0, from + share * SECONDS * 1000 - Date.now()));
		await send(command);
	}
	await sleep(Math.max(0, from + SECONDS * 1000 - Date.now()));
	const to = Date.now();
	phone.close();

	const errorsAtEnd = [await clockErrorOf(a, FAST_BY_MS), await clockErrorOf(b, 0)];
	const [shownA, shownB] = [await framesOf(a), await framesOf(b)];
	if (process.env.BENCH_SKEW_SHOTS) {
		await a.screenshot({
			path: path.join(process.env.BENCH_SKEW_SHOTS, 'display-a-fast-clock.png')
		});
		await b.screenshot({
			path: path.join(process.env.BENCH_SKEW_SHOTS, 'display-b-slow-link.png')
		});
	}
	// Both stamps on the wall clock's base (they agree to well under a millisecond on one machine;
	// the correction only removes what a per-process time origin might add).
	const onWall = (frames: Frame[], baseMs: number) =>
		frames.map((frame) => ({ ...frame, at: frame.at + baseMs }));
	const framesA = onWall(shownA.frames, shownA.baseMs);
	const framesB = onWall(shownB.frames, shownB.baseMs).filter((f) => f.at >= from && f.at <= to);
	const quiet = (at: number) => commandTimes.every((t) => at < t - 50 || at > t + SETTLE_MS);
	const differences = shownDifferences(framesA, framesB, quiet);
	if (process.env.BENCH_SKEW_DUMP) {
		fs.writeFileSync(
			process.env.BENCH_SKEW_DUMP,
			JSON.stringify({ framesA, framesB, commandTimes })
		);
	}

	// The analysis must see an error where there is one: A against itself 30 ms late reads 30 ms.
	const late = framesA.map((frame) => ({ ...frame, at: frame.at + 30 }));
	const control = summarize(shownDifferences(framesA, late, quiet).running);
	if (Math.abs(control.median - 30) > 1) {
		throw new Error(`analysis check failed: a 30 ms lag read as ${f1(control.median)}`);
	}

	const steady = summarize(differences.steady);
	const signed = (ms: number) => `${ms >= 0 ? '+' : ''}${ms.toFixed(1)} ms`;
	const inRun = framesA.filter((frame) => frame.at >= from && frame.at <= to).length;
	const facts: [string, string][] = [
		['proxied round trip (clock ping)', f1(roundTrip)],
		['class started', `${WARM_UP_MS / 1000} s after the displays opened`],
		[
			'sync error, class start -> end',
			`A ${signed(errorsAtStart[0]!)} -> ${signed(errorsAtEnd[0]!)}, B ${signed(errorsAtStart[1]!)} -> ${signed(errorsAtEnd[1]!)}`
		],
		['frames in the run', `A ${inRun}, B ${framesB.length}`],
		['left out (clock read stalled)', `A ${shownA.stalled}, B ${shownB.stalled}`],
		['time bases of the pages differ by', f1(Math.abs(shownA.baseMs - shownB.baseMs))]
	];
	for (const [name, value] of facts) console.log(`  ${name.padEnd(34)} ${value}`);
	console.log('\nshown remaining time, display B minus display A, at the same instant');
	console.log(line('steady state (target applies)', steady));
	console.log(line('  of which running', summarize(differences.running)));
	console.log(line('including command transitions', summarize(differences.all)));
	const failed = !(steady.n > 0 && steady.max <= TARGET_MS);
	// `npm run bench` stops on a miss; this is its last step, so every number is printed first.
	process.exitCode = failed ? 1 : 0;
	console.log(
		`  target: steady-state max <= ${TARGET_MS} ms: ${failed ? 'FAIL' : 'PASS'} (${f1(steady.max)})`
	);
} finally {
	await browser.close();
	await proxy.close();
	server.child.kill('SIGTERM');
	await server.exited;
	fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exit();
