import { expect, test, type Browser, type Page } from '../browser-test';
import { PARTICIPANT_ROSTER } from '../../src/lib/server/db/seed/participant-roster';
import { COORDINATOR, TECHNICIAN, pairDisplay, recordPoolCheck, signIn } from '../helpers';

test.describe.configure({ timeout: 150_000 });

async function phoneInPoolClass(browser: Browser, email: string) {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
	const page = await context.newPage();
	await signIn(page, email);
	await page.goto('/control');
	await page.getByRole('region', { name: 'Therapy Pool' }).getByRole('link').first().click();
	await expect(page.getByTestId('connection')).toHaveText('Connected');
	return { context, page };
}

async function countOut(page: Page, count: number) {
	const panel = page.getByTestId('headcount-out');
	await panel.getByRole('spinbutton', { name: 'People out of the water' }).fill(String(count));
	await panel.getByRole('button', { name: 'Record headcount out' }).click();
}

/** End class in a pool opens the end sequence (headcount out, what is missing, then End). */
async function endSequence(page: Page) {
	await page.getByRole('button', { name: 'End class…' }).click();
	await page.getByTestId('bar-question').getByRole('button', { name: 'Yes, end class' }).click();
	await expect(page.getByTestId('pool-end')).toBeVisible();
	return page.getByTestId('end-step-end').getByRole('button');
}

test('a pool class ends only when the headcount out matches, and a mismatch warns every phone', async ({
	browser
}) => {
	const lead = await phoneInPoolClass(browser, TECHNICIAN);
	const assistant = await phoneInPoolClass(browser, COORDINATOR);
	const rows = lead.page.getByTestId('roster-row');
	await rows.nth(0).getByRole('button', { name: 'Present' }).click();
	await rows.nth(1).getByRole('button', { name: 'Present' }).click();
	await rows.nth(2).getByRole('button', { name: 'Late' }).click();
	await expect(assistant.page.getByTestId('headcount')).toHaveText(/^3 present of/);

	// A walk-in, found by name, joins the list on both phones.
	const listed = await rows.evaluateAll((items) => items.map((i) => i.dataset.participant));
	const newcomer = PARTICIPANT_ROSTER.find(
		(p) => !listed.includes(`${p.firstName} ${p.lastName.charAt(0)}.`)
	)!;
	await lead.page.getByRole('button', { name: '+ Add walk-in' }).click();
	await lead.page.getByLabel('Find a participant').fill(newcomer.lastName);
	await lead.page
		.getByRole('listitem')
		.filter({ hasText: `${newcomer.firstName} ${newcomer.lastName}` })
		.getByRole('button', { name: 'Add' })
		.click();
	const walkIn = assistant.page.locator(
		`[data-participant="${newcomer.firstName} ${newcomer.lastName.charAt(0)}."]`
	);
	await expect(walkIn).toContainText('walk in');
	await walkIn.getByRole('button', { name: 'Absent' }).click();

	// The start checklist: the pool check, a display in the pool room, everyone on the list marked.
	await recordPoolCheck(lead.page);
	const display = await pairDisplay(browser, assistant.context, 'Therapy Pool');
	for (const row of await rows.all()) {
		if ((await row.getByRole('button', { pressed: true }).count()) === 0) {
			await row.getByRole('button', { name: 'Absent' }).click();
		}
	}
	await lead.page.getByRole('button', { name: 'Start' }).click();
	await expect(lead.page.getByRole('button', { name: 'Pause' })).toBeVisible();

	// Not counted yet: no end (the server refuses it too: roster.db.spec.ts).
	const leadEnd = await endSequence(lead.page);
	await expect(leadEnd).toHaveText('Count everyone out first');
	await expect(leadEnd).toBeDisabled();

	// One short: a full-width warning on every phone, and still no end.
	await countOut(lead.page, 2);
	for (const phone of [lead.page, assistant.page]) {
		await expect(phone.getByTestId('headcount-warning')).toContainText(
			'Headcount out 2 ≠ 3 in the class'
		);
	}
	const assistantEnd = await endSequence(assistant.page);
	await expect(assistantEnd).toBeDisabled();

	// Recounted: the warning goes away everywhere and the class ends.
	await countOut(assistant.page, 3);
	for (const phone of [lead.page, assistant.page]) {
		await expect(phone.getByTestId('headcount-warning')).toBeHidden();
	}
	await expect(leadEnd).toBeEnabled();
	await leadEnd.click();
	await expect(lead.page.getByTestId('phone-now')).toContainText('Class complete');
	await Promise.all([lead.context.close(), assistant.context.close(), display.context().close()]);
});
