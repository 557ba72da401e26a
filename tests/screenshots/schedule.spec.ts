import { expect, test } from '@playwright/test';
import { COORDINATOR, signIn } from '../helpers';

const OUT = 'docs/screenshots';

test('schedule week view at 1280x800', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await signIn(page, COORDINATOR);
	await page.goto('/schedule');
	await expect(page.getByRole('table')).toBeVisible();
	await page.screenshot({ path: `${OUT}/week-view.png` });
});
