import { expect, test, type Browser, type Page } from '../browser-test';
import { PARTICIPANT_ROSTER } from '../../src/lib/server/db/seed/participant-roster';
import { TECHNICIAN, signIn } from '../helpers';
import { e2ePort, type RunningServer, startServer, untilListening } from '../server-process';

// This test restarts its server, so it runs its own rather than the suite's.
test.describe.configure({ timeout: 150_000 });

const PORT = e2ePort(16);

async function openDisplay(browser: Browser, url: string, skewMs = 0) {
	const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
	if (skewMs) await context.clock.install({ time: Date.now() + skewMs });
	const page = await context.newPage();
	const frames: string[] = [];
	page.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(String(f.payload))));
	await page.goto(`${url}/display`);
	return { page, frames };
}

async function pair(phone: Page, display: Page, url: string) {
	const code = (await display.getByTestId('pairing-code').getAttribute('aria-label'))!.slice(-6);
	await phone.goto(`${url}/control/pair?code=${code}`);
	await phone.getByLabel('Gym A').check();
	await phone.getByRole('button', { name: 'Pair' }).click();
	await expect(phone.getByRole('status')).toContainText('Paired');
	await expect(display.getByTestId('pairing-code')).toBeHidden();
}

const seconds = (text: string | null) => {
	const [m, s] = (text ?? '0:00').split(':').map(Number);
	return m! * 60 + s!;
};

async function serverNowOf(page: Page): Promise<number> {
	return page.evaluate(() =>
		(window as unknown as { steadyDisplay: { serverNow(): number } }).steadyDisplay.serverNow()
	);
}

test('pair a display, run a class from the phone, survive a server restart', async ({
	browser
}) => {
	let server: RunningServer = startServer(PORT, {}, 'http', { keepData: true });
	const url = server.url;
	try {
		await untilListening(server);
		const { page: display, frames } = await openDisplay(browser, url);
		await expect(display.getByTestId('pairing-code')).toBeVisible();

		const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
		const phone = await phoneContext.newPage();
		await signIn(phone, TECHNICIAN, undefined, url);
		await pair(phone, display, url);
		await expect(display.getByRole('heading', { name: 'Gym A' })).toBeVisible();
		await expect(
			display.getByText('Next class:').or(display.getByText('No more classes'))
		).toBeVisible();

		// Start Balance Basics in Gym A from the phone.
		await phone.goto(`${url}/control`);
		await phone
			.getByRole('region', { name: 'Gym A' })
			.getByRole('link', { name: /Balance Basics/ })
			.click();
		await expect(phone.getByTestId('connection')).toHaveText('Connected');
		// The phone mutes this room's display, and unmutes it again.
		await phone.getByRole('button', { name: 'Mute' }).click();
		await expect(display.getByText('Sound off')).toBeVisible();
		await phone.getByRole('button', { name: 'Unmute' }).click();
		await expect(display.getByText('Sound off')).toBeHidden();
		await phone.getByRole('button', { name: 'Start' }).click();

		const name = display.getByTestId('exercise-name');
		const countdown = display.getByTestId('countdown');
		await expect(name).toHaveText('Marching warm-up');
		const first = seconds(await countdown.textContent());
		await expect.poll(async () => seconds(await countdown.textContent())).toBeLessThan(first);
		await expect(display.getByTestId('next')).toContainText('Ankle circles');

		// Pause freezes the display.
		await phone.getByRole('button', { name: 'Pause' }).click();
		await expect(display.getByTestId('paused')).toBeVisible();
		const frozen = await countdown.textContent();
		await display.waitForTimeout(1500);
		expect(await countdown.textContent()).toBe(frozen);

		// Resume, then Next moves on to the next block.
		await phone.getByRole('button', { name: 'Resume' }).click();
		await expect(display.getByTestId('paused')).toBeHidden();
		await phone.getByRole('button', { name: 'Next' }).click();
		await expect(name).toHaveText('Get ready');
		await phone.getByRole('button', { name: 'Next' }).click();
		await expect(name).toHaveText('Ankle circles');
		// Ankle circles is a reps exercise that moves on by itself at its planned time (10 reps x
		// 3 s a side): lengthen it so it is still on the wall after the restart below.
		await expect(display.getByText('Go at your own pace')).toBeHidden();
		await expect(display.getByTestId('reps')).toHaveText('10 reps · LEFT');
		for (let i = 0; i < 4; i++) await phone.getByRole('button', { name: '+30 s' }).click();
		await expect.poll(async () => seconds(await countdown.textContent())).toBeGreaterThan(120);
		const beforeKill = await countdown.textContent();

		// Kill the server mid-class; the display keeps counting and says it is reconnecting.
		server.child.kill('SIGKILL');
		await server.exited;
		await expect(display.getByTestId('reconnecting')).toBeVisible();
		await expect.poll(() => countdown.textContent()).not.toBe(beforeKill);

		server = startServer(PORT, { DATA_DIR: server.dataDir }, 'http', { keepData: true });
		await untilListening(server);
		await expect(display.getByTestId('reconnecting')).toBeHidden({ timeout: 20_000 });
		await expect(name).toHaveText('Ankle circles');
		await expect(phone.getByTestId('connection')).toHaveText('Connected', { timeout: 20_000 });
		await expect(phone.getByTestId('phone-now')).toContainText('Ankle circles');

		// A second display whose clock is three minutes fast agrees with the first.
		const { page: skewed } = await openDisplay(browser, url, 3 * 60_000);
		await pair(phone, skewed, url);
		await expect(skewed.getByTestId('exercise-name')).toHaveText('Ankle circles');
		await expect
			.poll(() =>
				skewed.evaluate(() =>
					(window as never as { steadyDisplay: { synced(): boolean } }).steadyDisplay.synced()
				)
			)
			.toBe(true);
		const differences: number[] = [];
		for (let i = 0; i < 5; i++) {
			const t0 = Date.now();
			const a = await serverNowOf(display);
			const t1 = Date.now();
			const b = await serverNowOf(skewed);
			const t2 = Date.now();
			// b was read (t2 + t1) / 2 - (t1 + t0) / 2 later than a, by the test's own clock.
			differences.push(Math.abs(b - a - ((t2 + t1) / 2 - (t1 + t0) / 2)));
		}
		expect(Math.min(...differences)).toBeLessThan(50);
		const onSkewed = seconds(await skewed.getByTestId('countdown').textContent());
		expect(Math.abs(onSkewed - seconds(await countdown.textContent()))).toBeLessThanOrEqual(1);

		// The display's socket never carried a participant's name or a staff member's.
		const received = frames.join('\n');
		expect(received).toContain('Marching warm-up');
		for (const person of PARTICIPANT_ROSTER) {
			expect(received).not.toContain(`${person.firstName} ${person.lastName}`);
			expect(received).not.toContain(`${person.firstName} ${person.lastName[0]}.`);
		}
		expect(received).not.toContain('Jordan Lee');
	} finally {
		server.child.kill('SIGKILL');
	}
});
