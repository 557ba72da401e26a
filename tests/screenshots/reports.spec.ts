import { expect, test, type Page } from '@playwright/test';
import { COORDINATOR, signIn } from '../helpers';
import { ownDemoServer } from '../own-demo-server';

const OUT = 'docs/screenshots';

// The attendance and tolerance reports over ten weeks of made-up history, for the README's
// "Reports" section: the whole page on a laptop, and its top on a phone.
const server = ownDemoServer(47, 'demo-history');
test.describe.configure({ mode: 'serial' });

// The attendance page runs long (a row per class below capacity): its top is what the README needs.
const TALLEST = 2400;

async function shoot(page: Page, path: string, name: string) {
	for (const [width, height, suffix] of [
		[1280, 800, ''],
		[390, 844, '-phone']
	] as const) {
		await page.setViewportSize({ width, height });
		await page.goto(`${server.url}${path}`);
		await expect(page.locator('[data-chart-figure] svg[role="img"]').first()).toBeVisible();
		const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
		await page.screenshot({
			path: `${OUT}/${name}${suffix}.png`,
			fullPage: true,
			clip: { x: 0, y: 0, width, height: Math.min(pageHeight, TALLEST) }
		});
	}
}

test('attendance report', async ({ page }) => {
	await signIn(page, COORDINATOR, undefined, server.url);
	await shoot(page, '/reports/attendance', 'report-attendance');
});

test('tolerance report', async ({ page }) => {
	await signIn(page, COORDINATOR, undefined, server.url);
	await shoot(page, '/reports/tolerance', 'report-tolerance');
});
