import { expect, test, type Browser, type Page } from '../browser-test';
import { PARTICIPANT_ROSTER } from '../../src/lib/server/db/seed/participant-roster';
import {
	COORDINATOR,
	expectReachable,
	pairDisplay,
	phoneInClass,
	recordPoolCheck,
	shotsDir,
	TECHNICIAN
} from '../helpers';
import { ownDemoServer } from '../own-demo-server';

// Its own demo clinic: it pairs a display to the pool and runs the pool class to its end.
const server = ownDemoServer(7);
const SHOTS = shotsDir('floor');

test.describe.configure({ mode: 'serial', timeout: 150_000 });

const poolPhone = (browser: Browser, email: string) =>
	phoneInClass(browser, email, 'Therapy Pool', { baseUrl: server.url });

const poolDisplay = (browser: Browser, by: Page) =>
	pairDisplay(browser, by.context(), 'Therapy Pool', server.url);

const excluded = PARTICIPANT_ROSTER.find(
	(p) => p.classes.includes('aquatic') && p.aquaticExclusions.length > 0
)!;
const excludedName = `${excluded.firstName} ${excluded.lastName.charAt(0)}.`;

test('pool bookends: the start checklist gates Start from live state, exclusions show at open, the end sequence', async ({
	browser
}) => {
	const lead = await poolPhone(browser, TECHNICIAN);
	const assistant = await poolPhone(browser, COORDINATOR);
	const items = lead.getByTestId('start-item');
	const start = lead.getByRole('button', { name: 'Start' });

	// As soon as the class opens: the exclusion is flagged, before anyone is marked.
	await expect(
		lead.locator(`[data-participant="${excludedName}"]`).getByTestId('flag')
	).toContainText('Excluded from pool work: Open wounds');

	await expect(items).toHaveCount(3);
	for (const item of await items.all()) await expect(item).toHaveAttribute('data-done', 'false');
	await expect(start).toBeDisabled();
	await lead.screenshot({ path: `${SHOTS}/pool-checklist-390x844.png` });

	// The pool check, recorded on the other phone, ticks the lead's item.
	await recordPoolCheck(assistant);
	await expect(items.nth(0)).toHaveAttribute('data-done', 'true');
	await expect(items.nth(0)).toContainText('by Casey Morgan');
	await expect(lead.getByTestId('pool-check-done')).toContainText('by Casey Morgan');
	await expect(start).toBeDisabled();

	// A display comes online in the pool room; it ticks, and unticks when it goes.
	let display = await poolDisplay(browser, assistant);
	await expect(items.nth(1)).toHaveAttribute('data-done', 'true');
	// Paired after the lead's page opened: the displays panel learns it, as the checklist did.
	const onlineDisplays = lead.getByTestId('display-state').filter({ hasText: 'Online' });
	await expect(onlineDisplays).toHaveCount(1);
	await display.context().close();
	await expect(items.nth(1)).toHaveAttribute('data-done', 'false');
	display = await poolDisplay(browser, assistant);
	await expect(items.nth(1)).toHaveAttribute('data-done', 'true');
	await expect(onlineDisplays).toHaveCount(1);
	await expect(start).toBeDisabled();

	// Headcount in: everyone on the list marked; the excluded participant stays out.
	const rows = lead.getByTestId('roster-row');
	const count = await rows.count();
	await expect(items.nth(2)).toContainText(`mark attendance for ${count} more`);
	for (let i = 0; i < count; i++) {
		const row = rows.nth(i);
		const name = await row.getAttribute('data-participant');
		await row.getByRole('button', { name: name === excludedName ? 'Excused' : 'Present' }).click();
	}
	await expect(items.nth(2)).toContainText(`Headcount in: ${count - 1} in the water`);
	await expect(start).toBeEnabled();
	await lead.evaluate(() => window.scrollTo(0, 0));
	await lead.screenshot({ path: `${SHOTS}/pool-checklist-done-390x844.png` });
	await start.click();
	await expect(lead.getByRole('button', { name: 'Pause' })).toBeVisible();
	await expect(lead.getByTestId('pool-start')).toBeHidden();

	// End: the end sequence, not an end.
	await lead.getByRole('button', { name: 'End class…' }).click();
	await lead.getByTestId('bar-question').getByRole('button', { name: 'Yes, end class' }).click();
	const end = lead.getByTestId('pool-end');
	await expect(end).toBeVisible();
	const finish = end.getByTestId('end-step-end').getByRole('button');
	await expect(finish).toHaveText('Count everyone out first');
	await expect(finish).toBeDisabled();
	await expect(end.getByTestId('missing-exertion')).toHaveCount(count - 1);
	// The sequence is a sheet, not a modal: the bar's Stop stays above it and pressable.
	const stop = lead.getByRole('button', { name: 'Stop class (emergency)' });
	await expectReachable(lead, stop);
	await lead.screenshot({ path: `${SHOTS}/pool-end-390x844.png` });

	const out = end.getByTestId('headcount-out');
	await out.getByRole('spinbutton', { name: 'People out of the water' }).fill(String(count - 1));
	await out.getByRole('button', { name: 'Record headcount out' }).click();
	await expect(out).toContainText('Matches: the class can end');
	await expect(finish).toHaveText(`End class (${count - 1} missing)`);

	// A missing effort score, a tap away: the sheet opens over the sequence.
	await end
		.getByTestId('missing-exertion')
		.first()
		.getByRole('button', { name: 'Effort…' })
		.click();
	const sheet = lead.getByTestId('entry-sheet');
	// The entry sheet opens over the sequence (this click failed when the sequence was modal).
	await expectReachable(lead, sheet.getByRole('button', { name: /plus 1$/ }));
	await expectReachable(lead, stop);
	await sheet.getByRole('button', { name: /plus 1$/ }).click();
	await sheet.getByRole('button', { name: 'Save' }).click();
	await expect(sheet.getByTestId('sheet-message')).toContainText('Saved');
	await sheet.getByRole('button', { name: 'Close' }).click();
	await expect(end.getByTestId('missing-exertion')).toHaveCount(count - 2);
	await expect(finish).toHaveText(`End class (${count - 2} missing)`);
	await lead.screenshot({ path: `${SHOTS}/pool-end-counted-390x844.png` });

	await finish.click();
	await expect(end).toBeHidden();
	for (const page of [lead, assistant]) {
		await expect(page.getByTestId('phone-now')).toContainText('Class complete');
	}
	await display.context().close();
});
