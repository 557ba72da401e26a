import { expect, test, type Page } from '@playwright/test';
import { COORDINATOR, TECHNICIAN, signIn } from '../helpers';

// Outcome tests: the phone's "Test" part of the entry sheet, and the participant's outcome section.
const OUT = 'docs/screenshots';

const daysAgo = (days: number) =>
	new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

async function recordOnPage(
	page: Page,
	test: string,
	fields: Record<string, string>,
	date: string
) {
	const form = page.getByTestId('outcome-form');
	await form.getByLabel('Test', { exact: true }).selectOption(test);
	for (const [label, value] of Object.entries(fields)) {
		await form.getByRole('spinbutton', { name: label }).fill(value);
	}
	await form.getByLabel('Date tested').fill(date);
	await form.getByRole('button', { name: 'Record the test' }).click();
	await expect(page.getByText('Test recorded.')).toBeVisible();
}

test('outcome tests on the phone (390x844) and on the participant page (1280x800)', async ({
	browser
}, testInfo) => {
	const phone = await browser.newPage({
		viewport: { width: 390, height: 844 },
		deviceScaleFactor: 2
	});
	await signIn(phone, TECHNICIAN);
	await phone.goto('/control');
	await phone
		.getByRole('region', { name: 'Gym A' })
		.getByRole('link', { name: /Balance Basics/ })
		.click();
	await expect(phone.getByTestId('connection')).toHaveText('Connected');
	const row = phone.getByTestId('roster-row').nth(0);
	const shownAs = (await row.getAttribute('data-participant'))!;
	await row.getByRole('button', { name: 'Record…' }).click();
	const sheet = phone.getByTestId('entry-sheet');
	await sheet.getByRole('tab', { name: 'Test' }).click();
	await sheet.getByRole('button', { name: '30-second chair stand' }).click();
	await sheet.getByRole('spinbutton', { name: 'Stands in 30 seconds' }).fill('9');
	await sheet.getByRole('button', { name: 'Save' }).click();
	await expect(sheet.getByTestId('sheet-message')).toContainText('Saved');
	await sheet.getByRole('button', { name: 'Timed Up and Go' }).click();
	await sheet.getByRole('spinbutton', { name: 'Seconds (to a tenth)' }).fill('13.5');
	await sheet.getByRole('button', { name: 'Save' }).click();
	await expect(sheet.getByTestId('outcome-verdict')).toHaveText('Fall risk (12 s or more)');
	// The part as the technician sees it after saving: the test buttons, the result, its verdict.
	await sheet.getByRole('tab', { name: 'Test' }).scrollIntoViewIfNeeded();
	await sheet.getByRole('button', { name: 'Timed Up and Go' }).click();
	await sheet.getByRole('spinbutton', { name: 'Seconds (to a tenth)' }).fill('12.8');
	await sheet.getByTestId('sheet-message').scrollIntoViewIfNeeded();
	await phone.screenshot({ path: `${OUT}/outcome-phone.png` });
	await phone.close();

	const laptop = await browser.newPage({ viewport: { width: 1280, height: 800 } });
	await signIn(laptop, COORDINATOR);
	await laptop.goto('/participants');
	const [first] = shownAs.split(' ');
	await laptop.getByRole('link', { name: new RegExp(`, ${first}$`) }).click();
	await recordOnPage(laptop, 'tug', { 'Seconds (to a tenth)': '16.4' }, daysAgo(56));
	await recordOnPage(laptop, 'chair_stand_30s', { 'Stands in 30 seconds': '7' }, daysAgo(56));
	await laptop.getByRole('heading', { name: 'Outcome tests' }).scrollIntoViewIfNeeded();
	await laptop.evaluate(() =>
		document.getElementById('outcomes-heading')?.scrollIntoView({ block: 'start' })
	);
	await expect(laptop.locator('[data-test=tug] svg title')).toHaveCount(2);
	await laptop.screenshot({ path: `${OUT}/outcome-participant.png` });
	// The trends below it, for a look (not in the docs).
	await laptop.locator('[data-test=tug]').scrollIntoViewIfNeeded();
	await laptop.screenshot({ path: testInfo.outputPath('outcome-trends.png'), fullPage: false });
	await laptop.close();
});
