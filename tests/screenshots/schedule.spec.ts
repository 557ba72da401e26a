import { expect, test, type Page } from '@playwright/test';
import { COORDINATOR, signIn } from '../helpers';

const OUT = 'docs/screenshots';

/** Monday of next week, so every session shown is still to come and can be changed. */
function nextMonday(): string {
	const today = new Date();
	return new Date(
		Date.UTC(
			today.getFullYear(),
			today.getMonth(),
			today.getDate() - ((today.getDay() + 6) % 7) + 7
		)
	)
		.toISOString()
		.slice(0, 10);
}

async function openChange(page: Page, week: string, name: string, day: number) {
	await page.goto(`/schedule?week=${week}`);
	const cell = page.getByRole('row').nth(1).getByRole('cell').nth(day);
	await cell
		.getByRole('article', { name: new RegExp(`^${name}`) })
		.getByRole('link', { name: /^Cancel or move/ })
		.first()
		.click();
}

test('schedule week view at 1280x800, with one session cancelled and one moved', async ({
	page
}) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await signIn(page, COORDINATOR);
	const week = nextMonday();

	// Gym A row: Tuesday's Core Strength moves to Wednesday afternoon, Friday's Balance is cancelled.
	await openChange(page, week, 'Core Strength', 1);
	const move = page.getByRole('region', { name: 'Move this session' });
	const [y, m, d] = week.split('-').map(Number);
	const wednesday = new Date(Date.UTC(y!, m! - 1, d! + 2)).toISOString().slice(0, 10);
	await move.getByLabel('Day').fill(wednesday);
	await move.getByLabel('Starts at').fill('15:00');
	await move.getByLabel('Reason').fill('Staff training Tuesday');
	await move.getByRole('button', { name: 'Move session' }).click();
	await expect(page).toHaveURL(/\/schedule\?week=/);

	await openChange(page, week, 'Balance Basics', 4);
	const cancel = page.getByRole('region', { name: 'Cancel this session' });
	await cancel.getByLabel('Reason').fill('Gym floor repairs');
	await cancel.getByRole('button', { name: 'Cancel session' }).click();
	await expect(page.getByText('Cancelled: Gym floor repairs')).toBeVisible();

	await page.goto(`/schedule?week=${week}`);
	await page.screenshot({ path: `${OUT}/week-view.png` });
});

test('series form with a refused clash, and the rooms page, at 1280x800', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await signIn(page, COORDINATOR);
	await page.goto('/schedule/series/new');
	await page.getByLabel('Class name').fill('Pool Walking');
	await page.getByLabel('Type').selectOption('aquatic');
	const room = page.getByLabel('Room');
	await room.selectOption(
		(await room.locator('option', { hasText: 'Therapy Pool' }).getAttribute('value'))!
	);
	await page.getByLabel('Routine').selectOption({ index: 1 });
	await page.getByLabel('Lead technician').selectOption({ label: 'Casey Morgan' });
	await page.getByLabel('Places').fill('8');
	await page.getByRole('group', { name: 'Meets every week on' }).getByLabel('Saturday').check();
	await page.getByLabel('Starts at').fill('09:00');
	await page.getByRole('button', { name: 'Schedule series' }).click();
	await expect(page.getByRole('alert')).toBeVisible();
	await page.getByRole('group', { name: 'Assistants' }).scrollIntoViewIfNeeded();
	await page.screenshot({ path: `${OUT}/series-form.png` });

	await page.goto('/rooms');
	await page.screenshot({ path: `${OUT}/rooms.png`, fullPage: true });
});

test('schedule a routine: the prefilled series form, then the enrol step, at 1280x800', async ({
	page
}) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await signIn(page, COORDINATOR);
	await page.goto('/routines');
	await page.getByRole('link', { name: 'Balance Basics', exact: true }).click();
	await page.getByRole('link', { name: 'Schedule this routine' }).click();
	await expect(page.getByLabel('Starts at')).toBeFocused();
	await page.screenshot({ path: `${OUT}/planning-series-prefilled.png` });

	await page.getByLabel('Starts at').fill('17:30');
	await page.getByRole('button', { name: 'Schedule series' }).click();
	await expect(page.getByTestId('series-created')).toBeFocused();
	const candidates = page.getByTestId('enrol-candidates').getByRole('checkbox');
	await candidates.nth(0).check();
	await candidates.nth(1).check();
	await page.screenshot({ path: `${OUT}/planning-enrol-step.png` });
});
