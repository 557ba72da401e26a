import { expect, test } from '@playwright/test';
import { COORDINATOR, TECHNICIAN, signIn } from '../helpers';

// The pool check on the phone before an aquatic class, and the pool part of clinic settings.
const OUT = 'docs/screenshots';

test('pool check on a phone (390x844), then done', async ({ browser }) => {
	const phone = await browser.newPage({
		viewport: { width: 390, height: 844 },
		deviceScaleFactor: 2
	});
	await signIn(phone, TECHNICIAN);
	await phone.goto('/control');
	await phone.getByRole('region', { name: 'Therapy Pool' }).getByRole('link').first().click();
	await expect(phone.getByTestId('connection')).toHaveText('Connected');
	const check = phone.getByTestId('pool-check');
	await check.getByRole('spinbutton', { name: 'Water temperature (°C)' }).fill('34.2');
	await check.getByRole('spinbutton', { name: 'Free chlorine (ppm)' }).fill('2.0');
	await check.getByRole('spinbutton', { name: 'pH' }).fill('7.9');
	await check.getByLabel('Emergency equipment checked').check();
	await check.getByLabel('Lifeguard or rescuer present').check();
	await check.getByLabel('Why the class goes ahead anyway').fill('Retested after dosing: 7.7');
	await check.scrollIntoViewIfNeeded();
	await phone.evaluate(() =>
		document.querySelector('[data-testid="pool-check"]')?.scrollIntoView()
	);
	await phone.screenshot({ path: `${OUT}/phone-pool-check.png` });

	await check.getByRole('button', { name: 'Record pool check' }).click();
	await expect(phone.getByTestId('pool-check-done')).toBeVisible();
	await phone.evaluate(() => window.scrollTo(0, 0));
	// Still connected: recording the check does not restart the class's socket.
	await expect(phone.getByTestId('connection')).toHaveText('Connected');
	await expect(phone.getByTestId('phone-now')).toContainText('Not started');
	await phone.screenshot({ path: `${OUT}/phone-pool-check-done.png` });
	// The start checklist: the pool check ticked, a display and the headcount still to come.
	await phone.getByTestId('pool-start').evaluate((element) => element.scrollIntoView());
	await phone.screenshot({ path: `${OUT}/phone-pool-checklist.png` });
	await phone.close();
});

test('pool settings at 1280x800', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await signIn(page, COORDINATOR);
	await page.goto('/settings');
	await page.getByRole('region', { name: 'Default exertion scale' }).scrollIntoViewIfNeeded();
	await page.evaluate(() => document.getElementById('scale-heading')?.scrollIntoView());
	await page.screenshot({ path: `${OUT}/settings-pool.png` });
});
