import { expect, test, type Page } from '@playwright/test';
import { COORDINATOR, sessionCookie } from '../helpers';

// Pictures for the README's rosters part: a roster after an automatic promotion, its printout.
const OUT = 'docs/screenshots';

async function signInQuickly(page: Page) {
	const baseURL = test.info().project.use.baseURL!;
	const cookie = await sessionCookie(page.request, baseURL, COORDINATOR);
	const [name, value] = cookie.split('=') as [string, string];
	await page.context().addCookies([{ name, value, url: baseURL }]);
}

async function enrol(page: Page, name: string) {
	await page.getByLabel('Name', { exact: true }).fill(name);
	await page.getByRole('button', { name: 'Search' }).click();
	await page.getByRole('button', { name: `Enrol ${name} in this class` }).click();
	await expect(page.getByRole('status')).toContainText(name);
}

test('roster page after a promotion, and its print view', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await signInQuickly(page);
	await page.goto('/control');
	const href = (await page.getByRole('link', { name: /Core Strength/ }).getAttribute('href'))!;
	await page.goto(`/schedule/sessions/${href.split('/').pop()}`);
	const next = page.getByRole('link', { name: 'Next in series ›' });
	const nextHref = (await next.getAttribute('href'))!;
	await next.click();
	await expect(page).toHaveURL(nextHref);

	await enrol(page, 'Eleanor Whitfield');
	await enrol(page, 'Hiroshi Tanaka');
	await enrol(page, 'Rosa Delgado');
	await page.getByRole('button', { name: 'Cancel Eleanor Whitfield for this class' }).click();
	await expect(page.getByRole('status')).toContainText('Promoted');
	await page.screenshot({ path: `${OUT}/roster.png`, fullPage: true });

	await page.emulateMedia({ media: 'print' });
	await page.screenshot({ path: `${OUT}/roster-print.png`, fullPage: true });
	await page.emulateMedia({ media: 'screen' });

	await page.goto('/participants?q=walter');
	await page.getByRole('link', { name: 'Kowalski, Walter' }).click();
	await page.getByRole('button', { name: 'Enrol in the Aquatic Balance series' }).click();
	await expect(page.getByRole('alert')).toContainText('Chlorine allergy');
	await page.screenshot({ path: `${OUT}/participant-override.png` });
});

test('new participant form with its field errors', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await signInQuickly(page);
	await page.goto('/participants/new');
	await page.getByLabel('First name').fill('Marguerite');
	await page.getByRole('checkbox', { name: 'Fear of water' }).check();
	await page.getByRole('button', { name: 'Add participant' }).click();
	await expect(page.getByText('Enter the last name')).toBeVisible();
	await page.screenshot({ path: `${OUT}/participant-form.png`, fullPage: true });
});
