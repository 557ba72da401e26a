import { expect, test, type Page } from '../browser-test';
import { COORDINATOR, signIn } from '../helpers';

// These tests build on each other in the suite's one clinic: a series, a clash, a cancellation.
test.describe.configure({ mode: 'serial' });

/** Saturday of next week (YYYY-MM-DD): always ahead, and free of the demo's weekday classes. */
function nextWeeksSaturday(): string {
	const today = new Date();
	const monday = new Date(
		Date.UTC(today.getFullYear(), today.getMonth(), today.getDate() - ((today.getDay() + 6) % 7))
	);
	monday.setUTCDate(monday.getUTCDate() + 7 + 5);
	return monday.toISOString().slice(0, 10);
}

const SATURDAY = nextWeeksSaturday();

async function fillSeries(
	page: Page,
	form: { name: string; room: string; lead: string; day: string; time: string; startsOn: string }
) {
	await page.getByLabel('Class name').fill(form.name);
	await page.getByLabel('Type').selectOption({ label: 'Balance' });
	const room = page.getByLabel('Room');
	const roomValue = await room.locator('option', { hasText: form.room }).getAttribute('value');
	await room.selectOption(roomValue!);
	await page.getByLabel('Routine').selectOption({ index: 1 });
	await page.getByLabel('Lead technician').selectOption({ label: form.lead });
	await page.getByLabel('Places').fill('8');
	await page.getByRole('group', { name: 'Meets every week on' }).getByLabel(form.day).check();
	await page.getByLabel('Starts at').fill(form.time);
	await page.getByLabel('Minutes').fill('45');
	await page.getByLabel('First day').fill(form.startsOn);
}

test('a coordinator schedules a weekly series with the form and sees it in the week view', async ({
	page
}) => {
	await signIn(page, COORDINATOR);
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Schedule' })
		.click();
	await page.getByRole('link', { name: 'New series' }).click();
	await expect(page.getByRole('heading', { name: 'New class series', level: 1 })).toBeVisible();
	await fillSeries(page, {
		name: 'Saturday Steadiness',
		room: 'Gym A',
		lead: 'Casey Morgan',
		day: 'Saturday',
		time: '10:00',
		startsOn: SATURDAY
	});
	await page.getByRole('button', { name: 'Schedule series' }).click();

	// The series' own page confirms it (and offers enrolling, see series-next-step.spec.ts).
	await expect(page).toHaveURL(/\/schedule\/series\/[0-9a-f-]+\?created/);
	await page.getByRole('link', { name: 'See it in the week' }).click();
	await expect(page).toHaveURL(new RegExp(`/schedule\\?week=${SATURDAY}`));
	const session = page.getByRole('article', { name: 'Saturday Steadiness 10:00 AM' });
	await expect(session).toBeVisible();
	await expect(session).toContainText('10:00–10:45 AM');
	await expect(session).toContainText('Casey Morgan');

	// The next week has it too (weekly), and the technician view lists it under its lead.
	await page.getByRole('link', { name: 'Next week →' }).click();
	await expect(page.getByRole('article', { name: 'Saturday Steadiness 10:00 AM' })).toBeVisible();
	await page.getByRole('link', { name: 'By technician' }).click();
	const caseyRow = page
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader', { name: 'Casey Morgan' }) });
	await expect(
		caseyRow.getByRole('article', { name: 'Saturday Steadiness 10:00 AM' })
	).toBeVisible();
});

test('a series that would double-book a room is refused, with the reason next to the room', async ({
	page
}) => {
	await signIn(page, COORDINATOR);
	await page.goto('/schedule/series/new');
	// Saturday 10:20 in Gym A overlaps Saturday Steadiness (10:00–10:45).
	await fillSeries(page, {
		name: 'Clashing Class',
		room: 'Gym A',
		lead: 'Jordan Lee',
		day: 'Saturday',
		time: '10:20',
		startsOn: SATURDAY
	});
	await page.getByRole('button', { name: 'Schedule series' }).click();

	await expect(page.getByRole('alert')).toHaveText(/Nothing was saved/);
	const room = page.getByLabel('Room');
	await expect(room).toHaveAttribute('aria-invalid', 'true');
	await expect(room).toHaveAccessibleDescription(
		/^Gym A is already booked for "Saturday Steadiness" on .+ 10:00 AM \(and \d+ more dates\)\.$/
	);
	await expect(page.getByLabel('Class name')).toHaveValue('Clashing Class');

	await page.goto(`/schedule?week=${SATURDAY}`);
	await expect(page.getByRole('article', { name: /^Clashing Class/ })).toHaveCount(0);
});

test('a cancelled session is marked cancelled, with its reason, and the series goes on', async ({
	page
}) => {
	await signIn(page, COORDINATOR);
	await page.goto(`/schedule?week=${SATURDAY}`);
	const session = page.getByRole('article', { name: 'Saturday Steadiness 10:00 AM' });
	await session.getByRole('link', { name: /^Cancel or move/ }).click();
	await expect(page.getByRole('heading', { name: 'Saturday Steadiness', level: 1 })).toBeVisible();

	const cancel = page.getByRole('region', { name: 'Cancel this session' });
	await cancel.getByRole('button', { name: 'Cancel session' }).click();
	await expect(cancel.getByLabel('Reason')).toHaveAccessibleDescription(/^Say why/);

	await cancel.getByLabel('Reason').fill('Bank holiday');
	await cancel.getByRole('button', { name: 'Cancel session' }).click();
	await expect(page).toHaveURL(new RegExp(`/schedule\\?week=${SATURDAY}`));
	const cancelled = page.getByRole('article', { name: 'Saturday Steadiness 10:00 AM, cancelled' });
	await expect(cancelled).toContainText('Cancelled: Bank holiday');
	await expect(cancelled.getByRole('link', { name: /^Cancel or move/ })).toHaveCount(0);

	// A reload re-expands every series: the cancelled one stays cancelled, next week still runs.
	await page.reload();
	await expect(cancelled).toBeVisible();
	await page.getByRole('link', { name: 'Next week →' }).click();
	await expect(page.getByRole('article', { name: 'Saturday Steadiness 10:00 AM' })).toBeVisible();
});

test('changing the series moves its sessions but leaves the cancelled one cancelled', async ({
	page
}) => {
	await signIn(page, COORDINATOR);
	await page.goto('/schedule/series');
	await page.getByRole('link', { name: 'Saturday Steadiness' }).click();
	await expect(page.getByLabel('Starts at')).toHaveValue('10:00');
	await expect(
		page.getByRole('group', { name: 'Meets every week on' }).getByLabel('Saturday')
	).toBeChecked();
	await page.getByLabel('Starts at').fill('10:15');
	await page.getByRole('button', { name: 'Save series' }).click();

	await page.goto(`/schedule?week=${SATURDAY}`);
	await expect(
		page.getByRole('article', { name: 'Saturday Steadiness 10:00 AM, cancelled' })
	).toContainText('Cancelled: Bank holiday');
	await page.getByRole('link', { name: 'Next week →' }).click();
	await expect(page.getByRole('article', { name: 'Saturday Steadiness 10:15 AM' })).toContainText(
		'10:15–11:00 AM'
	);
});

test('without JavaScript, a pool with a reversed temperature range is refused beside the field, then added', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signIn(page, COORDINATOR);
	await page.goto('/rooms');
	const form = page.getByRole('region', { name: 'Add a room' });
	await form.getByLabel('Name').fill('Hydro Pool 2');
	await form.getByLabel('Pool').check();
	await form.getByLabel('Places').fill('6');
	await form.getByLabel('Water from (°C)').fill('35');
	await form.getByLabel('Water to (°C)').fill('33');
	await form.getByLabel('At most participants per staff member').fill('3');
	await form.getByRole('button', { name: 'Add room' }).click();

	await expect(form.getByLabel('Water to (°C)')).toHaveAccessibleDescription(
		'The highest temperature must not be below the lowest.'
	);
	await expect(page.getByRole('rowheader', { name: 'Hydro Pool 2' })).toHaveCount(0);
	await expect(form.getByLabel('Name')).toHaveValue('Hydro Pool 2');

	await form.getByLabel('Water to (°C)').fill('35.5');
	await form.getByRole('button', { name: 'Add room' }).click();
	const row = page
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader', { name: 'Hydro Pool 2' }) });
	await expect(row).toContainText('35–35.5 °C');
	await expect(row).toContainText('at most 3');

	// Unused, so it can be archived; it leaves the list.
	await row.getByRole('button', { name: 'Archive Hydro Pool 2' }).click();
	await expect(page.getByRole('rowheader', { name: 'Hydro Pool 2' })).toHaveCount(0);
	await context.close();
});
