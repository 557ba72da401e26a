import { mkdirSync } from 'node:fs';
import { expect, test } from '../browser-test';
import { phoneInClass, shotsDir, signIn, TECHNICIAN } from '../helpers';
import { ownDemoServer } from '../own-demo-server';

// Its own demo clinic: it ends a class, which the suite's shared server must not see.
const server = ownDemoServer(38);
const SHOTS = shotsDir('records');
const THERAPIST = 'therapist@example.org';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

test('a class ends, the lead reviews and signs two notes and adds an addendum, a therapist co-signs', async ({
	browser
}) => {
	mkdirSync(SHOTS, { recursive: true });
	const lead = await phoneInClass(browser, TECHNICIAN, 'Gym A', {
		baseUrl: server.url,
		classLink: /Balance/
	});
	const rows = lead.getByTestId('roster-row');
	await rows.nth(0).getByRole('button', { name: 'Present' }).click();
	await rows.nth(1).getByRole('button', { name: 'Present' }).click();
	await rows.nth(2).getByRole('button', { name: 'Late' }).click();
	await lead.getByRole('button', { name: 'Start' }).click();
	await expect(lead.getByRole('button', { name: 'Pause' })).toBeVisible();

	// A reading without a finding, recorded in class.
	await rows.nth(0).getByRole('button', { name: 'Record…' }).click();
	const sheet = lead.getByTestId('entry-sheet');
	await sheet.getByRole('tab', { name: 'Vitals' }).click();
	await sheet.getByRole('spinbutton', { name: 'Heart rate' }).fill('82');
	await sheet.getByRole('spinbutton', { name: 'SpO2' }).fill('97');
	await sheet.getByRole('button', { name: 'Save' }).click();
	await sheet.getByRole('button', { name: 'Close' }).click();
	await expect(sheet).toBeHidden();
	// Long enough in the first block for it to count as performed.
	await lead.waitForTimeout(6_000);

	await lead.getByRole('button', { name: 'End class…' }).first().click();
	await lead.getByRole('button', { name: 'Yes, end class' }).click();
	await expect(lead.getByTestId('phone-now')).toContainText('Class complete');
	await lead.getByRole('link', { name: 'Review notes' }).click();

	// All the class's notes on one page, one at a time.
	await expect(lead.getByRole('heading', { name: 'Class notes', level: 1 })).toBeVisible();
	const nav = lead.getByRole('navigation', { name: 'Participants' });
	await expect(nav).toContainText('1 of 3');
	await expect(lead.getByText('Group of 3, common activity:')).toBeVisible();
	await expect(lead.getByText('CPT 97150, group therapeutic procedures: 1 unit.')).toBeVisible();
	// Their first name, to find them on the phone's roster later (it shows first name + initial).
	const signedFirstName = (await lead.locator('#note-title').innerText()).trim().split(/\s+/)[0]!;
	await lead.getByLabel('Response to treatment').fill('Tolerated the class well.');
	await lead.getByLabel('Plan for the next visit').fill('Progress to standing.');
	await lead.screenshot({ path: `${SHOTS}/review-phone-draft.png`, fullPage: true });
	await lead.getByRole('button', { name: 'Sign note' }).click();
	const signatures = lead.getByTestId('signatures');
	await expect(signatures).toContainText('Signed by Jordan Lee');
	await expect(lead.getByText('Tolerated the class well.')).toBeVisible();
	const firstUrl = lead.url();

	// One tap to the next participant; signed as well, then an addendum beside it.
	await nav.getByRole('link', { name: /Next participant/ }).click();
	await expect(nav).toContainText('2 of 3');
	await lead.getByLabel('Response to treatment').fill('Needed rests.');
	await lead.getByRole('button', { name: 'Sign note' }).click();
	await expect(signatures).toContainText('Signed by Jordan Lee');
	await lead.getByLabel('Addendum').fill('Called later: no soreness.');
	await lead.getByRole('button', { name: 'Add addendum' }).click();
	await expect(lead.getByText('Addendum added.')).toBeVisible();
	await expect(lead.getByRole('heading', { name: 'Addenda', exact: true })).toBeVisible();
	await expect(lead.getByText('Called later: no soreness.')).toBeVisible();
	await expect(lead.getByRole('heading', { level: 2 })).toContainText('Signed, with addenda');
	// Signed notes are not edited any more: no text fields, no Sign button.
	await expect(lead.getByLabel('Response to treatment')).toHaveCount(0);
	await lead.screenshot({ path: `${SHOTS}/review-phone-signed.png`, fullPage: true });

	// A late entry from the phone for a participant whose note is signed: the server refuses it,
	// the phone says why and keeps it (also after a reload) until someone acts on it.
	const sessionId = new URL(firstUrl).pathname.split('/').at(-1)!;
	await lead.goto(`${server.url}/control/${sessionId}`);
	const signedRow = lead.locator(
		`[data-testid="roster-row"][data-participant^="${signedFirstName} "]`
	);
	await signedRow.getByRole('button', { name: 'Record…' }).click();
	await sheet.getByRole('tab', { name: 'Pain' }).click();
	await sheet.getByRole('button', { name: /plus 1$/ }).click();
	await sheet.getByRole('button', { name: 'Save' }).click();
	await sheet.getByRole('button', { name: 'Close' }).click();
	const badge = lead.getByTestId('unsent-badge');
	await expect(badge).toContainText('1 refused');
	await badge.click();
	const refusedRow = lead.getByTestId('unsent-row');
	await expect(refusedRow).toHaveAttribute('data-state', 'refused');
	await expect(refusedRow).toContainText('Note signed: add an addendum');
	await lead.reload();
	await lead.getByTestId('unsent-badge').click();
	await expect(lead.getByTestId('unsent-row')).toContainText('Note signed: add an addendum');

	// A therapist co-signs the first note on a laptop; the note shows both signatures.
	const desk = await (
		await browser.newContext({ viewport: { width: 1280, height: 800 } })
	).newPage();
	await signIn(desk, THERAPIST, undefined, server.url);
	await desk.goto(firstUrl);
	await desk.getByRole('button', { name: 'Co-sign note' }).click();
	const both = desk.getByTestId('signatures');
	await expect(both).toContainText('Co-signed by Sam Rivera, DPT');
	await expect(both).toContainText('Signed by Jordan Lee');
	await expect(desk.getByRole('button', { name: 'Co-sign note' })).toHaveCount(0);
	await desk.screenshot({ path: `${SHOTS}/review-laptop-cosigned.png`, fullPage: true });
	// The README's picture of note review (docs/screenshots, beside the other pages' pictures),
	// from the top: the drafted facts first.
	await desk.evaluate(() => window.scrollTo(0, 0));
	await desk.screenshot({ path: 'docs/screenshots/records-note-review.png' });
	// The participant's home exercises from this class, one link away.
	await desk.getByRole('link', { name: 'Home exercise handout from this class' }).click();
	await expect(desk.getByText('From your class on')).toBeVisible();
	await desk.context().close();
	await lead.context().close();
});
