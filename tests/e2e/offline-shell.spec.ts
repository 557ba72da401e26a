import { expect, test, type BrowserContext, type Page } from '../browser-test';
import { TECHNICIAN, signIn } from '../helpers';

const OFFLINE_MESSAGE = 'No connection and this page was not opened before on this phone';

/** How many responses the service worker keeps in its runtime (signed-in pages) cache. */
function storedPages(page: Page): Promise<string[]> {
	return page.evaluate(async () => {
		const urls: string[] = [];
		// Only names that exist: caches.open() would create the cache it is asked about.
		for (const name of await caches.keys()) {
			if (!name.startsWith('steady-pages-')) continue;
			const cache = await caches.open(name);
			for (const request of await cache.keys()) urls.push(new URL(request.url).pathname);
		}
		return urls;
	});
}

/** setOffline must cut the service worker off too, or the cache would never be what answers. */
async function workerIsOffline(context: BrowserContext): Promise<boolean> {
	const [worker] = context.serviceWorkers();
	expect(worker, 'the service worker runs').toBeDefined();
	return worker!.evaluate(() =>
		fetch('/healthz', { cache: 'no-store' }).then(
			() => false,
			() => true
		)
	);
}

/** Signs in and opens Balance Basics as a technician does; returns the class page's path. */
async function openClassOnce(page: Page): Promise<string> {
	await signIn(page, TECHNICIAN);
	await page.goto('/control');
	// SvelteKit registers the worker on load; it takes over the open page when it activates.
	await page.evaluate(() => navigator.serviceWorker.ready);
	// Activation precaches the app's files first, then claims the page. Chromium now and then
	// leaves an already-open page unclaimed; a reload is always controlled, as for a user.
	await expect
		.poll(
			async () => {
				if (await page.evaluate(() => !!navigator.serviceWorker.controller)) return true;
				await page.reload();
				await page.evaluate(() => navigator.serviceWorker.ready);
				return page.evaluate(() => !!navigator.serviceWorker.controller);
			},
			{ timeout: 20_000, intervals: [1000, 2000, 3000] }
		)
		.toBe(true);
	await page.reload(); // the class list now comes through the worker

	// Open a class by tapping it, as a technician does: a client-side navigation.
	await page
		.getByRole('region', { name: 'Gym A' })
		.getByRole('link', { name: /Balance Basics/ })
		.click();
	await expect(page).toHaveURL(/\/control\/[0-9a-f-]{36}$/);
	const classPath = new URL(page.url()).pathname;
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Balance Basics');
	await expect(page.getByTestId('connection')).toHaveText('Connected');
	// The page itself (not only its data) is kept in the background.
	await expect.poll(() => storedPages(page)).toContain(classPath);
	return classPath;
}

test('the controller reloads offline once opened, and sign-out forgets it', async ({
	page,
	context
}) => {
	const classPath = await openClassOnce(page);

	await context.setOffline(true);
	expect(await workerIsOffline(context)).toBe(true);
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Balance Basics');
	await expect(page.getByTestId('connection')).toHaveText('No connection');

	// Back to the list and into the class again, still offline.
	await page.getByRole('link', { name: '‹ Classes' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Run a class' })).toBeVisible();
	await page
		.getByRole('region', { name: 'Gym A' })
		.getByRole('link', { name: /Balance Basics/ })
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Balance Basics');

	// A class never opened on this phone says so plainly.
	await page.goto('/control/00000000-0000-4000-8000-000000000000');
	await expect(page.locator('body')).toContainText(OFFLINE_MESSAGE);

	// Signing out forgets every stored page; the app's own files stay.
	await context.setOffline(false);
	await page.goto(classPath);
	expect((await storedPages(page)).length).toBeGreaterThan(0);
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page).toHaveURL(/\/sign-in/);
	await expect.poll(() => storedPages(page)).toEqual([]);
	expect(await page.evaluate(() => caches.keys())).toContainEqual(
		expect.stringMatching(/^steady-shell-/)
	);

	// And so the class with its participants' names is gone from this phone.
	await context.setOffline(true);
	await page.goto(classPath);
	await expect(page.locator('body')).toContainText(OFFLINE_MESSAGE);
});

test('a network that hangs gives way to the stored copy after a few seconds', async ({
	page,
	context
}) => {
	const classPath = await openClassOnce(page);
	// Pool Wi-Fi that answers nothing: the page request (sent by the worker) never completes.
	await context.route(`**${classPath}`, () => {});
	const started = Date.now();
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Balance Basics');
	const waited = Date.now() - started;
	expect(waited, 'the network was tried first').toBeGreaterThanOrEqual(3500);
	expect(waited, 'and given up on after about 4 s').toBeLessThan(10_000);
});
