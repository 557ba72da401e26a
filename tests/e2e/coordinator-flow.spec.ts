import { expect, test, type Page } from '../browser-test';
import { COORDINATOR, DEMO_PASSWORD, signIn } from '../helpers';
import { KeyCounter } from '../key-counter';
import { ownDemoServer } from '../own-demo-server';

/**
 * Issue 15's proof: a coordinator goes from nothing to a full weekly class by keyboard alone:
 * a new routine of three exercises found by name in the picker, one inserted between the other
 * two, saved, scheduled from its own page with the prefilled series form, and two participants
 * enrolled from the step offered next. Every key is counted and the total printed (target: < 60).
 * Its own server: a routine and a series are added.
 */
test.describe.configure({ timeout: 150_000 });
const server = ownDemoServer(2);
const TARGET = 60;

const focused = (page: Page) => page.locator(':focus');
const blockNames = (page: Page) =>
	page.getByTestId('block').getByTestId('block-name').allTextContents();

test('a routine to a full class by keyboard alone, in under 60 key presses', async ({ page }) => {
	await signIn(page, COORDINATOR, DEMO_PASSWORD, server.url);
	await page.goto(`${server.url}/routines`);
	const keys = new KeyCounter(page);

	// The skip link, then the new routine's name: the first field of the page.
	await keys.press('Tab');
	await expect(focused(page)).toHaveAttribute('href', '#main');
	await keys.press('Enter');
	await keys.press('Tab');
	await expect(page.getByLabel('Name')).toBeFocused();
	await keys.type('Steps');
	await keys.press('Enter');
	await expect(page.getByRole('heading', { name: 'Steps', level: 1 })).toBeVisible();
	await expect(focused(page)).toContainText('Routine created.');
	keys.step('create the routine');

	// Three exercises by name; the third goes between the first two.
	const search = page.getByRole('combobox', { name: 'Find an exercise or rest' });
	await keys.press('Tab');
	await expect(search).toBeFocused();
	await keys.type('sit');
	await keys.press('Enter');
	await keys.type('calf');
	await keys.press('Enter');
	await keys.press('Tab');
	await expect(page.getByLabel('Insert', { exact: true })).toBeFocused();
	await keys.press('ArrowUp');
	await keys.press('Shift+Tab');
	await expect(search).toBeFocused();
	await keys.type('mar');
	await keys.press('Enter');
	await expect(page.getByTestId('block')).toHaveCount(3);
	expect(await blockNames(page)).toEqual(['Sit-to-stand', 'Marching warm-up', 'Calf raises']);
	keys.step('pick three, one inserted');

	await keys.tabTo(
		async () =>
			page
				.getByRole('button', { name: 'Save routine' })
				.evaluate((b) => b === document.activeElement),
		5
	);
	await keys.press('Enter');
	await expect(focused(page)).toContainText('Saved.');
	keys.step('save');

	// Scheduled from its own page: the link sits just before the confirmation.
	const schedule = page.getByRole('link', { name: 'Schedule this routine' });
	await keys.tabTo(
		async () => schedule.evaluate((a) => a === document.activeElement),
		3,
		'Shift+Tab'
	);
	await keys.press('Enter');
	await expect(page.getByLabel('Class name')).toHaveValue('Steps');
	await expect(page.getByLabel('Type')).toHaveValue('balance');
	await expect(page.getByLabel('Starts at')).toBeFocused();
	// Only the time is left to answer; Enter in it sends the form.
	await keys.type('0530P');
	await expect(page.getByLabel('Starts at')).toHaveValue('17:30');
	await keys.press('Enter');
	await expect(page.getByTestId('series-created')).toBeFocused();
	keys.step('schedule it (prefilled form)');

	// The next step: enrol, the best matches first.
	const candidates = page.getByTestId('enrol-candidates').getByRole('checkbox');
	const chosen = [
		await candidates.nth(0).getAttribute('value'),
		await candidates.nth(1).getAttribute('value')
	];
	await keys.press('Tab');
	await expect(candidates.nth(0)).toBeFocused();
	await keys.press('Space');
	await keys.press('Tab');
	await expect(candidates.nth(1)).toBeFocused();
	await keys.press('Space');
	await keys.press('Enter');
	await expect(page.getByTestId('enrol-result')).toBeFocused();
	await expect(page.getByTestId('enrol-result')).toContainText('Enrolled in the series');
	keys.step('enrol two');

	console.info(`Coordinator flow by keyboard (target < ${TARGET}): ${keys.report()}`);
	expect(keys.presses).toBeLessThan(TARGET);

	// What the keys made is really there: after a reload the two are no longer candidates.
	await page.reload();
	const left = page.getByTestId('enrol-candidates').getByRole('checkbox');
	await expect(left.first()).toBeVisible();
	const values = await left.evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value));
	for (const id of chosen) expect(values).not.toContain(id);
});
