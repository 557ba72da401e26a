import type { Browser, Page } from '@playwright/test';
import type { Frame } from './skew-analysis';

/**
 * Runs in the page before its scripts: the display's token, a wall clock `shiftMs` wrong (Date
 * only: performance.now is the hardware's and stays right), and a recorder for what it draws.
 * Plain JavaScript in a string: tsx would otherwise add helpers the page does not have.
 */
const PROBE = `({ token, shiftMs }) => {
	try {
		localStorage.setItem('steady.display.token', token);
	} catch {
		// about:blank has no storage; the display's own page does.
	}
	const realNow = Date.now.bind(Date);
	if (shiftMs) {
		const RealDate = Date;
		globalThis.Date = class extends RealDate {
			constructor(...args) {
				super(...(args.length ? args : [realNow() + shiftMs]));
			}
			static now() {
				return realNow() + shiftMs;
			}
		};
	}
	const frames = [];
	globalThis.skewFrames = frames;
	// The true wall clock read beside the monotonic one: checks both pages share one time base.
	globalThis.steadyShownTime = (shown) => {
		const wall = realNow();
		const monotonic = performance.timeOrigin + performance.now();
		frames.push([shown.atMs, shown.readMs, shown.status, shown.segment, shown.remainingMs, wall - monotonic]);
	};
}`;

/** A /display page with the probe in it. */
export async function openDisplay(
	browser: Browser,
	url: string,
	token: string,
	shiftMs: number
): Promise<Page> {
	const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
	await context.addInitScript({ content: `(${PROBE})(${JSON.stringify({ token, shiftMs })})` });
	const page = await context.newPage();
	await page.goto(`${url}/display`);
	return page;
}

/** Longer than this to read the clock, and a frame's stamp may be late: it is left out. */
const MAX_READ_MS = 1;

/** What the page drew, frames with a stalled clock read left out, and its wall-clock base. */
export async function framesOf(page: Page) {
	const rows = (await page.evaluate(
		() => (globalThis as unknown as { skewFrames: unknown[][] }).skewFrames
	)) as [number, number, string, string, number | null, number][];
	// Date.now() is whole milliseconds rounded down: +0.5 makes the mean offset unbiased.
	const baseMs = rows.reduce((sum, row) => sum + row[5] + 0.5, 0) / rows.length;
	const frames: Frame[] = rows
		.filter(([, readMs]) => readMs <= MAX_READ_MS)
		.map(([at, , status, segment, remainingMs]) => ({ at, status, segment, remainingMs }));
	return { frames, baseMs, stalled: rows.length - frames.length };
}

/**
 * How far the display's idea of server time is from the server's clock (this machine's, which
 * the pages' own unshifted Date matches to a millisecond): its sync error, in ms.
 */
export const clockErrorOf = (page: Page, shiftMs: number) =>
	page.evaluate((shift) => {
		const probe = globalThis as unknown as { steadyDisplay: { serverNow(): number } };
		const errors = Array.from({ length: 21 }, () => probe.steadyDisplay.serverNow() - Date.now());
		return errors.sort((x, y) => x - y)[10]! + shift;
	}, shiftMs);

export const isSynced = (page: Page) =>
	page.evaluate(() =>
		(globalThis as unknown as { steadyDisplay?: { synced(): boolean } }).steadyDisplay?.synced()
	);
