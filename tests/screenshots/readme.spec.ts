import { expect, test } from '@playwright/test';
import { COORDINATOR, TECHNICIAN, signIn } from '../helpers';

// `npm run screenshots`: the pictures in the README, from the real production build.
const OUT = 'docs/screenshots';

test('home page at 1280x800', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await signIn(page, COORDINATOR);
	await expect(page.getByRole('region', { name: 'Gym A' })).toBeVisible();
	await page.screenshot({ path: `${OUT}/home.png` });
});

test('sign-in and home on a phone (390x844)', async ({ browser }) => {
	const phone = await browser.newPage({
		viewport: { width: 390, height: 844 },
		deviceScaleFactor: 2
	});
	await phone.goto('/sign-in');
	await phone.screenshot({ path: `${OUT}/sign-in-phone.png` });
	await signIn(phone, TECHNICIAN);
	await expect(phone.getByRole('region', { name: 'Therapy Pool' })).toBeVisible();
	await phone.screenshot({ path: `${OUT}/home-phone.png` });
	await phone.close();
});
