import { expect, test, type Page } from '@playwright/test';
import { COORDINATOR, signIn } from '../helpers';
import { ownDemoServer } from '../own-demo-server';

// `npm run screenshots`: the safety and outcomes reports over the demo clinic's ten weeks of history.
const OUT = 'docs/screenshots';
const server = ownDemoServer(49, 'demo-history');

test.describe.configure({ timeout: 120_000 });

/** Waits until every figure with numbers has its chart drawn (Plot draws in the browser). */
async function drawn(page: Page) {
	const figures = page.locator('[data-chart-figure]');
	for (let i = 0; i < (await figures.count()); i++) {
		if ((await figures.nth(i).locator('table[data-chart-table]').count()) === 0) continue;
		await expect(figures.nth(i).locator('svg .chart-data').first()).toBeAttached();
	}
}

test('the safety report at 1280x800', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await signIn(page, COORDINATOR, undefined, server.url);
	await page.goto(`${server.url}/reports/safety`);
	await drawn(page);
	// From the big figure to the first chart: what a coordinator sees first.
	await page.evaluate(() => {
		document.querySelector('[data-testid="days-since"]')?.scrollIntoView();
		window.scrollBy(0, -16);
	});
	await page.screenshot({ path: `${OUT}/report-safety.png` });
});

test('the outcomes report at 1280x800', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await signIn(page, COORDINATOR, undefined, server.url);
	await page.goto(`${server.url}/reports/outcomes`);
	// The first participant with results: their chair stand against the cut-off for their age.
	const ids = await page
		.getByLabel('Participant', { exact: true })
		.locator('option')
		.evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
	for (const id of ids) {
		await page.goto(`${server.url}/reports/outcomes?participantId=${id}`);
		if ((await page.locator('[data-chart-figure] h3').count()) >= 2) break;
	}
	await drawn(page);
	await page.evaluate(() => {
		document.getElementById('person-heading')?.scrollIntoView();
		window.scrollBy(0, -16);
	});
	await page.screenshot({ path: `${OUT}/report-outcomes.png` });
});
