/**
 * `npm run test:cluster` (run by .ci/run, not by `npm test`): three Steady processes on one
 * PostgreSQL and one Redis, behind nginx, behave like one. Real processes, real sockets, a real
 * load balancer; phones and displays are socket.io clients speaking the pages' events.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { after, before, test } from 'node:test';
import { io, type Socket } from 'socket.io-client';
import {
	classState,
	type Command,
	type LogEntry,
	type RoutinePlan
} from '../../src/lib/shared/timeline';
import { signInCookie, uploadExercisePicture } from '../server-process';
import { getFrom, startCluster, type Cluster } from './cluster-setup';

let cluster: Cluster;
let cookie: string;
let sessionId: string;
let roomId: string;
const sockets: Socket[] = [];

before(async () => {
	cluster = await startCluster();
	cookie = await signInCookie(cluster.processes[0]!.url);
	// Today's first gym class, moved to now: the test is about processes, not start windows.
	const [row] = await cluster.sql<{ id: string; room_id: string }[]>`
		select s.id, s.room_id from class_sessions s join rooms r on r.id = s.room_id
		where r.kind = 'gym' and s.status = 'scheduled'
		order by abs(extract(epoch from s.starts_at - now())) limit 1`;
	sessionId = row!.id;
	roomId = row!.room_id;
	await cluster.sql`update class_sessions set starts_at = now() where id = ${sessionId}`;
});

after(async () => {
	for (const socket of sockets) socket.close();
	await cluster?.stop();
});

function connect(url: string, namespace: '/' | '/display', options: object = {}): Socket {
	const socket = io(`${url}${namespace}`, {
		transports: ['websocket'],
		forceNew: true,
		reconnectionDelay: 500,
		reconnectionDelayMax: 1000,
		...options
	});
	sockets.push(socket);
	return socket;
}

async function ask<T = Record<string, unknown>>(
	socket: Socket,
	event: string,
	payload: object = {}
): Promise<T & { ok: boolean; error?: string }> {
	return socket.timeout(15_000).emitWithAck(event, payload);
}

function phoneOn(url: string): Socket {
	return connect(url, '/', { extraHeaders: { cookie } });
}

/** What a socket heard of the class: the sequence numbers, in the order they arrived. */
function heard(socket: Socket): LogEntry[] {
	const entries: LogEntry[] = [];
	socket.on('class:applied', (payload: { sessionId: string; entry: LogEntry }) => {
		if (payload.sessionId === sessionId) entries.push(payload.entry);
	});
	return entries;
}

/** A display pairs as the real one does: it shows a code, a phone enters it, it claims a token. */
async function pairDisplay(displayServer: string, phoneServer: string, name: string) {
	const screen = connect(displayServer, '/display');
	const code = await ask<{ code: string; secret: string }>(screen, 'pairing:request');
	assert.ok(code.ok, code.error);
	const paired = new Promise((resolve) => screen.once('pairing:paired', resolve));
	const response = await fetch(`${phoneServer}/control/pair`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			cookie,
			origin: phoneServer,
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'application/json',
			'x-sveltekit-action': 'true'
		},
		body: new URLSearchParams({ code: code.code, roomId, name }).toString()
	});
	const body = (await response.json()) as { type: string };
	assert.equal(body.type, 'success', JSON.stringify(body));
	// The phone's server told the display's server, through Redis.
	await withTimeout(paired, 10_000, 'pairing:paired never reached the display');
	const claim = await ask<{ token: string }>(screen, 'pairing:claim', {
		code: code.code,
		secret: code.secret
	});
	assert.ok(claim.ok, claim.error);
	screen.close();
	return claim.token;
}

async function displayOn(url: string, token: string, options: object = {}) {
	const screen = connect(url, '/display', { auth: { token }, ...options });
	const hello = await ask<{ snapshot: { live: { log: LogEntry[]; plan: RoutinePlan } | null } }>(
		screen,
		'display:hello'
	);
	assert.ok(hello.ok, hello.error);
	return { screen, entries: heard(screen), snapshot: hello.snapshot };
}

async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(message)), ms);
	});
	try {
		return await Promise.race([promise, timeout]);
	} finally {
		clearTimeout(timer);
	}
}

async function until(check: () => boolean | Promise<boolean>, ms: number, message: string) {
	const deadline = Date.now() + ms;
	while (Date.now() < deadline) {
		if (await check()) return;
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	throw new Error(message);
}

let clientSeq = 0;
function command(phone: Socket, cmd: Command) {
	return ask<{ seq: number }>(phone, 'class:command', {
		sessionId,
		clientCommandId: randomUUID(),
		clientSeq: ++clientSeq,
		command: cmd
	});
}

const seqs = (entries: LogEntry[]) => entries.map((entry) => entry.seq);
const range = (from: number, to: number) =>
	Array.from({ length: to - from + 1 }, (_, i) => from + i);

async function storedSeqs(): Promise<number[]> {
	const rows = await cluster.sql<{ seq: number }[]>`
		select seq from class_commands where session_id = ${sessionId} order by seq`;
	return rows.map((row) => row.seq);
}

const [A, B, C] = [0, 1, 2];
let tokens: string[] = [];

void test('a display on B is paired by a phone on A; /healthz sees three processes', async () => {
	const [a, b, c] = cluster.processes.map((p) => p.url);
	tokens = [await pairDisplay(b!, a!, 'Cluster TV B'), await pairDisplay(c!, a!, 'Cluster TV C')];
	for (const p of cluster.processes) {
		const health = (await (await fetch(`${p.url}/healthz`)).json()) as {
			cluster: { processes: number; redis: string };
		};
		assert.deepEqual(health.cluster, { redis: 'ok', processes: 3 });
	}
});

void test('a picture uploaded through A is served by B and C, each with a DATA_DIR of its own', async () => {
	const [a, b, c] = cluster.processes.map((p) => p.url);
	const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
	const picture = Buffer.concat([signature, Buffer.alloc(400_000, 3)]);
	assert.equal(await uploadExercisePicture(a!, 'Cluster picture', picture), 303);
	const [row] = await cluster.sql<{ media_file: string }[]>`
		select media_file from exercises where name = 'Cluster picture'`;
	for (const url of [b!, c!]) {
		const whole = await fetch(`${url}/media/${row!.media_file}`);
		assert.equal(whole.status, 200);
		assert.ok(Buffer.from(await whole.arrayBuffer()).equals(picture));
		const part = await fetch(`${url}/media/${row!.media_file}`, {
			headers: { range: 'bytes=300000-300009' }
		});
		assert.equal(part.status, 206);
		assert.ok(Buffer.from(await part.arrayBuffer()).equals(picture.subarray(300_000, 300_010)));
	}
});

void test('every command from a phone on A reaches displays on B and C, in order', async () => {
	const urls = cluster.processes.map((p) => p.url);
	const phone = phoneOn(urls[A]!);
	assert.ok((await ask(phone, 'class:join', { sessionId })).ok);
	const onB = await displayOn(urls[B]!, tokens[0]!);
	const onC = await displayOn(urls[C]!, tokens[1]!);
	const kinds: Command[] = [
		{ type: 'start' },
		{ type: 'pause' },
		{ type: 'resume' },
		{ type: 'next' },
		{ type: 'extend', seconds: 30 },
		{ type: 'back' },
		{ type: 'jump', blockIndex: 2 },
		{ type: 'pause' },
		{ type: 'resume' }
	];
	for (const kind of kinds) {
		const result = await command(phone, kind);
		assert.ok(result.ok, `${kind.type}: ${result.error}`);
	}
	await until(
		() => onB.entries.length === kinds.length && onC.entries.length === kinds.length,
		10_000,
		`displays heard ${onB.entries.length} and ${onC.entries.length} of ${kinds.length}`
	);
	assert.deepEqual(seqs(onB.entries), range(1, kinds.length));
	assert.deepEqual(onC.entries, onB.entries);
	onB.screen.close();
	onC.screen.close();
	phone.close();
});

void test('two phones on A and C pressing at the same instant both apply, in one order everywhere', async () => {
	const urls = cluster.processes.map((p) => p.url);
	const phoneA = phoneOn(urls[A]!);
	const phoneC = phoneOn(urls[C]!);
	for (const phone of [phoneA, phoneC]) {
		assert.ok((await ask(phone, 'class:join', { sessionId })).ok);
	}
	const screen = await displayOn(urls[B]!, tokens[0]!);
	const heardA = heard(phoneA);
	const heardC = heard(phoneC);
	const before = (await storedSeqs()).length;
	for (let round = 0; round < 10; round++) {
		const [fromA, fromC] = await Promise.all([
			command(phoneA, { type: 'back' }),
			command(phoneC, { type: 'jump', blockIndex: 1 })
		]);
		assert.ok(fromA.ok && fromC.ok, `${fromA.error ?? ''} ${fromC.error ?? ''}`);
		assert.notEqual(fromA.seq, fromC.seq);
	}
	const expected = range(before + 1, before + 20);
	assert.deepEqual((await storedSeqs()).slice(before), expected);
	await until(
		() => screen.entries.length === 20 && heardA.length === 20 && heardC.length === 20,
		10_000,
		`heard ${screen.entries.length}, ${heardA.length}, ${heardC.length} of 20`
	);
	assert.deepEqual(seqs(screen.entries), expected);
	// The same commands, in the same order, on a display and on both phones (phones see names).
	const strip = (entries: LogEntry[]) =>
		entries.map(({ seq, at, command }) => ({ seq, at, command }));
	assert.deepEqual(strip(heardA), screen.entries);
	assert.deepEqual(strip(heardC), screen.entries);
	for (const socket of [phoneA, phoneC, screen.screen]) socket.close();
});

void test('restarting Redis loses no command', async () => {
	const urls = cluster.processes.map((p) => p.url);
	const phone = phoneOn(urls[A]!);
	assert.ok((await ask(phone, 'class:join', { sessionId })).ok);
	const onB = await displayOn(urls[B]!, tokens[0]!);
	const onC = await displayOn(urls[C]!, tokens[1]!);
	const before = (await storedSeqs()).length;
	let acknowledged = 0;
	await cluster.restartRedis(async () => {
		// Redis is down: the commands are stored in PostgreSQL and answered; their broadcasts wait.
		for (const kind of ['pause', 'resume', 'next'] as const) {
			const result = await command(phone, { type: kind });
			assert.ok(result.ok, result.error);
			acknowledged++;
		}
	});
	const result = await command(phone, { type: 'back' });
	assert.ok(result.ok, result.error);
	const expected = range(before + 1, before + acknowledged + 1);
	await until(
		() => onB.entries.length === expected.length && onC.entries.length === expected.length,
		20_000,
		`after the restart, displays heard ${seqs(onB.entries)} and ${seqs(onC.entries)} of ${expected}`
	);
	assert.deepEqual(seqs(onB.entries), expected);
	assert.deepEqual(onC.entries, onB.entries);
	for (const socket of [phone, onB.screen, onC.screen]) socket.close();
});

void test('killing the process a display is on moves it to another, at the right block', async () => {
	const phone = phoneOn(cluster.processes[A]!.url);
	assert.ok((await ask(phone, 'class:join', { sessionId })).ok);
	// ip_hash picks the process by an address's first three octets: find one nginx sends to B.
	const pidOfB = cluster.processes[B]!.server.child.pid!;
	let address = '';
	for (let i = 1; i < 60 && !address; i++) {
		const health = JSON.parse(await getFrom(`127.${i}.0.1`, `${cluster.url}/healthz`)) as {
			process: string;
		};
		if (health.process.split(':')[1] === String(pidOfB)) address = `127.${i}.0.1`;
	}
	assert.ok(address, 'no loopback address reaches B');
	const agent = new http.Agent({ localAddress: address } as http.AgentOptions);
	const screen = connect(cluster.url, '/display', { auth: { token: tokens[0] }, agent });
	const snapshots: { live: { log: LogEntry[]; plan: RoutinePlan } | null }[] = [];
	screen.on('display:snapshot', (snapshot) => snapshots.push(snapshot));
	// The display page says hello on every connect; so does this one.
	screen.on('connect', () => {
		void ask<{ snapshot: (typeof snapshots)[number] }>(screen, 'display:hello').then(
			(hello) => hello.ok && snapshots.push(hello.snapshot)
		);
	});
	await until(() => snapshots.length > 0, 10_000, 'no snapshot through nginx');

	cluster.processes[B]!.server.child.kill('SIGKILL');
	const killedAt = Date.now();
	const moved = await command(phone, { type: 'jump', blockIndex: 3 });
	assert.ok(moved.ok, moved.error);
	const seen = snapshots.length;
	await until(() => snapshots.length > seen, 15_000, 'the display did not come back');
	const reconnectMs = Date.now() - killedAt;
	const live = snapshots.at(-1)!.live!;
	assert.equal(live.log.at(-1)!.seq, moved.seq);
	const now = Date.now();
	assert.equal(classState(live.plan, live.log, now).blockIndex, 3);
	console.log(`display back on another process ${reconnectMs} ms after the kill`);
	// Well within socket.io's reconnect delay (0.5-1 s here, up to 5 s on the real page) plus a start.
	assert.ok(reconnectMs < 10_000, `took ${reconnectMs} ms`);
	for (const socket of [phone, screen]) socket.close();
});
