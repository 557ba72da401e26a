import { expect, test, type Browser, type Page } from '../browser-test';
import { PARTICIPANT_ROSTER } from '../../src/lib/server/db/seed/participant-roster';
import { COORDINATOR, TECHNICIAN, signIn } from '../helpers';

test.describe.configure({ timeout: 90_000 });

async function phoneOn(browser: Browser, email: string) {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
	const page = await context.newPage();
	await signIn(page, email);
	return { context, page };
}

async function openClass(page: Page, room: string, name: RegExp) {
	await page.goto('/control');
	await page.getByRole('region', { name: room }).getByRole('link', { name }).click();
	await expect(page.getByTestId('connection')).toHaveText('Connected');
}

async function record(page: Page, row: number, tab: 'Effort' | 'Pain', times: number) {
	await page.getByTestId('roster-row').nth(row).getByRole('button', { name: 'Record…' }).click();
	const sheet = page.getByTestId('entry-sheet');
	await sheet.getByRole('tab', { name: tab }).click();
	// The first press shows the starting value (RPE 11, pain 0); each further press adds one.
	const plus = sheet.getByRole('button', { name: /plus 1$/ });
	for (let i = 0; i < times; i++) await plus.click();
	await sheet.getByRole('button', { name: 'Save' }).click();
	await expect(sheet.getByTestId('sheet-message')).toContainText('Saved');
	await sheet.getByRole('button', { name: 'Close' }).click();
}

const fullNameOf = (displayName: string) => {
	const p = PARTICIPANT_ROSTER.find(
		(q) => `${q.firstName} ${q.lastName.charAt(0)}.` === displayName
	)!;
	return `${p.firstName} ${p.lastName}`;
};

const allNames = PARTICIPANT_ROSTER.flatMap((p) => [
	`${p.firstName} ${p.lastName}`,
	`${p.firstName} ${p.lastName.charAt(0)}.`
]);

test('entries: one-tap attendance, tolerance sheets, offline outbox, a second phone, a clean display', async ({
	browser
}) => {
	// The wall display of the room, paired by the coordinator's phone; it must never see a name.
	const displayContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
	const display = await displayContext.newPage();
	const frames: string[] = [];
	display.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(String(f.payload))));
	await display.goto('/display');
	const code = (await display.getByTestId('pairing-code').getAttribute('aria-label'))!.slice(-6);

	const second = await phoneOn(browser, COORDINATOR);
	await second.page.goto(`/control/pair?code=${code}`);
	await second.page.getByLabel('Gym A').check();
	await second.page.getByRole('button', { name: 'Pair' }).click();
	await expect(display.getByRole('heading', { name: 'Gym A' })).toBeVisible();
	await openClass(second.page, 'Gym A', /Balance Basics/);

	const first = await phoneOn(browser, TECHNICIAN);
	let phone = first.page;
	await openClass(phone, 'Gym A', /Balance Basics/);
	const url = phone.url();
	const rows = phone.getByTestId('roster-row');
	const [ana, ben] = [rows.nth(0), rows.nth(1)];
	const anaName = (await ana.getAttribute('data-participant'))!;

	// One tap each; changing one's mind is one more tap, and the history keeps both.
	await ana.getByRole('button', { name: 'Late' }).click();
	await ana.getByRole('button', { name: 'Present' }).click();
	await ben.getByRole('button', { name: 'Present' }).click();
	await expect(phone.getByTestId('headcount')).toHaveText(/^2 present of \d+$/);
	await record(phone, 0, 'Effort', 2); // RPE 12
	await record(phone, 1, 'Pain', 3); // pain 2
	await expect(phone.getByTestId('sync-summary')).toHaveText(/All synced/);

	// Out-of-range values are refused on the phone with a plain message, and nothing is saved.
	await ana.getByRole('button', { name: 'Record…' }).click();
	const sheet = phone.getByTestId('entry-sheet');
	await sheet.getByRole('tab', { name: 'Vitals' }).click();
	await sheet.getByRole('spinbutton', { name: 'SpO2' }).fill('140');
	await sheet.getByRole('button', { name: 'Save' }).click();
	await expect(sheet.getByTestId('sheet-message')).toHaveText('SpO2: 50 to 100 %');
	await sheet.getByRole('button', { name: 'Close' }).click();

	// The second phone sees them appear live.
	const secondRows = second.page.getByTestId('roster-row');
	await expect(secondRows.nth(0).getByRole('button', { name: 'Present' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	await expect(second.page.getByTestId('headcount')).toHaveText(/^2 present of/);

	// Offline at the pool: two more entries wait on the phone.
	await first.context.setOffline(true);
	await expect(phone.getByTestId('connection')).toHaveText('No connection', { timeout: 15_000 });
	await record(phone, 1, 'Effort', 4); // RPE 14
	await record(phone, 0, 'Pain', 2); // pain 1
	await expect(phone.getByTestId('sync-summary')).toContainText('2 saved on phone');

	// The tab is closed, then opened again with a connection: the outbox drains by itself.
	await phone.close();
	await first.context.setOffline(false);
	phone = await first.context.newPage();
	await phone.goto(url);
	await expect(phone.getByTestId('sync-summary')).toHaveText(/All synced/, { timeout: 20_000 });
	for (const row of [0, 1]) {
		await phone
			.getByTestId('roster-row')
			.nth(row)
			.getByRole('button', { name: /^[^R]/ })
			.first()
			.click();
	}
	const states = phone.getByTestId('sync-state');
	// Ana: late, present, RPE, pain; Ben: present, pain, RPE.
	await expect(states).toHaveCount(7);
	for (const state of await states.all()) {
		await expect(state).toHaveAttribute('data-state', 'synced');
	}

	// The second phone has all of them too.
	await secondRows.nth(0).getByTestId('participant-name').click();
	await secondRows.nth(1).getByTestId('participant-name').click();
	// Full names and precautions show on the staff phone only, on tap.
	await expect(secondRows.nth(0).getByTestId('participant-details')).toContainText(
		fullNameOf(anaName)
	);
	await expect(second.page.getByTestId('sync-state')).toHaveCount(7);
	await expect(second.page.getByTestId('history').first()).toContainText('Pain 1/10');

	// The display never received or showed a participant's name.
	const shown = await display.content();
	for (const name of allNames) {
		expect(shown, name).not.toContain(name);
		expect(frames.join('\n'), name).not.toContain(name);
	}
	expect(frames.join('\n')).not.toContain('entry:');
	await Promise.all([first.context.close(), second.context.close(), displayContext.close()]);
});
