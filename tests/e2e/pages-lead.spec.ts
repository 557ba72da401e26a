import { expect, test, type Page } from '../browser-test';
import { COORDINATOR, TECHNICIAN, shotsDir, signIn } from '../helpers';
import { ownDemoServer } from '../own-demo-server';

// Cancels a coming class: on a demo clinic of its own, so the suite's schedule stays as seeded.
const server = ownDemoServer(32);
test.describe.configure({ mode: 'serial' });

const UUID = '[0-9a-f-]{36}';
const card = (page: Page, room: string, name: string) =>
	page.getByRole('region', { name: room }).getByRole('listitem').filter({ hasText: name });

test("a technician's class cards open the controller", async ({ page }) => {
	await signIn(page, TECHNICIAN, undefined, server.url);
	const pool = card(page, 'Therapy Pool', 'Aquatic Balance');
	// One link per card, named by the class and its time.
	const link = pool.getByRole('link');
	await expect(link).toHaveCount(1);
	await expect(link).toHaveAccessibleName(/^Aquatic Balance, \d{1,2}:\d{2}/);
	await expect(link).toHaveAttribute('href', new RegExp(`^/control/${UUID}$`));
	// The whole card is the target: a click on its enrolled count opens the controller.
	// (The link's layer covers the text, so Playwright's locator click would refuse it: a mouse.)
	const count = (await pool.getByText(/enrolled$/).boundingBox())!;
	await page.mouse.click(count.x + count.width / 2, count.y + count.height / 2);
	await expect(page).toHaveURL(new RegExp(`/control/${UUID}$`));
});

test("a coordinator's card opens the roster, with the controller one link away", async ({
	page
}) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await signIn(page, COORDINATOR, undefined, server.url);
	const gym = card(page, 'Gym A', 'Balance Basics');
	const roster = gym.getByRole('link', { name: /^Balance Basics, / });
	await expect(roster).toHaveAttribute('href', new RegExp(`^/schedule/sessions/${UUID}$`));
	const id = (await roster.getAttribute('href'))!.split('/').pop();
	await expect(gym.getByRole('link', { name: /^Run Balance Basics, / })).toHaveAttribute(
		'href',
		`/control/${id}`
	);

	// By keyboard: the card shows the focus ring round itself, and Enter opens the roster.
	for (let i = 0; i < 30 && !(await roster.evaluate((a) => a === document.activeElement)); i++) {
		await page.keyboard.press('Tab');
	}
	await expect(roster).toBeFocused();
	expect(await gym.evaluate((li) => getComputedStyle(li).outlineStyle)).toBe('solid');
	await page.screenshot({ path: shotsDir('pages-home-coordinator.png') });
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(`${server.url}/schedule/sessions/${id}`);
	await expect(page.getByRole('heading', { level: 1, name: 'Balance Basics' })).toBeVisible();
	// A gym class flags nobody: Walter's chlorine allergy matters in the pool only.
	await expect(page.getByRole('region', { name: 'Flagged for this room' })).toHaveCount(0);
});

test('a pool session shows its routine, staff, status and who is flagged before check-in', async ({
	page
}) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await signIn(page, COORDINATOR, undefined, server.url);
	await card(page, 'Therapy Pool', 'Aquatic Balance')
		.getByRole('link', { name: /^Aquatic Balance, / })
		.click();
	// The next class of the series: still to come, so it can be moved or cancelled.
	await page.getByRole('link', { name: 'Next in series ›' }).click();
	await expect(page.getByRole('link', { name: '‹ Previous in series' })).toBeVisible();

	const facts = page.locator('dl.facts');
	const fact = (term: string) =>
		facts.locator('div', { has: page.locator('dt', { hasText: term }) }).locator('dd');
	const routine = facts.getByRole('link', { name: 'Aquatic Balance, version 1' });
	await expect(routine).toHaveAttribute('href', new RegExp(`^/routines/${UUID}$`));
	await expect(fact('Lead')).toHaveText('Jordan Lee');
	await expect(fact('Assistants')).toHaveText('Casey Morgan');
	await expect(fact('Status')).toHaveText('Scheduled');

	// Nadia's open wounds, with the reason she is enrolled anyway, before anyone arrives.
	const flagged = page.getByRole('region', { name: 'Flagged for this room' });
	await expect(flagged).toContainText('1 participant has a pool exclusion');
	await expect(flagged).toContainText('Nadia Petrova: Open wounds');
	await expect(flagged).toContainText('Override: Wound nurse cleared the pool');
	const nadia = page.getByRole('region', { name: 'In class' }).getByRole('row', {
		name: /Nadia Petrova/
	});
	await expect(nadia.getByText('Pool exclusion', { exact: true })).toBeVisible();
	await page.screenshot({ path: shotsDir('pages-session-pool.png'), fullPage: true });

	const move = page.getByRole('link', { name: 'Move this class' });
	await expect(move).toHaveAttribute('href', /\/change$/);

	// Cancel asks a reason first; refused, nothing changes and the reason box says why.
	await page.getByText('Cancel this class').click();
	await page.getByRole('button', { name: 'Cancel the class' }).click();
	await expect(page.getByText('Say why (for example "Bank holiday").')).toBeVisible();
	await expect(page.getByLabel('Reason')).toBeFocused();
	await expect(fact('Status')).toHaveText('Scheduled');
	await page.screenshot({ path: shotsDir('pages-session-cancel.png') });
	await page.getByLabel('Reason').fill('Pool heater repair');
	await page.getByRole('button', { name: 'Cancel the class' }).click();
	await expect(page.getByRole('status')).toHaveText('The class is cancelled.');
	await expect(fact('Status')).toHaveText('Cancelled Reason: Pool heater repair');
	await expect(page.getByRole('link', { name: 'Move this class' })).toHaveCount(0);
});

test('dates of birth are written in words and never wrap', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await signIn(page, COORDINATOR, undefined, server.url);
	await page.goto(`${server.url}/participants`);
	const eleanor = page.getByRole('row', { name: /Whitfield, Eleanor/ });
	const born = eleanor.locator('time');
	await expect(born).toHaveText('March 14, 1941');
	await expect(born).toHaveAttribute('datetime', '1941-03-14');
	expect(await born.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('nowrap');
	const box = (await born.boundingBox())!;
	// One line: no taller than the line height of the text around it.
	expect(box.height).toBeLessThan(40);
});
