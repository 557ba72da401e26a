import fs from 'node:fs';
import { expect, test } from '../browser-test';
import type { EntryPayload } from '../../src/lib/shared/entries';
import { demoClass, storedEntryIds, type DemoClass } from '../fault-database';
import { FaultPhone, type PhoneCounts } from '../fault-phone';
import {
	e2ePort,
	type RunningServer,
	signInCookie,
	startServer,
	untilListening
} from '../server-process';
import { FaultyProxy } from '../tcp-proxy';

// Its own server (it kills it) and proxy, on ports the suite's server and other runs don't use.
const SERVER_PORT = e2ePort(12);
const PROXY_PORT = e2ePort(13);
const TOTAL = 1000;
const PRODUCE_MS = 24_000;
/** When, after the phones start recording, the server is killed (and at once restarted). */
const KILLS_AT_MS = [6_000, 15_500];
const DRAIN_LIMIT_MS = 30_000;
const TECHNICIAN = 'technician@example.org';
const COORDINATOR = 'coordinator@example.org';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** mulberry32: the proxy's faults and the entries are replayable with FAULT_SEED (timing isn't). */
function seeded(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** The kinds a technician records most in a class, with values the server accepts. */
function payloadFor(n: number, random: () => number): EntryPayload {
	switch (n % 4) {
		case 0:
			return { kind: 'attendance', status: 'present' };
		case 1:
			return { kind: 'pain', value: Math.floor(random() * 11) };
		case 2:
			return { kind: 'exertion', scale: 'borg_6_20', value: 6 + Math.floor(random() * 15) };
		default:
			return { kind: 'note', text: `Fault test note ${n}` };
	}
}

/** One phone's entries, spread evenly over the recording time, about its class's roster. */
async function record(phone: FaultPhone, count: number, demo: DemoClass, random: () => number) {
	for (let n = 0; n < count; n++) {
		const participantId = demo.participantIds[Math.floor(random() * demo.participantIds.length)]!;
		phone.record(demo.sessionId, participantId, payloadFor(n, random));
		await sleep(PRODUCE_MS / count);
	}
}

function sum(phones: FaultPhone[], key: keyof PhoneCounts): number {
	return phones.reduce((total, phone) => total + phone.counts[key], 0);
}

test('1,000 entries through a flapping link and two SIGKILLs are each stored exactly once', async () => {
	test.setTimeout(150_000);
	const seed = Number(process.env.FAULT_SEED ?? Math.floor(Math.random() * 2 ** 31));
	const random = seeded(seed);
	let server: RunningServer = startServer(SERVER_PORT, {}, 'http', { keepData: true });
	const dataDir = server.dataDir;
	const runs = [server];
	const restart = () => {
		server = startServer(SERVER_PORT, { DATA_DIR: dataDir }, 'http', { keepData: true });
		runs.push(server);
		return server;
	};
	const proxy = new FaultyProxy({ listenPort: PROXY_PORT, targetPort: SERVER_PORT, random });
	const phones: FaultPhone[] = [];
	let passed = false;
	try {
		// A fresh demo clinic, stopped once so its class and roster can be read from the database.
		await untilListening(server);
		server.child.kill('SIGTERM');
		await server.exited;
		const demo = await demoClass(dataDir, TECHNICIAN);
		await untilListening(restart());

		await proxy.listen();
		for (const [i, email] of [TECHNICIAN, TECHNICIAN, COORDINATOR].entries()) {
			const cookie = await signInCookie(server.url, email);
			phones.push(new FaultPhone(`fault-phone-${i + 1}`, proxy.url, cookie));
		}
		await expect.poll(() => phones.every((phone) => phone.counts.connects > 0)).toBe(true);

		const started = Date.now();
		proxy.setFlapping(true);
		let kills = 0;
		const killer = (async () => {
			for (const at of KILLS_AT_MS) {
				await sleep(at - (Date.now() - started));
				server.child.kill('SIGKILL');
				await server.exited;
				kills++;
				// Down for a moment: the phones keep recording into their outboxes meanwhile.
				await sleep(500 + random() * 1000);
				await untilListening(restart());
			}
		})();
		const shares = [334, 333, 333];
		await Promise.all([
			killer,
			...phones.map((phone, i) => record(phone, shares[i]!, demo, random))
		]);
		// More flapping with nothing new to send, then a calm link to drain the outboxes.
		await sleep(3_000);
		proxy.setFlapping(false);
		const drainStarted = Date.now();
		await expect
			.poll(() => phones.reduce((total, phone) => total + phone.pending, 0), {
				timeout: DRAIN_LIMIT_MS,
				intervals: [250]
			})
			.toBe(0);
		const drainMs = Date.now() - drainStarted;

		const synced = phones.flatMap((phone) => phone.ids('synced'));
		const created = new Set(phones.flatMap((phone) => phone.ids()));
		for (const phone of phones) phone.close();
		server.child.kill('SIGTERM');
		expect(await server.exited).toBe(0);

		const rows = await storedEntryIds(dataDir);
		const before = new Set(demo.entryIdsBefore);
		const stored = new Set(rows);
		const ours = rows.filter((id) => created.has(id));
		const strangers = rows.filter((id) => !created.has(id) && !before.has(id));
		const syncedMissing = synced.filter((id) => !stored.has(id));

		console.log(
			[
				`entries-faults (FAULT_SEED=${seed}, drained in ${drainMs} ms after the link calmed)`,
				`  entries created        ${created.size}`,
				`  synced acks            ${sum(phones, 'syncedAcks')}`,
				`  duplicate acks         ${sum(phones, 'duplicateAcks')}`,
				`  sends / resends        ${sum(phones, 'sends')} / ${sum(phones, 'resends')}`,
				`  unanswered sends       ${sum(phones, 'ackTimeouts')} timed out, ${sum(phones, 'cutOff')} cut off`,
				`  refusals               ${sum(phones, 'refusals')}`,
				`  passing failures (kept) ${sum(phones, 'retryable')}`,
				`  (re)connects / errors  ${sum(phones, 'connects')} / ${sum(phones, 'connectErrors')}`,
				`  proxy connections      ${proxy.counts.connections} (${proxy.counts.refused} refused: server down)`,
				`  proxy delayed chunks   ${proxy.counts.delayedChunks}`,
				`  proxy drops / resets   ${proxy.counts.drops} / ${proxy.counts.resets} (${proxy.counts.lostChunks} chunks lost in flight)`,
				`  proxy stalls           ${proxy.counts.stalls}`,
				`  server SIGKILLs        ${kills}`,
				`  rows in the database   ${rows.length} (${ours.length} from the phones, ${before.size} before)`,
				`  synced, not stored     ${syncedMissing.length}`,
				`  stored, not created    ${strangers.length}`
			].join('\n')
		);

		expect(phones.flatMap((phone) => phone.refusals)).toEqual([]);
		expect(kills).toBe(2);
		expect(created.size).toBe(TOTAL);
		// Shown synced means stored: an ack before the commit would show up here after a SIGKILL.
		expect(syncedMissing).toEqual([]);
		expect(synced).toHaveLength(TOTAL);
		expect(ours).toHaveLength(TOTAL);
		expect(rows).toHaveLength(stored.size);
		expect(strangers).toEqual([]);
		// The faults really happened (a quiet run proves nothing).
		expect(proxy.counts.drops + proxy.counts.resets).toBeGreaterThan(5);
		expect(sum(phones, 'resends')).toBeGreaterThan(0);
		expect(sum(phones, 'duplicateAcks')).toBeGreaterThan(0);
		passed = true;
	} finally {
		for (const phone of phones) phone.close();
		await proxy.close();
		server.child.kill('SIGKILL');
		await server.exited;
		if (passed) {
			fs.rmSync(dataDir, { recursive: true, force: true });
		} else {
			for (const [i, run] of runs.entries()) {
				console.log(`server run ${i + 1} stderr:\n${run.output().stderr.slice(-2000)}`);
			}
			console.log(`entries-faults: data kept in ${dataDir} (FAULT_SEED=${seed})`);
		}
	}
});
