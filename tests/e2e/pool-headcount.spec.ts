import { expect, test, type Browser, type Page } from '@playwright/test';
import { PARTICIPANT_ROSTER } from '../../src/lib/server/db/seed/participant-roster';
import { COORDINATOR, TECHNICIAN, recordPoolCheck, signIn } from '../helpers';

test.describe.configure({ timeout: 90_000 });

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

async function endClass(page: Page) {
	await page.getByRole('button', { name: 'End class' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'End class' }).click();
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

	await recordPoolCheck(lead.page);
	await lead.page.getByRole('button', { name: 'Start' }).click();
	await expect(lead.page.getByRole('button', { name: 'Pause' })).toBeVisible();

	// Not counted yet: the server refuses to end, and says why.
	await endClass(lead.page);
	await expect(
		lead.page.getByRole('alert').filter({ hasText: 'Count everyone out' })
	).toBeVisible();

	// One short: a full-width warning on every phone, and still no end.
	await countOut(lead.page, 2);
	for (const phone of [lead.page, assistant.page]) {
		await expect(phone.getByTestId('headcount-warning')).toContainText(
			'Headcount out 2 ≠ 3 in the class'
		);
	}
	await endClass(assistant.page);
	await expect(
		assistant.page.getByRole('alert').filter({ hasText: 'does not match 3 in the class' })
	).toBeVisible();

	// Recounted: the warning goes away everywhere and the class ends.
	await countOut(assistant.page, 3);
	for (const phone of [lead.page, assistant.page]) {
		await expect(phone.getByTestId('headcount-warning')).toBeHidden();
	}
	await endClass(lead.page);
	await expect(lead.page.getByTestId('phone-now')).toContainText('Class complete');
	await Promise.all([lead.context.close(), assistant.context.close()]);
});
