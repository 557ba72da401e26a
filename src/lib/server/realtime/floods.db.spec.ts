import { randomUUID } from 'node:crypto';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { participantEntries } from '../db/schema';
import { unpairedIdle } from './display';
import { FLOOD_REFUSAL } from './event-limits';
import { MAX_UNPAIRED_DISPLAYS_PER_ADDRESS } from './socket-auth';
import { connected, fingerprint, outcome, startClassServer, type TestServer } from './test-server';

let server: TestServer;

beforeAll(async () => {
	server = await startClassServer();
});
afterAll(() => server.close());

const phone = async (userId = server.clinic.technicianId) =>
	connected(server.staff(await server.cookieFor(userId)));

type Answer = { ok: boolean; code?: string; retry?: boolean };

function entry(participantId = server.clinic.participantId) {
	return {
		id: randomUUID(),
		sessionId: server.clinic.sessionId,
		participantId,
		recordedAt: Date.now(),
		deviceId: 'test-phone',
		payload: { kind: 'pain', value: 2 }
	};
}

const storedEntries = async () =>
	(await server.database.db.select({ n: count() }).from(participantEntries))[0]!.n;

describe('socket floods', () => {
	it('300 roster searches at once: most refused, and the server keeps answering', async () => {
		const socket = await phone();
		const quiet = await server.healthMs();
		const healthDuring: Promise<number>[] = [];
		const burst = Array.from(
			{ length: 300 },
			() => socket.emitWithAck('roster:search', { query: 'an' }) as Promise<Answer>
		);
		for (let i = 0; i < 5; i++) healthDuring.push(server.healthMs());
		const answers = await Promise.all(burst);
		const refused = answers.filter((a) => !a.ok && a.code === FLOOD_REFUSAL);
		const slowest = Math.max(...(await Promise.all(healthDuring)));
		console.log(
			`roster:search flood: ${refused.length}/300 refused, healthz ${slowest.toFixed(0)} ms (${quiet.toFixed(0)} ms before)`
		);
		expect(refused.length).toBeGreaterThan(270);
		expect(refused.every((a) => a.retry === true)).toBe(true);
		expect(slowest).toBeLessThan(1000);
		socket.close();
	});

	it('200 junk entries at once: refused quickly, kept by the phone (retry), nothing stored', async () => {
		const socket = await phone();
		const before = await fingerprint(server.database);
		const started = performance.now();
		// Well-formed, for the live class, about someone not in it.
		const answers = (await Promise.all(
			Array.from({ length: 200 }, () => socket.emitWithAck('entry:record', entry(randomUUID())))
		)) as Answer[];
		const took = performance.now() - started;
		const flooded = answers.filter((a) => a.code === FLOOD_REFUSAL);
		console.log(
			`entry:record flood: ${flooded.length}/200 refused unread in ${took.toFixed(0)} ms`
		);
		expect(flooded.length).toBeGreaterThan(140);
		expect(flooded.every((a) => a.retry === true)).toBe(true);
		expect(answers.every((a) => !a.ok)).toBe(true);
		expect(took).toBeLessThan(3000);
		expect(await fingerprint(server.database)).toBe(before);
		socket.close();
	});

	it('an outbox draining a backlog one entry at a time is slowed, never refused', async () => {
		const socket = await phone(server.clinic.coordinatorId);
		const before = await storedEntries();
		const started = performance.now();
		const refused: Answer[] = [];
		for (let i = 0; i < 150; i++) {
			const answer = (await socket.emitWithAck('entry:record', entry())) as Answer;
			if (!answer.ok) refused.push(answer);
		}
		const took = performance.now() - started;
		console.log(`outbox drain: 150 entries in ${took.toFixed(0)} ms`);
		expect(refused).toEqual([]);
		expect((await storedEntries()) - before).toBe(150);
		socket.close();
	});

	it('200 class joins at once: the other phones hear a few presence updates, not 200', async () => {
		const joiner = await phone();
		const watcher = await phone(server.clinic.coordinatorId);
		await watcher.emitWithAck('class:join', { sessionId: server.clinic.sessionId });
		await new Promise((resolve) => setTimeout(resolve, 700));
		let updates = 0;
		watcher.on('class:presence', () => updates++);
		const answers = (await Promise.all(
			Array.from({ length: 200 }, () =>
				joiner.emitWithAck('class:join', { sessionId: server.clinic.sessionId })
			)
		)) as Answer[];
		await new Promise((resolve) => setTimeout(resolve, 1500));
		console.log(
			`class:join flood: ${answers.filter((a) => !a.ok).length}/200 refused, ${updates} presence updates`
		);
		expect(answers.filter((a) => a.code === FLOOD_REFUSAL).length).toBeGreaterThan(150);
		expect(updates).toBeGreaterThanOrEqual(1);
		expect(updates).toBeLessThanOrEqual(4);
		joiner.close();
		watcher.close();
	});

	it('30 unpaired displays from one address: the extras are refused', async () => {
		const sockets = Array.from({ length: 30 }, () => server.display());
		const results = [];
		for (const socket of sockets) results.push(await outcome(socket));
		const refused = results.filter((r) => 'error' in r);
		expect(results.length - refused.length).toBe(MAX_UNPAIRED_DISPLAYS_PER_ADDRESS);
		expect(refused.map((r) => 'error' in r && r.error.data?.code)).toEqual(
			Array(30 - MAX_UNPAIRED_DISPLAYS_PER_ADDRESS).fill('busy')
		);
		// A paired display from the same address is not held back by them.
		expect(await outcome(server.display(server.clinic.displayToken))).toEqual({ connected: true });
		for (const socket of sockets) socket.close();
		await new Promise((resolve) => setTimeout(resolve, 200));
	});

	it('an unpaired display that asks for nothing is dropped; one showing a code is kept', async () => {
		const grace = unpairedIdle.graceMs;
		unpairedIdle.graceMs = 300;
		try {
			const idle = await connected(server.display());
			const pairing = await connected(server.display());
			expect(await pairing.emitWithAck('pairing:request', {})).toMatchObject({ ok: true });
			await new Promise((resolve) => setTimeout(resolve, 800));
			expect(idle.connected).toBe(false);
			expect(pairing.connected).toBe(true);
			pairing.close();
		} finally {
			unpairedIdle.graceMs = grace;
		}
	});
});
