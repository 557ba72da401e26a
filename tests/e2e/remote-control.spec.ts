import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Browser, type Locator, type Page } from '../browser-test';
import { and, eq, notInArray } from 'drizzle-orm';
import { openDatabase } from '../../src/lib/server/db/client';
import * as schema from '../../src/lib/server/db/schema';
import { seedDemoClinic } from '../../src/lib/server/db/seed/demo';
import { expectReachable, shotsDir, signIn, TECHNICIAN } from '../helpers';
import { clinicToday } from '../clinic-today';
import { e2ePort, type RunningServer, startServer, untilListening } from '../server-process';

// The phone as a remote: Stop in reach over a long roster and an open sheet, state banners,
// questions before the moves that cannot be taken back. A server of its own: it prepares a
// 12-person class and runs (and stops) it.
const PORT = e2ePort(9);
const SHOTS = shotsDir('remote');
const ROSTER_SIZE = 12;

let server: RunningServer;
let dataDir: string;
let phone: Page;

test.describe.configure({ mode: 'serial', timeout: 120_000 });

/**
 * Today's Balance Basics with twelve on its roster (the demo books nine: three more join this
 * one class) and its reps exercises waiting for Done.
 */
async function prepare(dir: string) {
	const database = await openDatabase({ dataDir: dir });
	try {
		await database.migrate(path.resolve('drizzle'));
		const db = database.db;
		const { clinicId } = await seedDemoClinic(db);
		const [session] = await db
			.select({
				id: schema.classSessions.id,
				seriesId: schema.classSessions.seriesId,
				versionId: schema.classSessions.routineVersionId
			})
			.from(schema.classSessions)
			.where(
				and(
					eq(schema.classSessions.clinicId, clinicId),
					eq(schema.classSessions.name, 'Balance Basics'),
					eq(schema.classSessions.occurrenceDate, await clinicToday(db, clinicId))
				)
			)
			.orderBy(schema.classSessions.startsAt)
			.limit(1);
		const booked = await db
			.select({ id: schema.enrollments.participantId })
			.from(schema.enrollments)
			.where(eq(schema.enrollments.seriesId, session!.seriesId!));
		const others = await db
			.select({ id: schema.participants.id })
			.from(schema.participants)
			.where(
				and(
					eq(schema.participants.clinicId, clinicId),
					notInArray(
						schema.participants.id,
						booked.map((row) => row.id)
					)
				)
			)
			.limit(ROSTER_SIZE - booked.length);
		await db.insert(schema.enrollments).values(
			others.map((row) => ({
				clinicId,
				participantId: row.id,
				sessionId: session!.id,
				status: 'enrolled' as const
			}))
		);
		await db
			.update(schema.classSessions)
			.set({ capacity: ROSTER_SIZE })
			.where(eq(schema.classSessions.id, session!.id));
		await db
			.update(schema.routineVersions)
			.set({ waitForDone: true })
			.where(eq(schema.routineVersions.id, session!.versionId!));
	} finally {
		await database.close();
	}
}

test.beforeAll(async ({ browser }) => {
	// Seeding a clinic, migrating and starting a server take a while on a shared machine.
	test.setTimeout(120_000);
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'steady-remote-'));
	await prepare(dataDir);
	server = startServer(PORT, { DATA_DIR: dataDir });
	await untilListening(server, 60_000);
	fs.mkdirSync(SHOTS, { recursive: true });
	phone = await openClass(browser);
});

test.afterAll(async () => {
	await phone?.context().close();
	server?.child.kill('SIGTERM');
	await server?.exited;
	fs.rmSync(dataDir, { recursive: true, force: true });
});

async function openClass(browser: Browser): Promise<Page> {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
	// Records the buzzes the page asks for (a desktop browser has no vibration motor).
	await context.addInitScript(() => {
		const buzzes: unknown[] = [];
		Object.assign(window, { buzzes });
		navigator.vibrate = (pattern) => (buzzes.push(pattern), true);
	});
	const page = await context.newPage();
	await signIn(page, TECHNICIAN, undefined, server.url);
	await page.goto(`${server.url}/control`);
	await page
		.getByRole('region', { name: 'Gym A' })
		.getByRole('link', { name: /Balance Basics/ })
		.click();
	await expect(page.getByTestId('connection')).toHaveText('Connected');
	return page;
}

const bar = (page: Page) => page.getByRole('region', { name: 'Class controls' });
const stopButton = (page: Page) => page.getByRole('button', { name: 'Stop class (emergency)' });
const banner = (page: Page) => page.getByTestId('state-banner');

/** Mouse down on its centre, wait, mouse up: a finger held on the button. */
async function hold(page: Page, target: Locator, ms: number, whileHeld?: () => Promise<unknown>) {
	const box = (await target.boundingBox())!;
	await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
	await page.mouse.down();
	const since = Date.now();
	await whileHeld?.();
	await page.waitForTimeout(Math.max(0, ms - (Date.now() - since)));
	await page.mouse.up();
}

/** The bottom of the 12-person roster, with the last person's entry sheet open. */
async function scrollDownAndOpenSheet(page: Page) {
	const rows = page.getByTestId('roster-row');
	await expect(rows).toHaveCount(ROSTER_SIZE);
	await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
	await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
	const last = rows.last();
	await last.getByRole('button', { name: 'Record…' }).click();
	const sheet = page.getByTestId('entry-sheet');
	await expect(sheet).toBeVisible();
	return sheet;
}

for (const viewport of [
	{ width: 390, height: 844 },
	{ width: 360, height: 640 }
]) {
	const size = `${viewport.width}x${viewport.height}`;

	test(`${size}: at the bottom of a 12-person roster with a sheet open, Stop is in reach and only a hold stops`, async () => {
		await phone.setViewportSize(viewport);
		await phone.evaluate(() => window.scrollTo(0, 0));
		const start = phone.getByRole('button', { name: 'Start', exact: true });
		if (await start.isVisible()) {
			await phone.screenshot({ path: `${SHOTS}/${size}-before-start.png` });
			await start.click();
		}
		await expect(bar(phone).getByRole('button', { name: 'Pause' })).toBeVisible();
		await expect(banner(phone)).toHaveCount(0);
		await phone.screenshot({ path: `${SHOTS}/${size}-running-top.png` });

		const sheet = await scrollDownAndOpenSheet(phone);
		await expectReachable(phone, stopButton(phone));
		// The sheet ends above the bar: its Save is reachable too.
		const save = sheet.getByRole('button', { name: 'Save' });
		await save.scrollIntoViewIfNeeded();
		await expectReachable(phone, save);
		await phone.screenshot({ path: `${SHOTS}/${size}-sheet-open.png` });

		// A tap is not a stop: it says how.
		await stopButton(phone).click();
		await expect(bar(phone).getByText('Hold to stop')).toBeVisible();
		await phone.waitForTimeout(800);
		await expect(bar(phone).getByRole('button', { name: 'Pause' })).toBeVisible();
		await expect(banner(phone)).toHaveCount(0);
		// Let go half-way: still no stop.
		await hold(phone, stopButton(phone), 600);
		await expect(bar(phone).getByText('Hold to stop')).toBeVisible();
		await expect(bar(phone).getByRole('button', { name: 'Pause' })).toBeVisible();

		// Held for 1.5 s: stopped, said in a banner at the top of the screen.
		await hold(phone, stopButton(phone), 1900, () =>
			phone
				.waitForTimeout(700)
				.then(() => phone.screenshot({ path: `${SHOTS}/${size}-stop-held.png` }))
		);
		await expect(banner(phone)).toContainText('STOPPED');
		await expectReachable(phone, banner(phone));
		await expect(sheet).toBeVisible();
		await phone.screenshot({ path: `${SHOTS}/${size}-stopped-sheet-open.png` });
		await sheet.getByRole('button', { name: 'Close' }).click();
		await expect(sheet).toBeHidden();

		// After a Stop, Resume asks first and is the smaller button; End class stays.
		const resume = bar(phone).getByRole('button', { name: 'Resume…' });
		const end = bar(phone).getByRole('button', { name: 'End class…' });
		await expect(end).toBeVisible();
		const resumeBox = (await resume.boundingBox())!;
		const endBox = (await end.boundingBox())!;
		expect(resumeBox.width * resumeBox.height).toBeLessThan(endBox.width * endBox.height);
		await resume.click();
		await expect(bar(phone).getByText('Resume the class?')).toBeVisible();
		await phone.screenshot({ path: `${SHOTS}/${size}-resume-asks.png` });
		await bar(phone).getByRole('button', { name: 'Not now' }).click();
		await expect(banner(phone)).toContainText('STOPPED');
		await resume.click();
		await bar(phone).getByRole('button', { name: 'Yes, resume' }).click();
		await expect(banner(phone)).toHaveCount(0);

		// Paused: a banner too; Resume after a pause needs no question.
		await bar(phone).getByRole('button', { name: 'Pause' }).click();
		await expect(banner(phone)).toContainText('PAUSED');
		await expectReachable(phone, banner(phone));
		await phone.screenshot({ path: `${SHOTS}/${size}-paused.png` });
		await bar(phone).getByRole('button', { name: 'Resume' }).click();
		await expect(banner(phone)).toHaveCount(0);
		await expect(bar(phone).getByRole('button', { name: 'Pause' })).toBeVisible();
	});
}

test('a block that waits for Done says so; Next on the last block asks; Stop holds with the keyboard', async () => {
	await phone.setViewportSize({ width: 390, height: 844 });
	await phone.evaluate(() => window.scrollTo(0, 0));
	const list = phone.getByText(/^All exercises/);
	await list.click();
	await phone.getByRole('button', { name: /^Ankle circles/ }).click();
	await expect(phone.getByTestId('phone-block')).toHaveText('Ankle circles');
	await expect(banner(phone)).toContainText('WAITING FOR DONE');
	// One long buzz when the block starts waiting (commands buzz 30 ms when accepted).
	await expect
		.poll(() => phone.evaluate(() => (window as unknown as { buzzes: unknown[] }).buzzes))
		.toContain(200);
	await expect(phone.getByTestId('block-details')).toContainText('reps');
	// Done replaces Next while the block waits.
	await expect(bar(phone).getByRole('button', { name: 'Next' })).toHaveCount(0);
	await phone.evaluate(() => window.scrollTo(0, 0));
	await phone.screenshot({ path: `${SHOTS}/390x844-waiting-for-done.png` });
	await bar(phone).getByRole('button', { name: 'Done' }).click();
	await expect(banner(phone)).toHaveCount(0);
	await expect(bar(phone).getByRole('button', { name: 'Next' })).toBeVisible();

	// The last block: Next asks before it finishes the class.
	await phone.getByRole('button', { name: /^Seated hamstring stretch/ }).click();
	await expect(phone.getByTestId('phone-block')).toHaveText('Seated hamstring stretch');
	await bar(phone).getByRole('button', { name: 'Finish…' }).click();
	await expect(bar(phone).getByText('Last exercise: finish the class?')).toBeVisible();
	await bar(phone).getByRole('button', { name: 'Not now' }).click();
	await expect(phone.getByTestId('phone-block')).toHaveText('Seated hamstring stretch');
	await expect(bar(phone).getByRole('button', { name: 'Pause' })).toBeVisible();

	// Keyboard: Space held on Stop stops; a short press does not.
	await stopButton(phone).focus();
	await phone.keyboard.press('Space');
	await expect(bar(phone).getByText('Hold to stop')).toBeVisible();
	await expect(banner(phone)).toHaveCount(0);
	await phone.keyboard.down(' ');
	await phone.waitForTimeout(1900);
	await phone.keyboard.up(' ');
	await expect(banner(phone)).toContainText('STOPPED');
});

test('without a connection the bar says what still works and what to do', async () => {
	await bar(phone).getByRole('button', { name: 'Resume…' }).click();
	await bar(phone).getByRole('button', { name: 'Yes, resume' }).click();
	await expect(banner(phone)).toHaveCount(0);

	await phone.context().setOffline(true);
	await expect(phone.getByTestId('connection')).toHaveText('No connection', { timeout: 20_000 });
	const help = bar(phone).getByTestId('offline-help');
	await expect(help).toContainText('The wall keeps running on its own');
	await expect(help).toContainText('Attendance and notes still work');
	await expectReachable(phone, help);
	// Stop stays where it was, greyed, under the words that say what to do instead.
	await expect(stopButton(phone)).toBeDisabled();
	await phone.screenshot({ path: `${SHOTS}/390x844-offline.png` });
	await phone.setViewportSize({ width: 360, height: 640 });
	await expectReachable(phone, stopButton(phone));
	await phone.screenshot({ path: `${SHOTS}/360x640-offline.png` });
	await phone.context().setOffline(false);
	await expect(phone.getByTestId('connection')).toHaveText('Connected', { timeout: 20_000 });

	// A screen reader's activation (a click with no pointer or key behind it) cannot hold:
	// it gets a two-step confirm instead.
	await stopButton(phone).dispatchEvent('click');
	const confirm = phone.getByRole('button', { name: 'Confirm: stop the class now' });
	await expect(confirm).toBeVisible();
	await expect(banner(phone)).toHaveCount(0);
	await confirm.dispatchEvent('click');
	await expect(banner(phone)).toContainText('STOPPED');

	// End class from the bar after the Stop: it asks, then the class is complete.
	await bar(phone).getByRole('button', { name: 'End class…' }).click();
	await bar(phone).getByRole('button', { name: 'Yes, end class' }).click();
	await expect(phone.getByTestId('phone-now')).toContainText('Class complete');
	await expect(bar(phone)).toHaveCount(0);
});
