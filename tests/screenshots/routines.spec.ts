import { expect, test } from '@playwright/test';
import { COORDINATOR, signIn } from '../helpers';

const OUT = 'docs/screenshots';

test('routine builder at 1280x800, preview running', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await signIn(page, COORDINATOR);
	await page.goto('/routines');
	await page.getByRole('link', { name: 'Core Strength', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Core Strength', level: 1 })).toBeVisible();
	// One block's dosing open, as a coordinator would have it while editing.
	const rotation = page.getByTestId('block').filter({ hasText: 'Seated trunk rotation' });
	await rotation.getByText(/^Dosing:/).click();
	await rotation.getByLabel('Hold (s)').fill('8');
	await page.getByRole('button', { name: '10x' }).click();
	await page.getByRole('button', { name: 'Play' }).click();
	const screen = page.frameLocator('iframe[title="Simulated wall display"]');
	await expect(screen.getByTestId('exercise-name')).toHaveText('Seated marching');
	await page.waitForTimeout(1500);
	await page.getByRole('button', { name: 'Pause' }).click();
	await page.evaluate(() => window.scrollTo(0, 0));
	await page.screenshot({ path: `${OUT}/routine-builder.png` });
});

test('routine builder at 1280x800, the exercise picker open', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await signIn(page, COORDINATOR);
	await page.goto('/routines');
	await page.getByRole('link', { name: 'Balance Basics', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Balance Basics', level: 1 })).toBeVisible();
	// Insert after the first main block, then look for a standing exercise.
	await page.getByRole('button', { name: /^Insert here, before 2\./ }).click();
	await page.getByText('Filters', { exact: true }).click();
	await page.getByLabel('Support tier').selectOption({ label: 'Standing' });
	const search = page.getByRole('combobox', { name: 'Find an exercise or rest' });
	await search.fill('walk');
	await search.press('ArrowDown');
	await expect(page.getByTestId('picker-popup')).toBeVisible();
	await page.evaluate(() => window.scrollTo(0, 0));
	await page.screenshot({ path: `${OUT}/planning-picker.png` });
});
