import { expect, test } from '../browser-test';
import { COORDINATOR, signIn } from '../helpers';
import { ownDemoServer } from '../own-demo-server';

// A clinic of this spec's own: it schedules a pool series.
const server = ownDemoServer(35);

/** Saturday of next week (YYYY-MM-DD): ahead, and free of the demo's weekday classes. */
function nextWeeksSaturday(): string {
	const today = new Date();
	const monday = new Date(
		Date.UTC(today.getFullYear(), today.getMonth(), today.getDate() - ((today.getDay() + 6) % 7))
	);
	monday.setUTCDate(monday.getUTCDate() + 7 + 5);
	return monday.toISOString().slice(0, 10);
}

test('a pool refused for its staff ratio offers times with a technician free to assist', async ({
	page
}) => {
	await signIn(page, COORDINATOR, undefined, server.url);
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto(`${server.url}/schedule/series/new`);
	await page.getByLabel('Class name').fill('Weekend Water');
	await page.getByLabel('Type').selectOption({ label: 'Aquatic' });
	const room = page.getByLabel('Room');
	await room.selectOption(
		(await room.locator('option', { hasText: 'Therapy Pool' }).getAttribute('value'))!
	);
	const routine = page.getByLabel('Routine');
	await routine.selectOption(
		(await routine.locator('option', { hasText: 'Balance Basics' }).getAttribute('value'))!
	);
	// Casey leads alone: 8 places in a pool of 4 per staff member need one assistant.
	await page.getByLabel('Lead technician').selectOption({ label: 'Casey Morgan' });
	await page.getByLabel('Places').fill('8');
	await page.getByRole('group', { name: 'Meets every week on' }).getByLabel('Saturday').check();
	await page.getByLabel('Starts at').fill('16:00');
	await page.getByLabel('Minutes').fill('45');
	await page.getByLabel('First day').fill(nextWeeksSaturday());
	await page.getByRole('button', { name: 'Schedule series' }).click();

	const assistants = page.getByRole('group', { name: 'Assistants' });
	await expect(assistants).toContainText('4 participants per staff member');
	const free = page.getByRole('group', { name: 'Free that week' });
	await expect(free).toContainText('someone free to assist');
	// The refused time itself comes first: Jordan is free then, every week.
	const first = free.getByRole('button').first();
	await expect(first).toHaveAccessibleName(
		/^Use Saturday, .+, 4:00\s?PM, with Jordan Lee assisting$/
	);
	await free.scrollIntoViewIfNeeded();
	await page.screenshot({ path: 'test-results/shots/free-slots-ratio.png' });
	await expect(assistants.getByLabel('Jordan Lee')).not.toBeChecked();
	await first.focus();
	await page.keyboard.press('Enter');
	await expect(assistants.getByLabel('Jordan Lee')).toBeChecked();
	await expect(page.getByLabel('Starts at')).toHaveValue('16:00');
	await expect(page.getByLabel('Starts at')).toBeFocused();

	await page.getByRole('button', { name: 'Schedule series' }).click();
	await expect(page).toHaveURL(/\/schedule\/series\/[0-9a-f-]+\?created$/);
	await expect(page.getByTestId('series-created')).toHaveText(
		'Weekend Water is scheduled. Next: enrol participants.'
	);
});
