import { expect, test, type Browser, type Page } from '../browser-test';
import { PARTICIPANT_ROSTER } from '../../src/lib/server/db/seed/participant-roster';
import { COORDINATOR, pairDisplay, phoneInClass, shotsDir, TECHNICIAN } from '../helpers';
import { ownDemoServer } from '../own-demo-server';

// Its own demo clinic: it stops a class and pairs a display, which the suite's server must not see.
const server = ownDemoServer(6);
const SHOTS = shotsDir('floor');

test.describe.configure({ mode: 'serial', timeout: 120_000 });

const phone = (browser: Browser, email: string) =>
	phoneInClass(browser, email, 'Gym A', { baseUrl: server.url, classLink: /Balance/ });

/** The room's wall display, paired by a phone; every frame it receives is kept. */
async function gymDisplay(browser: Browser, by: Page) {
	const frames: string[] = [];
	const page = await pairDisplay(browser, by.context(), 'Gym A', server.url, (display) =>
		display.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(String(f.payload))))
	);
	return { page, frames };
}

async function recordVitals(page: Page, row: number, values: { heartRate: string; spo2: string }) {
	await page.getByTestId('roster-row').nth(row).getByRole('button', { name: 'Record…' }).click();
	const sheet = page.getByTestId('entry-sheet');
	await sheet.getByRole('tab', { name: 'Vitals' }).click();
	await sheet.getByRole('spinbutton', { name: 'Heart rate' }).fill(values.heartRate);
	await sheet.getByRole('spinbutton', { name: 'SpO2' }).fill(values.spo2);
	await sheet.getByRole('button', { name: 'Save' }).click();
	return sheet;
}

const allNames = PARTICIPANT_ROSTER.flatMap((p) => [
	`${p.firstName} ${p.lastName}`,
	`${p.firstName} ${p.lastName.charAt(0)}.`
]);

test('a STOP alert names the person on every phone; sit out, recheck, who saw and acted, stop class', async ({
	browser
}) => {
	const lead = await phone(browser, TECHNICIAN);
	const assistant = await phone(browser, COORDINATOR);
	const display = await gymDisplay(browser, assistant);
	const rows = lead.getByTestId('roster-row');
	const ana = (await rows.nth(0).getAttribute('data-participant'))!;
	const ben = (await rows.nth(1).getAttribute('data-participant'))!;
	await rows.nth(0).getByRole('button', { name: 'Present' }).click();
	await rows.nth(1).getByRole('button', { name: 'Present' }).click();
	await lead.getByRole('button', { name: 'Start' }).click();
	await expect(lead.getByRole('button', { name: 'Pause' })).toBeVisible();

	// HR 142 and SpO2 86 during exercise: the saved entry lists each finding on its own line,
	// and the values stay in their fields.
	const sheet = await recordVitals(lead, 0, { heartRate: '142', spo2: '86' });
	const findings = sheet.getByTestId('sheet-findings').getByRole('listitem');
	await expect(findings.filter({ hasText: 'STOP: SpO2 < 88 %' })).toHaveCount(1);
	await expect(
		findings.filter({ hasText: 'STOP: Heart rate during exercise > 130 bpm' })
	).toHaveCount(1);
	expect(await findings.count()).toBeGreaterThanOrEqual(3);
	await expect(sheet.getByRole('spinbutton', { name: 'SpO2' })).toHaveValue('86');
	await expect(sheet.getByRole('spinbutton', { name: 'Heart rate' })).toHaveValue('142');

	// The overlay on the second phone: who, the values with units, the rule, the severity.
	const overlay = assistant.getByTestId('alert-overlay');
	await expect(overlay).toBeVisible();
	await expect(overlay.getByTestId('alert-severity')).toHaveText('STOP');
	await expect(overlay.getByTestId('alert-name')).toHaveText(ana);
	await expect(overlay.getByTestId('alert-values')).toHaveText('HR 142 bpm · SpO2 86 % (during)');
	await expect(overlay.getByTestId('alert-rules')).toContainText(
		'STOP: SpO2 < 88 %. Stop and tell the supervising therapist.'
	);
	await expect(overlay).toContainText('Recorded by Jordan Lee');
	await assistant.screenshot({ path: `${SHOTS}/alert-overlay-390x844.png` });
	await assistant.setViewportSize({ width: 360, height: 640 });
	await assistant.screenshot({ path: `${SHOTS}/alert-overlay-360x640.png` });
	await assistant.setViewportSize({ width: 390, height: 844 });

	// The lead sits Ana out from the overlay (on top of the still-open sheet).
	const leadOverlay = lead.getByTestId('alert-overlay');
	await expect(leadOverlay.getByTestId('alert-name')).toHaveText(ana);
	await leadOverlay.getByRole('button', { name: 'Sit out' }).click();
	await expect(leadOverlay).toBeHidden();
	await lead.screenshot({ path: `${SHOTS}/entry-sheet-findings-390x844.png` });
	await sheet.getByRole('button', { name: 'Close' }).click();

	// Both phones: sitting out on the roster; the second phone's overlay says who acted.
	for (const page of [lead, assistant]) {
		await expect(
			page.locator(`[data-participant="${ana}"]`).getByTestId('sitting-out')
		).toContainText(/Sitting out since \d{1,2}:\d\d/);
	}
	await expect(overlay.getByTestId('alert-acted')).toContainText(/Sit out by Jordan Lee \d/);
	await overlay.getByRole('button', { name: 'Seen' }).click();
	await expect(overlay).toBeHidden();

	// The participant's history on the lead's phone: who saw it and who acted.
	await lead.locator(`[data-participant="${ana}"]`).getByTestId('participant-name').click();
	await expect(lead.getByTestId('alert-history')).toHaveText(
		/^Sit out by Jordan Lee \d{1,2}:\d\d( [AP]M)? · Seen by Casey Morgan \d{1,2}:\d\d( [AP]M)?$/
	);

	// A second alert, recorded by the assistant: the lead asks for a recheck in 2 minutes,
	// a reminder that survives a reload (it comes from the stored action).
	const second = await recordVitals(assistant, 1, { heartRate: '90', spo2: '85' });
	// Their own alert covers the sheet at once: the overlay is above everything on the phone.
	await expect(second.getByTestId('sheet-findings')).toContainText('STOP: SpO2 < 88 %');
	await expect(leadOverlay.getByTestId('alert-name')).toHaveText(ben);
	await leadOverlay.getByRole('button', { name: 'Recheck in 2 min' }).click();
	await expect(leadOverlay).toBeHidden();
	const reminder = lead.getByTestId('recheck-reminder');
	await expect(reminder).toContainText(new RegExp(`Recheck ${ben} at \\d`));
	await lead.reload();
	await expect(lead.getByTestId('connection')).toHaveText('Connected');
	await expect(reminder).toContainText(`Recheck ${ben} at`);
	await expect(lead.getByTestId('alert-overlay')).toBeHidden();

	// Stop class from the overlay: a tap does nothing, a held press stops it.
	const assistantOverlay = assistant.getByTestId('alert-overlay');
	await expect(assistantOverlay.getByTestId('alert-name')).toHaveText(ben);
	const hold = assistantOverlay.getByRole('button', { name: 'Stop class (hold to confirm)' });
	await hold.click();
	await expect(assistant.getByTestId('state-banner').filter({ hasText: 'STOPPED' })).toHaveCount(0);
	await hold.hover();
	await assistant.mouse.down();
	await assistant.waitForTimeout(1800);
	await assistant.mouse.up();
	for (const page of [lead, assistant]) {
		await expect(page.getByTestId('state-banner')).toContainText('STOPPED');
	}
	await expect(assistantOverlay).toBeHidden();
	await lead.locator(`[data-participant="${ben}"]`).getByTestId('participant-name').click();
	await expect(lead.locator(`[data-participant="${ben}"]`).getByTestId('alert-history')).toHaveText(
		/Recheck by Jordan Lee .* · Stop class by Casey Morgan /
	);

	// The display showed the class stopping, and never received an alert, an entry or a name.
	const heard = display.frames.join('\n');
	expect(heard).not.toContain('alert');
	expect(heard).not.toContain('entry:');
	expect(heard).not.toContain('SpO2');
	const shown = await display.page.content();
	for (const name of allNames) {
		expect(heard, name).not.toContain(name);
		expect(shown, name).not.toContain(name);
	}
});
