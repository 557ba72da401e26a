import { expect, test, type Page } from '../browser-test';
import { COORDINATOR, DEMO_PASSWORD, shotsDir, signIn } from '../helpers';
import { ownDemoServer } from '../own-demo-server';
import { nextWeekday } from '../../src/lib/shared/planning/prefill';
import { localDate } from '../../src/lib/shared/time-zone';

/**
 * Issue 15, from a routine to a class: "Schedule this routine" opens the series form filled in
 * from the routine, and a clinic's own class types (Settings) are offered there. Its own server:
 * series and a class type are added.
 */
test.describe.configure({ timeout: 150_000 });
const server = ownDemoServer(30);

/** The server's clinic day (the own server runs in this machine's zone). */
const clinicToday = () => localDate(Intl.DateTimeFormat().resolvedOptions().timeZone, new Date());
const WEEKDAY_NAMES = [
	'Sunday',
	'Monday',
	'Tuesday',
	'Wednesday',
	'Thursday',
	'Friday',
	'Saturday'
];
const weekdayName = (date: string) => WEEKDAY_NAMES[new Date(`${date}T12:00:00Z`).getUTCDay()]!;

async function openRoutine(page: Page, name: string) {
	await page.goto(`${server.url}/routines`);
	await page.getByRole('link', { name, exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
}

/** Tab presses until `matches` holds for the focused element (at most `max`). */
async function tabsUntil(page: Page, matches: string, max = 80) {
	for (let presses = 1; presses <= max; presses++) {
		await page.keyboard.press('Tab');
		if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, matches)) {
			return presses;
		}
	}
	throw new Error(`${matches} not reached in ${max} Tab presses`);
}

test('Schedule this routine opens the series form filled in from the routine', async ({ page }) => {
	await signIn(page, COORDINATOR, DEMO_PASSWORD, server.url);
	const startsOn = nextWeekday(clinicToday());

	// The aquatic routine: its pool exercises make it aquatic; the clinic's one pool is chosen.
	await openRoutine(page, 'Aquatic Balance');
	const routineUrl = page.url();
	await page.getByRole('link', { name: 'Schedule this routine' }).click();
	await expect(page).toHaveURL(/\/schedule\/series\/new\?routine=[0-9a-f-]{36}$/);
	await expect(page.getByRole('status')).toHaveText(
		'Filled in from the routine Aquatic Balance: check the days, time and room.'
	);
	await expect(page.getByLabel('Class name')).toHaveValue('Aquatic Balance');
	await expect(page.getByLabel('Type')).toHaveValue('aquatic');
	await expect(page.getByLabel('Routine').locator('option:checked')).toHaveText(
		'Aquatic Balance (version 1)'
	);
	await expect(page.getByLabel('Room').locator('option:checked')).toHaveText(/^Therapy Pool/);
	// The pool's ratio (4 to one) with the lead alone.
	await expect(page.getByLabel('Places')).toHaveValue('4');
	const minutes = Number(await page.getByLabel('Minutes').inputValue());
	expect(minutes % 5).toBe(0);
	expect(minutes).toBeGreaterThanOrEqual(10);
	await expect(page.getByLabel('First day')).toHaveValue(startsOn);
	const days = page.getByRole('group', { name: 'Meets every week on' });
	await expect(days.getByRole('checkbox', { checked: true })).toHaveCount(1);
	await expect(days.getByLabel(weekdayName(startsOn))).toBeChecked();
	// The clinic's one technician leads; the keyboard starts at the first answer still missing.
	await expect(page.getByLabel('Lead technician').locator('option:checked')).toHaveText(
		'Jordan Lee'
	);
	await expect(page.getByLabel('Starts at')).toBeFocused();
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.screenshot({ path: `${shotsDir('issue15')}/series-prefilled.png`, fullPage: true });

	// The balance routine in the gym (the clinic's one gym), by keyboard alone, keys counted.
	await openRoutine(page, 'Balance Basics');
	await page.reload();
	const toLink = await tabsUntil(page, 'a[href*="/schedule/series/new?routine="]');
	await page.keyboard.press('Enter');
	await expect(page.getByLabel('Class name')).toHaveValue('Balance Basics');
	await expect(page.getByLabel('Type')).toHaveValue('balance');
	await expect(page.getByLabel('Room').locator('option:checked')).toHaveText(/^Gym A/);
	await expect(page.getByLabel('Places')).toHaveValue('10');
	await expect(page.getByLabel('Starts at')).toBeFocused();
	// The time, and Enter submits the form (the time field's implicit submission).
	await page.keyboard.type('0415P');
	await expect(page.getByLabel('Starts at')).toHaveValue('16:15');
	await page.keyboard.press('Enter');
	const keys = toLink + 1 + 5 + 1;
	await expect(page).not.toHaveURL(/\/schedule\/series\/new/);
	console.log(
		`Schedule this routine by keyboard: ${toLink} Tab to the link, Enter, the time typed (5), Enter; ${keys} keys in all`
	);

	// From the form's load to its submit button, nothing typed.
	await page.goto(`${routineUrl}`);
	await page.getByRole('link', { name: 'Schedule this routine' }).click();
	await expect(page.getByLabel('Starts at')).toBeFocused();
	const loadToSubmit = await tabsUntil(page, 'button[type="submit"]');
	console.log(`Prefilled form: focus on Starts at, ${loadToSubmit} Tab to its submit`);
	// From the top of the page (focus moved back to the document), to the first field.
	await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
	await page.locator('h1').click();
	const topToName = await tabsUntil(page, 'input[name="name"]');
	console.log(`Prefilled form: ${topToName} Tab from the heading to Class name`);

	await page.goto(`${server.url}/schedule/series`);
	await expect(page.getByRole('row', { name: /Balance Basics/ })).toHaveCount(2);
});

test('a routine id that is not the clinic’s fills in nothing', async ({ page }) => {
	await signIn(page, COORDINATOR, DEMO_PASSWORD, server.url);
	for (const id of ['00000000-0000-4000-8000-000000000000', 'nonsense']) {
		const response = await page.goto(`${server.url}/schedule/series/new?routine=${id}`);
		expect(response?.status()).toBe(200);
		await expect(page.getByLabel('Class name')).toHaveValue('');
		await expect(page.getByLabel('Routine')).toHaveValue('');
		await expect(page.getByText(/Filled in from/)).toHaveCount(0);
	}
});

test('a coordinator adds a class type in Settings and schedules a series as it', async ({
	page
}) => {
	await signIn(page, COORDINATOR, DEMO_PASSWORD, server.url);
	await page.goto(`${server.url}/settings`);
	await page.getByRole('link', { name: 'Class types' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Class types');
	for (const name of ['Balance', 'Core', 'Aquatic']) {
		await expect(page.getByRole('rowheader', { name: new RegExp(`^${name}`) })).toBeVisible();
	}

	// A name in use (a built-in's) is refused beside the field; nothing added.
	const name = page.getByRole('textbox', { name: 'Name' });
	await name.fill('balance');
	await page.getByRole('button', { name: 'Add class type' }).click();
	await expect(name).toHaveAccessibleDescription('A class type is already called "balance".');
	await expect(page.getByRole('row')).toHaveCount(4);
	await name.fill('');
	await page.getByRole('button', { name: 'Add class type' }).click();
	await expect(name).toHaveAccessibleDescription('Give the class type a name.');

	await name.fill('Aqua jogging');
	await page.getByRole('group', { name: 'Follows the rules of' }).getByLabel('Aquatic').check();
	await page.getByRole('button', { name: 'Add class type' }).click();
	await expect(page.getByRole('status')).toHaveText('Class type Aqua jogging added.');
	await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue('');
	const row = page.getByRole('row', { name: /Aqua jogging/ });
	await expect(row.getByRole('cell').first()).toHaveText('Aquatic');
	await page.screenshot({ path: `${shotsDir('issue15')}/class-types.png`, fullPage: true });

	// In a series: it follows the aquatic rules (a pool), and the series keeps it.
	await page.goto(`${server.url}/schedule/series/new`);
	await page.getByLabel('Class name').fill('Aqua Jog');
	await page.getByLabel('Type').selectOption({ label: 'Aqua jogging' });
	await page.getByLabel('Room').selectOption({ label: 'Gym A (gym, 12 places)' });
	await page.getByLabel('Routine').selectOption({ label: 'Aquatic Balance (version 1)' });
	await page.getByLabel('Lead technician').selectOption({ label: 'Jordan Lee' });
	await page.getByLabel('Places').fill('4');
	await page.getByRole('group', { name: 'Meets every week on' }).getByLabel('Sunday').check();
	await page.getByLabel('Starts at').fill('15:00');
	await page.getByLabel('Minutes').fill('45');
	await page.getByLabel('First day').fill(nextWeekday(clinicToday()));
	await page.getByRole('button', { name: 'Schedule series' }).click();
	await expect(page.getByLabel('Room')).toHaveAccessibleDescription(
		'An aquatic class needs a pool.'
	);
	await page.getByLabel('Room').selectOption({ index: 2 });
	await expect(page.getByLabel('Room').locator('option:checked')).toHaveText(/^Therapy Pool/);
	await page.getByRole('button', { name: 'Schedule series' }).click();
	await expect(page).not.toHaveURL(/\/schedule\/series\/new/);

	await page.goto(`${server.url}/schedule/series`);
	await page
		.getByRole('link', { name: /Aqua Jog/ })
		.first()
		.click();
	await expect(page.getByLabel('Type').locator('option:checked')).toHaveText('Aqua jogging');
	const seriesUrl = page.url();

	// Archived: a new series cannot choose it; the series scheduled as it keeps it.
	await page.goto(`${server.url}/settings/class-types`);
	await page
		.getByRole('row', { name: /Aqua jogging/ })
		.getByRole('button', { name: /Archive/ })
		.click();
	await expect(page.getByRole('status')).toHaveText(
		'Class type archived: series scheduled as it keep it.'
	);
	await expect(page.getByRole('row', { name: /Aqua jogging/ })).toContainText('Archived');
	await page.goto(`${server.url}/schedule/series/new`);
	await expect(page.getByLabel('Type').locator('option')).toHaveText([
		'Balance',
		'Core',
		'Aquatic'
	]);
	await page.goto(seriesUrl);
	await expect(page.getByLabel('Type').locator('option:checked')).toHaveText('Aqua jogging');
});
