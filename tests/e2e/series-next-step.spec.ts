import { expect, test, type Page } from '../browser-test';
import { COORDINATOR, signIn } from '../helpers';
import { ownDemoServer } from '../own-demo-server';

// A clinic of this spec's own: it schedules series, enrols people and moves a session.
const server = ownDemoServer(31);
test.describe.configure({ mode: 'serial' });

/** Saturday of next week (YYYY-MM-DD): ahead, and free of the demo's weekday classes at 16:00. */
function nextWeeksSaturday(): string {
	const today = new Date();
	const monday = new Date(
		Date.UTC(today.getFullYear(), today.getMonth(), today.getDate() - ((today.getDay() + 6) % 7))
	);
	monday.setUTCDate(monday.getUTCDate() + 7 + 5);
	return monday.toISOString().slice(0, 10);
}
const SATURDAY = nextWeeksSaturday();

async function fillSeries(page: Page, name: string, time: string) {
	await page.goto(`${server.url}/schedule/series/new`);
	await page.getByLabel('Class name').fill(name);
	await page.getByLabel('Type').selectOption({ label: 'Balance' });
	const room = page.getByLabel('Room');
	await room.selectOption(
		(await room.locator('option', { hasText: 'Gym A' }).getAttribute('value'))!
	);
	const routine = page.getByLabel('Routine');
	await routine.selectOption(
		(await routine.locator('option', { hasText: 'Balance Basics' }).getAttribute('value'))!
	);
	await page.getByLabel('Lead technician').selectOption({ label: 'Jordan Lee' });
	await page.getByLabel('Places').fill('8');
	await page.getByRole('group', { name: 'Meets every week on' }).getByLabel('Saturday').check();
	await page.getByLabel('Starts at').fill(time);
	await page.getByLabel('Minutes').fill('45');
	await page.getByLabel('First day').fill(SATURDAY);
}

test('after a series is created, two participants are enrolled from the next step by keyboard', async ({
	page
}) => {
	await signIn(page, COORDINATOR, undefined, server.url);
	await fillSeries(page, 'Weekend Steps', '16:00');
	await page.getByRole('button', { name: 'Schedule series' }).click();

	await expect(page).toHaveURL(/\/schedule\/series\/[0-9a-f-]+\?created$/);
	const created = page.getByTestId('series-created');
	await expect(created).toHaveText('Weekend Steps is scheduled. Next: enrol participants.');
	await expect(created).toBeFocused();
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.screenshot({ path: 'test-results/shots/enrol-step.png' });

	// The best matches come first, each with why (a class of the type attended, a goal's word).
	const candidates = page.getByTestId('enrol-candidates').getByRole('checkbox');
	await expect(candidates.first()).toBeVisible();
	const firstRow = page.getByTestId('enrol-candidates').getByRole('listitem').first();
	await expect(firstRow).toContainText(/attended Balance Basics \d+×|goal: \S+/);
	const names = await page
		.getByTestId('enrol-candidates')
		.locator('.name')
		.evaluateAll((spans) => spans.slice(0, 2).map((span) => span.textContent ?? ''));

	// Keyboard only: Tab, Space, Tab, Space, Enter.
	const keys = ['Tab', 'Space', 'Tab', 'Space', 'Enter'];
	await page.keyboard.press('Tab');
	await expect(candidates.nth(0)).toBeFocused();
	await page.keyboard.press('Space');
	await page.keyboard.press('Tab');
	await expect(candidates.nth(1)).toBeFocused();
	await page.keyboard.press('Space');
	await page.keyboard.press('Enter');
	console.log(`enrol step: ${keys.length} key presses (${keys.join(', ')})`);

	const result = page.getByTestId('enrol-result');
	await expect(result).toHaveText(`Enrolled in the series: ${names.join(', ')}.`);
	await expect(result).toBeFocused();
	await expect(page.getByText('2 participants are enrolled.')).toBeVisible();
	for (const name of names) {
		await expect(page.getByRole('checkbox', { name: new RegExp(`^${name}`) })).toHaveCount(0);
	}
});

test('"Enrol selected" with nobody ticked says so and enrols nobody', async ({ page }) => {
	await signIn(page, COORDINATOR, undefined, server.url);
	await page.goto(`${server.url}/schedule/series`);
	await page.getByRole('link', { name: 'Weekend Steps' }).click();
	await page.getByRole('button', { name: 'Enrol selected' }).click();
	await expect(page.getByText('Tick at least one participant.')).toBeVisible();
	await expect(page.getByText('2 participants are enrolled.')).toBeVisible();
});

test('a refused time offers the nearest free times that week, and one fills the form', async ({
	page
}) => {
	await signIn(page, COORDINATOR, undefined, server.url);
	// 16:20 in Gym A overlaps Weekend Steps (16:00-16:45).
	await fillSeries(page, 'Clashing Steps', '16:20');
	await page.getByRole('button', { name: 'Schedule series' }).click();
	await expect(page.getByLabel('Room')).toHaveAttribute('aria-invalid', 'true');

	const free = page.getByRole('group', { name: 'Free that week' });
	await expect(free).toBeVisible();
	await free.scrollIntoViewIfNeeded();
	await page.screenshot({ path: 'test-results/shots/free-slots.png' });
	// The nearest on the same day: right after Weekend Steps ends.
	const after = free.getByRole('button', { name: /^Use Saturday, .+, 4:45\s?PM$/ });
	await expect(after).toBeVisible();
	await after.focus();
	await page.keyboard.press('Enter');
	await expect(page.getByLabel('Starts at')).toHaveValue('16:45');
	await expect(page.getByLabel('Starts at')).toBeFocused();
	await expect(
		page.getByRole('group', { name: 'Meets every week on' }).getByLabel('Saturday')
	).toBeChecked();

	await page.getByRole('button', { name: 'Schedule series' }).click();
	await expect(page).toHaveURL(/\/schedule\/series\/[0-9a-f-]+\?created$/);
	await expect(page.getByTestId('series-created')).toContainText('Clashing Steps is scheduled');
});

test('a refused move offers free times that week; choosing one and moving succeeds', async ({
	page
}) => {
	await signIn(page, COORDINATOR, undefined, server.url);
	await page.goto(`${server.url}/schedule?week=${SATURDAY}`);
	await page
		.getByRole('article', { name: 'Weekend Steps 4:00 PM' })
		.getByRole('link', { name: /^Cancel or move/ })
		.click();
	const move = page.getByRole('region', { name: 'Move this session' });
	// Onto Clashing Steps, now at 16:45 in Gym A.
	await move.getByLabel('Starts at').fill('16:45');
	await move.getByLabel('Reason').fill('Room swap');
	await move.getByRole('button', { name: 'Move session' }).click();
	await expect(move.getByLabel('Room')).toHaveAttribute('aria-invalid', 'true');

	const free = move.getByRole('group', { name: 'Free that week' });
	// Its own 16:00 is no move, so it is not offered.
	await expect(free.getByRole('link', { name: /, 4:00\s?PM$/ })).toHaveCount(0);
	const choice = free.getByRole('link', { name: /^Use Saturday, / }).first();
	await expect(choice).toBeVisible();
	const [, hour, minute, half] = (await choice.getAttribute('aria-label'))!.match(
		/, (\d+):(\d\d)\s?(AM|PM)$/
	)!;
	const time = `${String((Number(hour) % 12) + (half === 'PM' ? 12 : 0)).padStart(2, '0')}:${minute}`;
	await choice.click();
	await expect(move.getByLabel('Starts at')).toHaveValue(time);
	await expect(move.getByLabel('Day', { exact: true })).toHaveValue(SATURDAY);
	// The reason typed before stays: the choice filled the form, it did not leave the page.
	await expect(move.getByLabel('Reason')).toHaveValue('Room swap');
	await move.getByRole('button', { name: 'Move session' }).click();
	await expect(page).toHaveURL(new RegExp(`/schedule\\?week=${SATURDAY}`));
	await expect(
		page
			.getByRole('article', { name: `Weekend Steps ${hour}:${minute}\u202f${half}` })
			.or(page.getByRole('article', { name: `Weekend Steps ${hour}:${minute} ${half}` }))
	).toBeVisible();
});
