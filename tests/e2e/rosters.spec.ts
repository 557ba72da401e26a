import { expect, test, type Page } from '../browser-test';
import { COORDINATOR, sessionCookie } from '../helpers';

// These tests change next week's Core Strength class of the suite's one clinic: not today's,
// which the live-class tests use.
test.describe.configure({ mode: 'serial' });

/** The session cookie straight from the sign-in post: no race with the form's hydration. */
async function signInQuickly(page: Page) {
	const baseURL = test.info().project.use.baseURL!;
	const cookie = await sessionCookie(page.request, baseURL, COORDINATOR);
	const [name, value] = cookie.split('=') as [string, string];
	await page.context().addCookies([{ name, value, url: baseURL }]);
}

/** The same series a week or a few days on: waits for the new page, not the old one. */
async function goToNextInSeries(page: Page) {
	const next = page.getByRole('link', { name: 'Next in series ›' });
	const href = (await next.getAttribute('href'))!;
	await next.click();
	await expect(page).toHaveURL(href);
}

/** Next Core Strength class after today's, on its roster page. */
async function openNextCoreClass(page: Page) {
	await signInQuickly(page);
	await page.goto('/control');
	const today = page.getByRole('link', { name: /Core Strength/ });
	const href = (await today.getAttribute('href'))!;
	await page.goto(`/schedule/sessions/${href.split('/').pop()}`);
	await goToNextInSeries(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Core Strength' })).toBeVisible();
}

const inClass = (page: Page) => page.getByRole('region', { name: 'In class' });
const waitlist = (page: Page) => page.getByRole('region', { name: 'Waitlist' });

async function enrolForTheDay(page: Page, name: string) {
	await page.getByLabel('Name', { exact: true }).fill(name);
	await page.getByRole('button', { name: 'Search' }).click();
	await page.getByRole('button', { name: `Enrol ${name} in this class` }).click();
}

test('enrolling past capacity fills a waitlist; a cancellation promotes the first automatically', async ({
	page
}) => {
	await openNextCoreClass(page);
	await expect(page.getByText('9 of 10 places taken · 0 waiting')).toBeVisible();

	await enrolForTheDay(page, 'Eleanor Whitfield');
	await expect(page.getByRole('status')).toHaveText('Eleanor Whitfield enrolled in this class.');
	await enrolForTheDay(page, 'Hiroshi Tanaka');
	await expect(page.getByRole('status')).toHaveText(
		'This class is full: Hiroshi Tanaka is on the waitlist.'
	);
	await enrolForTheDay(page, 'Rosa Delgado');
	await expect(page.getByText('10 of 10 places taken · 2 waiting')).toBeVisible();
	await expect(waitlist(page).getByRole('listitem')).toHaveText([/Hiroshi Tanaka/, /Rosa Delgado/]);

	await inClass(page)
		.getByRole('button', { name: 'Cancel Eleanor Whitfield for this class' })
		.click();
	const notice = page.getByRole('status');
	await expect(notice).toContainText("Eleanor Whitfield's place in this class is cancelled.");
	await expect(notice).toContainText('Promoted: Hiroshi T. moved up from the waitlist for');
	const hiroshi = inClass(page).getByRole('row').filter({ hasText: 'Hiroshi Tanaka' });
	await expect(hiroshi.getByText('promoted')).toBeVisible();
	await expect(waitlist(page).getByRole('listitem')).toHaveText([/Rosa Delgado/]);
	await expect(page.getByText('10 of 10 places taken · 1 waiting')).toBeVisible();
	await expect(page.getByRole('region', { name: 'Cancelled' })).toContainText('Eleanor Whitfield');
});

test('a pool exclusion is refused until the coordinator writes a reason', async ({ page }) => {
	await openNextCoreClass(page);
	// Core Strength is a gym class: the chlorine allergy does not matter here…
	await expect(inClass(page)).toContainText('Walter Kowalski');
	// …but it does in the pool.
	await page.goto('/control');
	const pool = page.getByRole('region', { name: 'Therapy Pool' }).getByRole('link').first();
	await page.goto(`/schedule/sessions/${(await pool.getAttribute('href'))!.split('/').pop()}`);
	await goToNextInSeries(page);
	await page.getByLabel('Name', { exact: true }).fill('Walter');
	await page.getByRole('button', { name: 'Search' }).click();
	await page.getByRole('button', { name: 'Enrol Walter Kowalski in this class' }).click();
	const refusal = page.getByRole('alert');
	await expect(refusal).toContainText('Not enrolled: Walter Kowalski');
	await expect(refusal).toContainText('Pool screening excludes: Chlorine allergy');

	await page.getByRole('button', { name: 'Enrol anyway' }).click();
	await expect(page.getByText('Write why (at least 5 characters)')).toBeVisible();
	await page.getByLabel('Reason to enrol anyway').fill('Allergist cleared saltwater pool');
	await page.getByRole('button', { name: 'Enrol anyway' }).click();
	// The pool class is full: he waits, with the reason kept.
	await expect(page.getByRole('status')).toHaveText(
		'This class is full: Walter Kowalski is on the waitlist.'
	);
	await expect(waitlist(page)).toContainText('Walter Kowalski');
});

test('the printed list hides buttons and navigation and shows a tick column', async ({ page }) => {
	await openNextCoreClass(page);
	await expect(page.getByRole('button', { name: 'Print list' })).toBeVisible();
	await expect(page.getByRole('columnheader', { name: 'Here' })).toBeHidden();
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('button', { name: 'Print list' })).toBeHidden();
	await expect(page.getByRole('button', { name: /^Cancel / }).first()).toBeHidden();
	await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
	await expect(page.getByRole('heading', { name: 'Enrol a participant' })).toBeHidden();
	await expect(page.getByRole('columnheader', { name: 'Here' })).toBeVisible();
	await expect(inClass(page).getByRole('row').filter({ hasText: 'Walter Kowalski' })).toContainText(
		'Rollator'
	);
});

test('a coordinator adds a participant, enrols them in a series and archives them', async ({
	page
}) => {
	await signInQuickly(page);
	await page.goto('/participants');
	await page.getByRole('link', { name: 'Add a participant' }).click();
	await page.getByLabel('First name').fill('Marguerite');
	await page.getByLabel('Date of birth').fill('2090-01-01');
	await page.getByRole('checkbox', { name: 'Open wounds' }).check();
	await page.getByRole('button', { name: 'Add participant' }).click();
	// Every error next to its field; nothing saved.
	await expect(page.getByText('Nothing was saved.')).toBeVisible();
	await expect(page.getByText('Enter the last name')).toBeVisible();
	await expect(page.getByText('Cannot be in the future')).toBeVisible();
	await expect(page.getByText('Give the screening date for the ticked conditions')).toBeVisible();
	await expect(page.getByLabel('First name')).toHaveValue('Marguerite');

	await page.getByLabel('Last name').fill('Okonkwo-Lind');
	await page.getByLabel('Date of birth').fill('1948-05-20');
	await page.getByLabel('Screened on').fill('2026-11-20');
	await page.getByLabel('Assistive device').selectOption('walker');
	await page.getByRole('button', { name: 'Add participant' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Marguerite Okonkwo-Lind');
	await expect(page.getByLabel('Display name', { exact: true })).toHaveValue('Marguerite O.');

	// The pool series is refused (open wounds) without a reason; the gym series is not.
	await page.getByRole('button', { name: 'Enrol in the Aquatic Balance series' }).click();
	await expect(page.getByRole('alert')).toContainText('Pool screening excludes: Open wounds');
	await page.getByRole('link', { name: "Don't enrol" }).click();
	await page.getByRole('button', { name: 'Enrol in the Balance Basics series' }).click();
	await expect(page.getByRole('status')).toHaveText(
		'Marguerite Okonkwo-Lind enrolled in the whole series.'
	);
	await expect(
		page.getByRole('row').filter({ hasText: 'Balance Basics' }).getByText('Enrolled')
	).toBeVisible();

	await page.goto('/participants?q=okonkwo');
	await expect(page.getByRole('link', { name: 'Okonkwo-Lind, Marguerite' })).toBeVisible();
	await page.getByRole('link', { name: 'Okonkwo-Lind, Marguerite' }).click();
	await page.getByRole('button', { name: 'Cancel the Balance Basics series place' }).click();
	await expect(page.getByRole('status')).toContainText('place in the whole series is cancelled');
	await page.getByRole('button', { name: 'Archive participant' }).click();
	await expect(page.getByRole('status')).toContainText('Archived');
	await page.goto('/participants?q=okonkwo');
	await expect(page.getByText('No participant matches “okonkwo”.')).toBeVisible();
});
