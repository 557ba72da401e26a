import { expect, test } from '@playwright/test';
import { TECHNICIAN, signIn } from '../helpers';

// The phone's clipboard in a pool class: roster with flags, and a participant's entry sheet.
const OUT = 'docs/screenshots';

test('roster and entry sheet on a phone (390x844)', async ({ browser }) => {
	const phone = await browser.newPage({
		viewport: { width: 390, height: 844 },
		deviceScaleFactor: 2
	});
	await signIn(phone, TECHNICIAN);
	await phone.goto('/control');
	await phone.getByRole('region', { name: 'Therapy Pool' }).getByRole('link').first().click();
	await expect(phone.getByTestId('connection')).toHaveText('Connected');
	const rows = phone.getByTestId('roster-row');
	for (const row of [0, 1, 2, 3]) {
		await rows.nth(row).getByRole('button', { name: 'Present' }).click();
	}
	await rows.nth(4).getByRole('button', { name: 'Late' }).click();
	await rows.nth(5).getByRole('button', { name: 'Excused' }).click();

	const sheet = phone.getByTestId('entry-sheet');
	await rows.nth(1).getByRole('button', { name: 'Record…' }).click();
	await sheet.getByRole('tab', { name: 'Vitals' }).click();
	await sheet.getByRole('spinbutton', { name: 'Heart rate' }).fill('104');
	await sheet.getByRole('spinbutton', { name: 'Systolic (top)' }).fill('142');
	await sheet.getByRole('spinbutton', { name: 'Diastolic (bottom)' }).fill('86');
	await sheet.getByRole('spinbutton', { name: 'SpO2' }).fill('96');
	await sheet.getByRole('button', { name: 'Save' }).click();
	await expect(sheet.getByTestId('sheet-message')).toContainText('Saved');
	await sheet.getByRole('button', { name: 'Close' }).click();

	await rows.nth(0).getByRole('button', { name: 'Record…' }).click();
	for (let i = 0; i < 3; i++) await sheet.getByRole('button', { name: /plus 1$/ }).click();
	await phone.screenshot({ path: `${OUT}/phone-entry-sheet.png` });
	await sheet.getByRole('button', { name: 'Save' }).click();
	await sheet.getByRole('button', { name: 'Close' }).click();

	await rows.nth(0).scrollIntoViewIfNeeded();
	await phone.getByTestId('roster').scrollIntoViewIfNeeded();
	await phone.evaluate(() => document.querySelector('[data-testid="roster"]')?.scrollIntoView());
	await phone.screenshot({ path: `${OUT}/phone-roster.png` });
	await phone.close();
});
