import { expect, test, type BrowserContext, type Page } from '../browser-test';
import { COORDINATOR, TECHNICIAN, signIn } from '../helpers';

test.describe.configure({ timeout: 150_000 });

/**
 * Cuts the app's socket off while pages still load: a clinic Wi-Fi that lets a page through now
 * and then but no live connection. `open()` lets sockets through again; `sent` lists the entry
 * ids every tab of the context sends from then on (a routed socket is read here, not by the page).
 * Everything the server sends arrives a second late, in order.
 */
async function blockSockets(context: BrowserContext) {
	let blocked = true;
	const sent: string[] = [];
	await context.routeWebSocket(/\/socket\.io\//, (ws) => {
		if (blocked) return void ws.close();
		const server = ws.connectToServer();
		ws.onMessage((message) => {
			const match = /^42\d*(\[.*)$/s.exec(String(message));
			const [event, body] = match ? (JSON.parse(match[1]!) as [string, { id: string }]) : [];
			if (event === 'entry:record') sent.push(body!.id);
			server.send(message);
		});
		// A slow link once open: sending takes seconds, so two tabs would overlap if they could.
		server.onMessage((message) => setTimeout(() => ws.send(message), 1000));
	});
	await context.route(/\/socket\.io\//, (route) =>
		blocked ? route.abort('connectionrefused') : route.fallback()
	);
	return { open: () => (blocked = false), sent };
}

/** Runs in the page: stores a refused copy of a waiting entry, as a refusal would leave it. */
async function refuseACopy(error: string) {
	const db = await new Promise<IDBDatabase>((resolve, reject) => {
		const open = indexedDB.open('steady-outbox');
		open.onsuccess = () => resolve(open.result);
		open.onerror = () => reject(open.error);
	});
	const store = db.transaction('outbox', 'readwrite').objectStore('outbox');
	const all = await new Promise<{ entry: { id: string }; state: string }[]>((resolve) => {
		const request = store.getAll();
		request.onsuccess = () => resolve(request.result);
	});
	const waiting = all.find((record) => record.state === 'saved')!;
	store.put({
		...waiting,
		entry: { ...waiting.entry, id: crypto.randomUUID() },
		state: 'refused',
		error,
		settledAt: Date.now()
	});
	await new Promise((resolve) => (store.transaction.oncomplete = resolve));
	db.close();
}

async function openBalanceBasics(page: Page) {
	await page.goto('/control');
	await page
		.getByRole('region', { name: 'Gym A' })
		.getByRole('link', { name: /Balance Basics/ })
		.click();
	await expect(page.getByTestId('connection')).toHaveText('Connected');
}

test('entries recorded offline on a class page are sent from the home page, and the badge says so', async ({
	browser
}, testInfo) => {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
	let page = await context.newPage();
	await signIn(page, TECHNICIAN);
	await expect(page.getByTestId('unsent-badge')).toHaveCount(0);
	await openBalanceBasics(page);

	// Offline at the pool: three marks and an effort rating wait on the phone.
	await context.setOffline(true);
	await expect(page.getByTestId('connection')).toHaveText('No connection', { timeout: 15_000 });
	const rows = page.getByTestId('roster-row');
	// A mark each row does not have yet (other tests of the suite mark this class too).
	const marks: { name: string; label: string }[] = [];
	for (const row of [0, 1, 2]) {
		const choice = rows.nth(row).getByRole('group').getByRole('button', { pressed: false });
		const label = (await choice.first().textContent())!.trim();
		marks.push({ name: (await rows.nth(row).getAttribute('data-participant'))!, label });
		await choice.first().click();
	}
	const names = marks.map((mark) => mark.name);
	await rows.nth(0).getByRole('button', { name: 'Record…' }).click();
	const sheet = page.getByTestId('entry-sheet');
	await sheet.getByRole('tab', { name: 'Effort' }).click();
	await sheet.getByRole('button', { name: /plus 1$/ }).click();
	await sheet.getByRole('button', { name: 'Save' }).click();
	await expect(sheet.getByTestId('sheet-message')).toContainText('Saved');
	await sheet.getByRole('button', { name: 'Close' }).click();
	await expect(page.getByTestId('sync-summary')).toContainText('4 saved on phone');
	// The header says it too, once they have waited a moment.
	await expect(page.getByTestId('unsent-badge')).toHaveText(/4 unsent/);

	// The class page is closed. Pages load again, but the live connection does not come back.
	await page.close();
	const sockets = await blockSockets(context);
	await context.setOffline(false);
	page = await context.newPage();
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	const badge = page.getByTestId('unsent-badge');
	await expect(badge).toHaveText(/^\s*◷\s*4 unsent\s*$/);
	await page.screenshot({ path: testInfo.outputPath('phone-badge.png') });

	// One tap opens the list: who, what, which class, when, and that it waits.
	await badge.click();
	await expect(badge).toHaveAttribute('aria-expanded', 'true');
	const list = page.getByTestId('unsent-list');
	await expect(list).toContainText('No connection');
	const listed = list.getByTestId('unsent-row');
	await expect(listed).toHaveCount(4);
	for (const row of await listed.all()) {
		await expect(row).toHaveAttribute('data-state', 'saved');
		await expect(row).toContainText('Balance Basics');
		await expect(row).toContainText('Waiting');
	}
	for (const { name, label } of marks) await expect(list).toContainText(`${name} · ${label}`);
	await expect(list).toContainText(`${names[0]} · RPE 11`);
	await page.screenshot({ path: testInfo.outputPath('phone-list.png') });

	// A refusal is listed with its reason until it is dismissed. (Written into the outbox here:
	// the server refuses nothing the class page lets through.)
	await page.evaluate(refuseACopy, 'That participant is not in this class');
	await expect(badge).toHaveText(/4 unsent · 1 refused/);
	const refusedRow = list.locator('[data-testid=unsent-row][data-state=refused]');
	await expect(refusedRow).toContainText('Refused: That participant is not in this class');
	await page.screenshot({ path: testInfo.outputPath('phone-list-refused.png') });
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.screenshot({ path: testInfo.outputPath('laptop-list.png') });
	await badge.click();
	await expect(list).toHaveCount(0);
	await page.screenshot({ path: testInfo.outputPath('laptop-badge.png') });
	await page.setViewportSize({ width: 390, height: 844 });

	// The connection is back. Two tabs of the app open at once, neither of them a class page:
	// they send what waits, one tab at a time, so each entry goes once.
	await page.close();
	sockets.open();
	page = await context.newPage();
	const second = await context.newPage();
	await Promise.all([page.goto('/'), second.goto('/control')]);
	const home = page.getByTestId('unsent-badge');
	await expect(home).toHaveText(/^\s*◷\s*1 refused\s*$/, { timeout: 20_000 });
	await home.click();
	await page.getByRole('button', { name: 'Dismiss' }).click();
	await expect(home).toHaveCount(0);
	await expect(page.getByTestId('unsent-list')).toHaveCount(0);
	await expect(second.getByTestId('unsent-badge')).toHaveCount(0);
	expect(sockets.sent).toHaveLength(4);
	expect(new Set(sockets.sent).size).toBe(4);

	// On the server: a colleague's phone (its own outbox, empty) sees the three marks.
	const colleague = await browser.newContext({ viewport: { width: 390, height: 844 } });
	const other = await colleague.newPage();
	await signIn(other, COORDINATOR);
	await openBalanceBasics(other);
	for (const { name, label } of marks) {
		const mark = other
			.locator(`[data-testid=roster-row][data-participant="${name}"]`)
			.getByRole('button', { name: label, exact: true });
		await expect(mark).toHaveAttribute('aria-pressed', 'true');
	}
	const first = other.getByTestId('roster-row').nth(0);
	await first.getByTestId('participant-name').click();
	await expect(first.getByTestId('history')).toContainText('RPE 11');

	// And this phone shows them synced when the class is opened again.
	await openBalanceBasics(page);
	await expect(page.getByTestId('sync-summary')).toHaveText(/All synced/);
	await Promise.all([context.close(), colleague.close()]);
});
