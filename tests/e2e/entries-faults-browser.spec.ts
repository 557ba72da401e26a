import fs from 'node:fs';
import { expect, test, type Browser, type BrowserContext, type Page } from '../browser-test';
import { demoClass, storedEntryIds } from '../fault-database';
import { COORDINATOR, TECHNICIAN } from '../helpers';
import {
	e2ePort,
	type RunningServer,
	signInCookie,
	startServer,
	untilListening
} from '../server-process';
import { FaultyProxy } from '../tcp-proxy';

// Its own server (it kills it) and proxy, on ports of their own (E2E_PORT + 14 and + 15).
const SERVER_PORT = e2ePort(14);
const PROXY_PORT = SERVER_PORT + 1;
/**
 * UI actions per phone: attendance taps, with an entry-sheet save every SHEET_EVERY-th. Kept
 * small (real clicks cost ~0.8 s each on 2 busy cores): the 1,000-entry count is the socket-level
 * spec's job (entries-faults.spec.ts); this one proves the browser's outbox and screens.
 */
const ACTIONS_PER_PHONE = 52;
const SHEET_EVERY = 13;
const PHONES = [TECHNICIAN, TECHNICIAN, COORDINATOR];
/** The server is SIGKILLed (and restarted) when the phones have done these many actions. */
const KILL_AFTER_ACTIONS = [50, 100];
const DRAIN_LIMIT_MS = 60_000;
const TAPS = ['Present', 'Late', 'Absent', 'Excused', 'Left early'];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

type OutboxRow = { id: string; state: string; error?: string };

/** What one browser sent and heard on its sockets, read from the websocket frames. */
type Wire = {
	sends: Map<string, number>;
	syncedAcks: number;
	duplicateAcks: number;
	/** ms from each entry:record to its answer. */
	rtt: number[];
};

/**
 * Watches a page's socket.io frames: `42<ack>["entry:record",{…}]` out, `43<ack>[{…}]` back.
 * Only counts: the outbox itself is read from IndexedDB, the rows from the database.
 */
function watchWire(page: Page): Wire {
	const wire: Wire = { sends: new Map(), syncedAcks: 0, duplicateAcks: 0, rtt: [] };
	page.on('websocket', (ws) => {
		const asked = new Map<string, string>();
		const sentAt = new Map<string, number>();
		ws.on('framesent', ({ payload }) => {
			const match = /^42(\d+)(\[.*)$/s.exec(String(payload));
			if (!match) return;
			const [event, body] = JSON.parse(match[2]!) as [string, { id: string }];
			if (event !== 'entry:record') return;
			asked.set(match[1]!, body.id);
			sentAt.set(match[1]!, Date.now());
			wire.sends.set(body.id, (wire.sends.get(body.id) ?? 0) + 1);
		});
		ws.on('framereceived', ({ payload }) => {
			const match = /^43(\d+)(\[.*)$/s.exec(String(payload));
			if (!match || !asked.has(match[1]!)) return;
			const [answer] = JSON.parse(match[2]!) as [{ ok: boolean; duplicate?: boolean }];
			wire.rtt.push(Date.now() - sentAt.get(match[1]!)!);
			if (answer.ok) wire[answer.duplicate ? 'duplicateAcks' : 'syncedAcks']++;
		});
	});
	return wire;
}

/** Runs in the page: the outbox as IndexedDB holds it (the same store the app writes). */
function readOutbox(): Promise<OutboxRow[]> {
	return new Promise((resolve, reject) => {
		const open = indexedDB.open('steady-outbox');
		open.onerror = () => reject(open.error);
		open.onsuccess = () => {
			const db = open.result;
			const request = db.transaction('outbox').objectStore('outbox').getAll();
			request.onsuccess = () => {
				db.close();
				resolve(
					(request.result as { entry: { id: string }; state: string; error?: string }[]).map(
						(r) => ({ id: r.entry.id, state: r.state, error: r.error })
					)
				);
			};
		};
	});
}

type Phone = { context: BrowserContext; page: Page; wire: Wire; actions: number };

async function openPhone(
	browser: Browser,
	email: string,
	serverUrl: string,
	classUrl: string
): Promise<Phone> {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
	const cookie = await signInCookie(serverUrl, email);
	const [name, value] = cookie.split('=') as [string, string];
	await context.addCookies([{ name, value, domain: 'localhost', path: '/' }]);
	const page = await context.newPage();
	const wire = watchWire(page);
	await page.goto(classUrl);
	await expect(page.getByTestId('connection')).toHaveText('Connected', { timeout: 20_000 });
	return { context, page, wire, actions: 0 };
}

/** A technician's taps on their share of the roster: attendance marks and effort ratings. */
async function recordOn(phone: Phone, rows: number[]) {
	const { page } = phone;
	const roster = page.getByTestId('roster-row');
	const sheet = page.getByTestId('entry-sheet');
	for (let n = 0; n < ACTIONS_PER_PHONE; n++) {
		const row = roster.nth(rows[n % rows.length]!);
		// As a technician would: the row to the middle of the screen, clear of the pinned control
		// bar and state banner (Playwright would otherwise retry its tap until they move away).
		await row.evaluate((element) => element.scrollIntoView({ block: 'center' }));
		if (n % SHEET_EVERY === SHEET_EVERY - 1) {
			await row.getByRole('button', { name: 'Record…' }).click();
			await sheet.getByRole('tab', { name: 'Pain' }).click();
			await sheet.getByRole('button', { name: /plus 1$/ }).click();
			await sheet.getByRole('button', { name: 'Save' }).click();
			await expect(sheet.getByTestId('sheet-message')).toContainText('Saved');
			await sheet.getByRole('button', { name: 'Close' }).click();
		} else {
			// Each row's marks go round the options, so every tap changes the mark (one entry).
			const tap = TAPS[Math.floor(n / rows.length) % TAPS.length]!;
			// A real tap, after Playwright's checks: a forced one lands beside its button when a
			// row grows meanwhile (a "Left at" line, a waiting mark), and opens a sheet instead.
			await row.getByRole('button', { name: tap, exact: true }).click();
		}
		phone.actions++;
	}
}

test('three browser phones through a flapping link and two SIGKILLs: every entry stored once', async ({
	browser
}) => {
	test.setTimeout(360_000);
	let server: RunningServer = startServer(SERVER_PORT, {}, 'http', { keepData: true });
	const dataDir = server.dataDir;
	const runs = [server];
	const restart = () => {
		server = startServer(SERVER_PORT, { DATA_DIR: dataDir }, 'http', { keepData: true });
		runs.push(server);
		return server;
	};
	// Up to 60 ms per chunk: a busy clinic Wi-Fi, and a drain that fits the time limit.
	const proxy = new FaultyProxy({
		listenPort: PROXY_PORT,
		targetPort: SERVER_PORT,
		maxDelayMs: 60
	});
	const phones: Phone[] = [];
	let passed = false;
	try {
		// A fresh demo clinic, stopped once so its class and roster can be read from the database.
		await untilListening(server);
		server.child.kill('SIGTERM');
		await server.exited;
		const demo = await demoClass(dataDir, TECHNICIAN);
		await untilListening(restart());
		await proxy.listen();

		// The phones load the class through the proxy: everything they send crosses it.
		const classUrl = `${proxy.url}/control/${demo.sessionId}`;
		for (const email of PHONES) phones.push(await openPhone(browser, email, server.url, classUrl));
		await phones[0]!.page.getByRole('button', { name: 'Start', exact: true }).click();
		await expect(phones[0]!.page.getByRole('button', { name: 'Pause' })).toBeVisible();
		const rowCount = await phones[0]!.page.getByTestId('roster-row').count();
		expect(rowCount).toBeGreaterThanOrEqual(PHONES.length);

		const started = Date.now();
		const waiting = async () => {
			let total = 0;
			for (const phone of phones) {
				total += (await phone.page.evaluate(readOutbox)).filter((r) => r.state === 'saved').length;
			}
			return total;
		};
		proxy.setFlapping(true);
		let kills = 0;
		let recording = true;
		const actions = () => phones.reduce((total, phone) => total + phone.actions, 0);
		const killer = (async () => {
			for (const after of KILL_AFTER_ACTIONS) {
				while (recording && actions() < after) await sleep(100);
				if (!recording) return;
				server.child.kill('SIGKILL');
				await server.exited;
				kills++;
				// Down for a moment: the phones keep recording into their outboxes meanwhile.
				await sleep(500 + Math.random() * 1000);
				await untilListening(restart());
			}
		})();
		// Each phone takes its own rows, so its marks follow one another.
		await Promise.all(
			phones.map((phone, i) =>
				recordOn(
					phone,
					Array.from({ length: rowCount }, (_, row) => row).filter(
						(row) => row % PHONES.length === i
					)
				)
			)
		);
		recording = false;
		const waitingAtEnd = await waiting();
		await killer;
		const recordMs = Date.now() - started;
		// More flapping with nothing new to record, then a calm link to drain the outboxes.
		await sleep(3_000);
		proxy.setFlapping(false);
		const drainStarted = Date.now();
		await expect.poll(waiting, { timeout: DRAIN_LIMIT_MS, intervals: [500] }).toBe(0);
		const drainMs = Date.now() - drainStarted;
		// What each phone's screen says: all synced, and no unsent badge in the header.
		const screens = async () =>
			Promise.all(
				phones.map(async ({ page }) => {
					const summary = await page.getByTestId('sync-summary').textContent();
					const badges = await page.getByTestId('unsent-badge').count();
					return /All synced/.test(summary ?? '') && badges === 0 ? 'all synced' : summary;
				})
			);
		let shown = await screens();
		for (let tries = 0; tries < 20 && shown.some((s) => s !== 'all synced'); tries++) {
			await sleep(250);
			shown = await screens();
		}

		const outboxes = await Promise.all(phones.map((phone) => phone.page.evaluate(readOutbox)));
		const all = outboxes.flat();
		const created = new Set(all.map((r) => r.id));
		const synced = all.filter((r) => r.state === 'synced').map((r) => r.id);
		const refused = all.filter((r) => r.state === 'refused');
		const wire = phones.map((phone) => phone.wire);
		const sends = wire.flatMap((w) => [...w.sends.values()]);
		for (const phone of phones) await phone.context.close();
		server.child.kill('SIGTERM');
		expect(await server.exited).toBe(0);

		const rows = await storedEntryIds(dataDir);
		const before = new Set(demo.entryIdsBefore);
		const stored = new Set(rows);
		const ours = rows.filter((id) => created.has(id));
		const strangers = rows.filter((id) => !created.has(id) && !before.has(id));
		const syncedMissing = synced.filter((id) => !stored.has(id));
		const duplicates = rows.length - stored.size;

		console.log(
			[
				`entries-faults-browser (recorded in ${recordMs} ms, ${waitingAtEnd} still waiting then; drained in ${drainMs} ms after the link calmed)`,
				`  entries created (IndexedDB)  ${created.size}`,
				`  synced in the outboxes       ${synced.length}`,
				`  refused                      ${refused.length}`,
				`  synced acks / duplicate acks ${sum(wire, 'syncedAcks')} / ${sum(wire, 'duplicateAcks')}`,
				`  sends / resends              ${sends.reduce((a, b) => a + b, 0)} / ${sends.reduce((a, b) => a + b - 1, 0)}`,
				`  ack round trip, median       ${median(wire.flatMap((w) => w.rtt))} ms`,
				`  proxy connections            ${proxy.counts.connections} (${proxy.counts.refused} refused: server down)`,
				`  proxy drops / resets         ${proxy.counts.drops} / ${proxy.counts.resets} (${proxy.counts.lostChunks} chunks lost in flight)`,
				`  proxy stalls                 ${proxy.counts.stalls}`,
				`  server SIGKILLs              ${kills}`,
				`  rows in the database         ${rows.length} (${ours.length} from the phones, ${before.size} before)`,
				`  duplicate rows               ${duplicates}`,
				`  synced, not stored           ${syncedMissing.length}`,
				`  stored, not created          ${strangers.length}`,
				`  phones' screens              ${shown.join(' / ')}`
			].join('\n')
		);

		expect(refused).toEqual([]);
		expect(kills).toBe(2);
		expect(shown).toEqual(phones.map(() => 'all synced'));
		// Every action made one entry (each tap changes its row's mark; each sheet save is one).
		expect(created.size).toBe(PHONES.length * ACTIONS_PER_PHONE);
		// Shown synced means stored: an ack before the commit would show up here after a SIGKILL.
		expect(syncedMissing).toEqual([]);
		expect(synced).toHaveLength(created.size);
		expect(ours).toHaveLength(created.size);
		expect(duplicates).toBe(0);
		expect(strangers).toEqual([]);
		// The faults really happened (a quiet run proves nothing).
		expect(proxy.counts.drops + proxy.counts.resets).toBeGreaterThan(5);
		expect(sends.some((count) => count > 1)).toBe(true);
		passed = true;
	} finally {
		for (const phone of phones) await phone.context.close().catch(() => undefined);
		await proxy.close();
		server.child.kill('SIGKILL');
		await server.exited;
		if (passed) {
			fs.rmSync(dataDir, { recursive: true, force: true });
		} else {
			for (const [i, run] of runs.entries()) {
				console.log(`server run ${i + 1} stderr:\n${run.output().stderr.slice(-2000)}`);
			}
			console.log(`entries-faults-browser: data kept in ${dataDir}`);
		}
	}
});

function sum(wires: Wire[], key: 'syncedAcks' | 'duplicateAcks'): number {
	return wires.reduce((total, wire) => total + wire[key], 0);
}

function median(values: number[]): number {
	return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
}
