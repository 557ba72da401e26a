import { expect, test, type Page } from '../browser-test';
import { PARTICIPANT_ROSTER } from '../../src/lib/server/db/seed/participant-roster';
import { COORDINATOR, TECHNICIAN, signIn } from '../helpers';
import { ownDemoServer } from '../own-demo-server';

// Records outcome tests on a demo clinic of its own, so the suite's participants keep no tests.
const server = ownDemoServer(44);
test.describe.configure({ timeout: 150_000 });

const DEVICE_WORDS: Record<string, string> = {
	none: 'None',
	cane: 'Cane',
	quad_cane: 'Quad cane',
	walker: 'Walker',
	rollator: 'Rollator',
	wheelchair: 'Wheelchair',
	other: 'Other'
};

const personShownAs = (displayName: string) =>
	PARTICIPANT_ROSTER.find((p) => `${p.firstName} ${p.lastName.charAt(0)}.` === displayName)!;

async function openTestPart(phone: Page, row: number) {
	await phone.getByTestId('roster-row').nth(row).getByRole('button', { name: 'Record…' }).click();
	const sheet = phone.getByTestId('entry-sheet');
	await sheet.getByRole('tab', { name: 'Test' }).click();
	return sheet;
}

test('outcome tests: recorded offline on the phone, synced, then in the table and on the trend; one from the page', async ({
	browser
}) => {
	const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
	const phone = await phoneContext.newPage();
	await signIn(phone, TECHNICIAN, undefined, server.url);
	await phone.goto(`${server.url}/control`);
	await phone
		.getByRole('region', { name: 'Gym A' })
		.getByRole('link', { name: /Balance Basics/ })
		.click();
	await expect(phone.getByTestId('connection')).toHaveText('Connected');
	const row = phone.getByTestId('roster-row').nth(0);
	const person = personShownAs((await row.getAttribute('data-participant'))!);

	// At the far end of the gym: no connection. The tests are kept on the phone all the same.
	await phoneContext.setOffline(true);
	await expect(phone.getByTestId('connection')).toHaveText('No connection', { timeout: 15_000 });

	const sheet = await openTestPart(phone, 0);
	// Nothing chosen yet: the phone asks for the test first.
	await sheet.getByRole('button', { name: 'Save' }).click();
	await expect(sheet.getByTestId('sheet-message')).toHaveText('Choose the test first.');
	await sheet.getByRole('button', { name: '30-second chair stand' }).click();
	await sheet.getByRole('spinbutton', { name: 'Stands in 30 seconds' }).fill('61');
	await sheet.getByRole('button', { name: 'Save' }).click();
	await expect(sheet.getByTestId('sheet-message')).toHaveText(
		'Stands in 30 seconds are between 0 and 60.'
	);
	await sheet.getByRole('spinbutton', { name: 'Stands in 30 seconds' }).fill('9');
	await sheet.getByRole('button', { name: 'Save' }).click();
	const message = sheet.getByTestId('sheet-message');
	await expect(message).toContainText('Saved: 30-second chair stand: 9 stands');
	await expect(sheet.getByTestId('outcome-verdict')).toHaveText(/cut-off|Below average/);
	await expect(message).toContainText('Source: CDC STEADI 30-Second Chair Stand');

	// The TUG: the participant's own device is chosen already; tenths by the big buttons.
	await sheet.getByRole('button', { name: 'Timed Up and Go' }).click();
	await expect(
		sheet.getByRole('group', { name: 'Assistive device used' }).getByRole('button', {
			name: DEVICE_WORDS[person.assistiveDevice]!,
			exact: true
		})
	).toHaveAttribute('aria-pressed', 'true');
	const seconds = sheet.getByRole('spinbutton', { name: 'Seconds (to a tenth)' });
	await expect(seconds).toHaveAttribute('inputmode', 'decimal');
	await seconds.fill('13');
	for (let i = 0; i < 5; i++) {
		await sheet.getByRole('button', { name: 'Seconds (to a tenth) plus 0.1' }).click();
	}
	await expect(seconds).toHaveValue('13.5');
	await sheet.getByRole('button', { name: 'Save' }).click();
	await expect(message).toContainText('Saved: Timed Up and Go: 13.5 s');
	await expect(sheet.getByTestId('outcome-verdict')).toHaveText('Fall risk (12 s or more)');
	await expect(message).toContainText('Source: CDC STEADI Timed Up and Go');
	await sheet.getByRole('button', { name: 'Close' }).click();

	// Kept as waiting: on the phone, not yet on the server.
	await expect(phone.getByTestId('sync-summary')).toContainText(
		'2 saved on phone, will sync when connected'
	);
	await row.getByRole('button', { name: new RegExp(person.firstName) }).click();
	const history = row.getByTestId('history');
	await expect(history).toContainText('30-second chair stand: 9 stands');
	await expect(history).toContainText('Timed Up and Go: 13.5 s');
	await expect(history.locator('[data-state=saved]')).toHaveCount(2);

	// The link is back: both are sent and the server keeps them.
	await phoneContext.setOffline(false);
	await expect(phone.getByTestId('sync-summary')).toHaveText(/All synced/, { timeout: 30_000 });
	await expect(history.locator('[data-state=synced]')).toHaveCount(2);

	// The coordinator opens the participant's page: both results, in the table and on the trends.
	const laptopContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const laptop = await laptopContext.newPage();
	await signIn(laptop, COORDINATOR, undefined, server.url);
	await laptop.goto(`${server.url}/participants`);
	await laptop.getByRole('link', { name: `${person.lastName}, ${person.firstName}` }).click();
	const section = laptop.getByTestId('outcome-tests');
	const table = section.getByRole('table').first();
	await expect(table.getByRole('row')).toHaveCount(3);
	const tug = table.getByRole('row').filter({ hasText: 'Timed Up and Go' });
	await expect(tug).toContainText('13.5 s');
	await expect(tug).toContainText('Fall risk (12 s or more)');
	await expect(tug).toContainText('Balance Basics');
	await expect(tug).toContainText('Jordan Lee');
	const chair = table.getByRole('row').filter({ hasText: '30-second chair stand' });
	await expect(chair).toContainText('9 stands');

	const tugTrend = section.locator('[data-testid=outcome-trend][data-test=tug]');
	await expect(
		tugTrend.locator('svg title').filter({ hasText: 'Timed Up and Go: 13.5' })
	).toHaveCount(1);
	await expect(tugTrend.locator('svg')).toContainText('Cut-off 12');
	const chairTrend = section.locator('[data-testid=outcome-trend][data-test=chair_stand_30s]');
	await expect(
		chairTrend.locator('svg title').filter({ hasText: '30-second chair stand: 9' })
	).toHaveCount(1);

	// One from the page: a refused value first (nothing recorded), then the right one.
	const form = section.getByTestId('outcome-form');
	await form.getByLabel('Test', { exact: true }).selectOption('chair_stand_30s');
	await form.getByRole('spinbutton', { name: 'Stands in 30 seconds' }).fill('75');
	await form.getByRole('button', { name: 'Record the test' }).click();
	await expect(section).toContainText('Not recorded. See the fields marked below.');
	const count = form.getByRole('spinbutton', { name: 'Stands in 30 seconds' });
	await expect(count).toHaveAttribute('aria-invalid', 'true');
	await expect(form).toContainText('Stands in 30 seconds are between 0 and 60.');
	await expect(table.getByRole('row')).toHaveCount(3);
	await count.fill('12');
	await form.getByRole('textbox', { name: 'Note (optional)' }).fill('Retest after 6 weeks');
	await form.getByRole('button', { name: 'Record the test' }).click();
	await expect(laptop.getByText('Test recorded.')).toBeVisible();
	await expect(table.getByRole('row')).toHaveCount(4);
	const fromPage = table.getByRole('row').filter({ hasText: 'Retest after 6 weeks' });
	await expect(fromPage).toContainText('12 stands');
	await expect(fromPage).toContainText('Outside a class');
	await expect(chairTrend.locator('svg title')).toHaveCount(2);
	// A fresh form for the next one: today's date is back in its field.
	await expect(form.getByLabel('Date tested')).not.toHaveValue('');

	await phoneContext.close();
	await laptopContext.close();
});
