import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { expect, test, type Browser, type Locator, type Page } from '../browser-test';
import { io, type Socket } from 'socket.io-client';
import type { RoutinePlan } from '../../src/lib/shared/timeline';
import { COORDINATOR, TECHNICIAN } from '../helpers';
import {
	e2ePort,
	type RunningServer,
	signInCookie,
	startServer,
	untilListening
} from '../server-process';

/*
 * clinical.md section 7 on a 55-inch 16:9 TV (684.9 mm of picture height), at 720p, 1080p and
 * 2160p: countdown digits at least 25 % of the height, the exercise name's capitals 55 mm, the
 * cue's, the tiers', the next exercise's and the ring's words 40 mm. Every size here is measured
 * from the rendered pixels: a screenshot of one letter, scanned for rows of ink.
 */
test.describe.configure({ timeout: 240_000 });

const PORT = e2ePort(19);
const PANEL_MM = 684.9;
const NAME_MM = 55;
const WORDS_MM = 40;
const COUNTDOWN_SHARE = 0.25;
const SCREENS = [
	{ width: 1280, height: 720 },
	{ width: 1920, height: 1080 },
	{ width: 3840, height: 2160 }
];
const SHOTS = process.env.DISPLAY_SHOTS_DIR;

/** A plain drawing of an ankle circle, made here so no image is checked in. */
async function ankleCirclePicture(browser: Browser): Promise<Buffer> {
	const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
	await page.setContent(`<body style="margin:0">
		<svg id="art" width="800" height="600" viewBox="0 0 800 600" xmlns="http://www.w3.org/2000/svg"
			fill="none" stroke="#0b3954" stroke-width="24" stroke-linecap="round" stroke-linejoin="round">
			<rect width="800" height="600" fill="#eef6fb" stroke="none"/>
			<polyline points="160,560 160,300 260,300 260,560" stroke="#7a5c3e" stroke-width="16"/>
			<circle cx="330" cy="110" r="50" fill="#0b3954" stroke="none"/>
			<line x1="330" y1="170" x2="300" y2="330"/>
			<polyline points="300,330 470,340 560,330"/>
			<polyline points="300,330 300,560"/>
			<ellipse cx="600" cy="330" rx="60" ry="60" stroke="#e07a1f" stroke-width="12"/>
		</svg></body>`);
	const picture = await page.locator('#art').screenshot();
	await page.close();
	return picture;
}

async function giveAnklePicture(browser: Browser, url: string) {
	const laptop = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	await laptop.addCookies([
		{ name: 'steady_session', value: await sessionValue(url, COORDINATOR), url }
	]);
	const page = await laptop.newPage();
	await page.goto(`${url}/exercises?q=ankle`);
	await page.getByRole('link', { name: 'Ankle circles' }).click();
	await page.getByLabel(/^Upload/).setInputFiles({
		name: 'ankle-circles.png',
		mimeType: 'image/png',
		buffer: await ankleCirclePicture(browser)
	});
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByRole('status')).toHaveText(/^Saved/);
	await laptop.close();
}

async function sessionValue(url: string, email: string): Promise<string> {
	return (await signInCookie(url, email)).split('=')[1]!;
}

/** A technician's phone pairs the display to Gym A and opens Balance Basics; returns its id. */
async function pairAndOpenClass(browser: Browser, url: string, display: Page): Promise<string> {
	const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
	await phone.addCookies([
		{ name: 'steady_session', value: await sessionValue(url, TECHNICIAN), url }
	]);
	const page = await phone.newPage();
	const code = (await display.getByTestId('pairing-code').getAttribute('aria-label'))!.slice(-6);
	await page.goto(`${url}/control/pair?code=${code}`);
	await page.getByLabel('Gym A').check();
	await page.getByRole('button', { name: 'Pair' }).click();
	await expect(display.getByTestId('pairing-code')).toBeHidden();
	await page.goto(`${url}/control`);
	await page
		.getByRole('region', { name: 'Gym A' })
		.getByRole('link', { name: /Balance Basics/ })
		.click();
	await expect(page).toHaveURL(/\/control\/[0-9a-f-]{36}$/);
	const sessionId = page.url().split('/').at(-1)!;
	await phone.close();
	return sessionId;
}

/** The class's commands, sent the way a phone sends them. */
class Remote {
	#seq = 0;
	plan: RoutinePlan = { blocks: [] };
	private constructor(
		private socket: Socket,
		private sessionId: string
	) {}

	static async open(url: string, sessionId: string): Promise<Remote> {
		const cookie = await signInCookie(url, TECHNICIAN);
		const socket = io(url, {
			transports: ['websocket'],
			extraHeaders: { cookie, origin: url },
			reconnection: false,
			forceNew: true
		});
		const remote = new Remote(socket, sessionId);
		const joined = await socket.emitWithAck('class:join', { sessionId });
		expect(joined.ok, joined.code).toBe(true);
		return remote;
	}

	/** Starts the class and learns its plan (the class has none before it starts). */
	async start() {
		await this.send({ type: 'start' });
		const joined = await this.socket.emitWithAck('class:join', { sessionId: this.sessionId });
		expect(joined.ok, joined.code).toBe(true);
		this.plan = joined.snapshot.live.plan;
	}

	async send(command: Record<string, unknown>) {
		const answer = await this.socket.emitWithAck('class:command', {
			sessionId: this.sessionId,
			clientCommandId: randomUUID(),
			clientSeq: ++this.#seq,
			command
		});
		expect(answer.ok, `${command.type}: ${answer.error}`).toBe(true);
	}

	indexOf(test: (block: RoutinePlan['blocks'][number], index: number) => boolean): number {
		const index = this.plan.blocks.findIndex(test);
		expect(index).toBeGreaterThanOrEqual(0);
		return index;
	}

	close() {
		this.socket.close();
	}
}

type Ink = { px: number; char: string };

/**
 * Height in screen pixels of the ink of `target`'s first flat-topped capital (E, H, T ...;
 * any capital, else a figure, if there is none), or of all its digits when `digits`: the page is screenshot
 * around that text and every row holding a pixel nearer the text's colour than the background's
 * counts. The longest unbroken run of such rows is the glyph (a line above or below is apart).
 */
async function inkHeight(page: Page, target: Locator, digits = false): Promise<Ink> {
	const box = await target.evaluate((element, digits) => {
		const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
		const texts: Text[] = [];
		while (walker.nextNode()) texts.push(walker.currentNode as Text);
		const range = document.createRange();
		let char: string;
		if (digits) {
			const first = texts.find((t) => /\d/.test(t.data))!;
			range.setStart(first, first.data.search(/\d/));
			range.setEnd(first, first.data.length);
			char = first.data.trim();
		} else {
			const find = (pattern: RegExp) => {
				for (const text of texts) {
					const at = text.data.search(pattern);
					if (at >= 0) return { text, at };
				}
				return null;
			};
			// No capital ("10 reps"): a figure, as tall as a capital in this typeface.
			const found = find(/[EFHIKLMNTXZ]/) ?? find(/[A-Z]/) ?? find(/\d/);
			if (!found) throw new Error(`no capital in "${element.textContent}"`);
			range.setStart(found.text, found.at);
			range.setEnd(found.text, found.at + 1);
			char = found.text.data[found.at]!;
		}
		const rect = range.getBoundingClientRect();
		const style = getComputedStyle(range.startContainer.parentElement!);
		return {
			x: rect.x,
			y: rect.y,
			width: rect.width,
			height: rect.height,
			char,
			color: style.color
		};
	}, digits);
	const viewport = page.viewportSize()!;
	const x = Math.max(0, Math.floor(box.x));
	const y = Math.max(0, Math.floor(box.y));
	const clip = {
		x,
		y,
		width: Math.min(viewport.width, Math.ceil(box.x + box.width)) - x,
		height: Math.min(viewport.height, Math.ceil(box.y + box.height)) - y
	};
	const png = (await page.screenshot({ clip, animations: 'disabled' })).toString('base64');
	const px = await page.evaluate(
		async ({ png, color }) => {
			const image = new Image();
			image.src = `data:image/png;base64,${png}`;
			await image.decode();
			const canvas = document.createElement('canvas');
			canvas.width = image.width;
			canvas.height = image.height;
			const context = canvas.getContext('2d')!;
			context.drawImage(image, 0, 0);
			const { data, width, height } = context.getImageData(0, 0, image.width, image.height);
			const text = color.match(/\d+/g)!.slice(0, 3).map(Number);
			// The background is the clip's commonest colour.
			const counts = new Map<number, number>();
			for (let i = 0; i < data.length; i += 4) {
				const key = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
				counts.set(key, (counts.get(key) ?? 0) + 1);
			}
			const bgKey = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
			const bg = [(bgKey >> 16) & 255, (bgKey >> 8) & 255, bgKey & 255];
			const isInk = (i: number) =>
				[0, 1, 2].every(
					(c) => Math.abs(data[i + c]! - text[c]!) < Math.max(24, Math.abs(bg[c]! - text[c]!) / 2)
				);
			let best = 0;
			let run = 0;
			for (let row = 0; row < height; row++) {
				let ink = false;
				for (let col = 0; col < width && !ink; col++) ink = isInk((row * width + col) * 4);
				run = ink ? run + 1 : 0;
				best = Math.max(best, run);
			}
			return best;
		},
		{ png, color: box.color }
	);
	return { px, char: box.char };
}

const mm = (px: number, viewportHeight: number) => (px / viewportHeight) * PANEL_MM;

/**
 * The boxes of the screen's parts, and whether any part's text runs out of its box (a box can
 * sit clear of the others while its words spill over them).
 */
async function partBoxes(page: Page) {
	return page.getByTestId('running').evaluate((running) => {
		const parts = [
			'exercise-name',
			'up-next',
			'set',
			'cue',
			'exercise-media',
			'countdown',
			'reps',
			'ring-line',
			'next',
			'tiers'
		];
		const boxes: { part: string; left: number; top: number; right: number; bottom: number }[] = [];
		const spills: string[] = [];
		const column = (element: Element) => element.closest('.about, .timer, footer, .title');
		for (const part of parts) {
			const element = running.querySelector(`[data-testid="${part}"]`);
			if (!element) continue;
			const rect = element.getBoundingClientRect();
			boxes.push({ part, left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom });
			if (element.scrollWidth > element.clientWidth + 1) spills.push(`${part} is too wide`);
			const outer = column(element)?.getBoundingClientRect();
			if (outer && (rect.bottom > outer.bottom + 1 || rect.right > outer.right + 1)) {
				spills.push(`${part} runs out of its column`);
			}
		}
		const where = running.querySelector('.where')!.getBoundingClientRect();
		boxes.push({
			part: 'time left',
			left: where.left,
			top: where.top,
			right: where.right,
			bottom: where.bottom
		});
		return { boxes, spills };
	});
}

type Check = { part: string; testId: string; minMm?: number; digits?: boolean };

const WORDS: Check[] = [
	{ part: 'name', testId: 'exercise-name', minMm: NAME_MM },
	{ part: 'next exercise beside the title', testId: 'up-next', minMm: WORDS_MM },
	{ part: 'cue', testId: 'cue', minMm: WORDS_MM },
	{ part: 'tiers', testId: 'tiers', minMm: WORDS_MM },
	{ part: 'next', testId: 'next', minMm: WORDS_MM },
	{ part: 'reps', testId: 'reps', minMm: WORDS_MM },
	{ part: 'ring line', testId: 'ring-line', minMm: WORDS_MM },
	{ part: 'countdown', testId: 'countdown', digits: true }
];

/**
 * Measures every part the screen shows at the three resolutions, checks the floors, that no
 * two parts overlap and that all are on the screen; returns the numbers for the report.
 */
async function measureEverywhere(page: Page, scenario: string, expectParts: string[]) {
	const report: string[] = [];
	for (const screen of SCREENS) {
		await page.setViewportSize(screen);
		await page.evaluate(() => document.fonts.ready);
		// The name re-fits after a resize (ResizeObserver): let it settle.
		await page.waitForTimeout(400);
		const running = page.getByTestId('running');
		const shown: string[] = [];
		for (const check of WORDS) {
			const target = running.getByTestId(check.testId);
			if ((await target.count()) === 0) continue;
			shown.push(check.testId);
			// The small clock under "10 reps" is allowed small; every big countdown is measured.
			const small = check.testId === 'countdown' && (await running.getByTestId('reps').count()) > 0;
			const ink = await inkHeight(page, target.first(), check.digits);
			const where = `${scenario} ${screen.width}x${screen.height} ${check.part} "${ink.char}"`;
			if (check.digits && !small) {
				const share = ink.px / screen.height;
				report.push(`${where}: ${ink.px}px = ${(share * 100).toFixed(1)} % of the height`);
				expect(share, where).toBeGreaterThanOrEqual(COUNTDOWN_SHARE);
			} else {
				const size = mm(ink.px, screen.height);
				report.push(`${where}: ${ink.px}px = ${size.toFixed(1)} mm`);
				expect(size, where).toBeGreaterThanOrEqual(small ? WORDS_MM * 0.75 : check.minMm!);
			}
		}
		for (const part of expectParts) expect(shown, `${scenario}: ${part} shown`).toContain(part);

		if (SHOTS && (screen.width === 1920 || ['timed', 'get-ready'].includes(scenario))) {
			await page.screenshot({ path: `${SHOTS}/${scenario}-${screen.width}x${screen.height}.png` });
		}
		const { boxes, spills } = await partBoxes(page);
		expect(spills, `${scenario} ${screen.width}`).toEqual([]);
		for (const box of boxes) {
			const inside =
				box.left >= 0 && box.top >= 0 && box.right <= screen.width && box.bottom <= screen.height;
			expect(inside, `${scenario} ${screen.width}: ${box.part} on the screen`).toBe(true);
		}
		for (let i = 0; i < boxes.length; i++) {
			for (let j = i + 1; j < boxes.length; j++) {
				const a = boxes[i]!;
				const b = boxes[j]!;
				const overlap =
					a.left < b.right - 1 &&
					b.left < a.right - 1 &&
					a.top < b.bottom - 1 &&
					b.top < a.bottom - 1;
				expect(overlap, `${scenario} ${screen.width}: ${a.part} and ${b.part} overlap`).toBe(false);
			}
		}
	}
	await page.setViewportSize(SCREENS[1]!);
	return report;
}

/**
 * Jump to a block and hold it still for the measuring (+5 min). The cue caption that comes with
 * the new segment (the twin of its sound) must not cover the name; then it must go.
 */
async function showBlock(page: Page, remote: Remote, blockIndex: number, title: string) {
	await remote.send({ type: 'jump', blockIndex });
	const name = page.getByTestId('exercise-name');
	await expect(name).toHaveText(title);
	const caption = page.getByTestId('cue-caption');
	await expect(caption).toBeVisible();
	if (SHOTS && title === 'Get ready') {
		await page.screenshot({ path: `${SHOTS}/caption-1920x1080.png` });
	}
	const [captionBox, nameBox] = [await caption.boundingBox(), await name.boundingBox()];
	if (captionBox) expect(captionBox.y).toBeGreaterThanOrEqual(nameBox!.y + nameBox!.height);
	const kind = await page.getByTestId('running').getAttribute('data-segment');
	if (kind !== 'manual') await remote.send({ type: 'extend', seconds: 300 });
	await expect(caption).toHaveCount(0, { timeout: 5000 });
}

let server: RunningServer | undefined;

test.afterAll(() => {
	server?.child.kill('SIGKILL');
});

test('the wall is readable at 10 m at 720p, 1080p and 2160p', async ({ browser }) => {
	// Its own server: the class it runs is not one another spec has started or ended.
	server = startServer(PORT);
	await untilListening(server, 90_000);
	if (SHOTS) fs.mkdirSync(SHOTS, { recursive: true });
	const url = server.url;
	await giveAnklePicture(browser, url);
	const tv = await browser.newContext({ viewport: SCREENS[1]! });
	const display = await tv.newPage();
	await display.goto(`${url}/display`);
	await expect(display.getByTestId('pairing-code')).toBeVisible();
	const sessionId = await pairAndOpenClass(browser, url, display);
	const remote = await Remote.open(url, sessionId);
	const report: string[] = [];
	try {
		await remote.start();
		const name = display.getByTestId('exercise-name');
		await expect(name).toHaveText('Marching warm-up');

		// Timed work: the countdown large, the cue, the tiers, what comes next.
		await remote.send({ type: 'extend', seconds: 300 });
		report.push(
			...(await measureEverywhere(display, 'timed', [
				'exercise-name',
				'cue',
				'tiers',
				'next',
				'countdown'
			]))
		);

		// The corner buttons are gone during the class; a key or a pointer brings them back.
		const fullScreen = display.getByRole('button', { name: 'Full screen' });
		const opacity = () => fullScreen.evaluate((button) => getComputedStyle(button).opacity);
		await expect.poll(opacity).toBe('0');
		await display.keyboard.press('Shift');
		await expect.poll(opacity).not.toBe('0');
		await expect.poll(opacity, { timeout: 10_000 }).toBe('0');
		await display.mouse.move(400, 400);
		await expect.poll(opacity).not.toBe('0');
		await expect.poll(opacity, { timeout: 10_000 }).toBe('0');

		// Get ready shows the next exercise: its name, picture, cue and tiers.
		const ankle = remote.indexOf((block) => block.name === 'Ankle circles');
		const getReady = remote.indexOf((block, i) => block.kind === 'transition' && i < ankle);
		await showBlock(display, remote, getReady, 'Get ready');
		await expect(display.getByTestId('up-next')).toHaveText('Next: Ankle circles');
		await expect(display.getByTestId('cue')).toHaveText(remote.plan.blocks[ankle]!.cue);
		await expect(display.getByTestId('exercise-media').locator('img')).toBeVisible();
		report.push(
			...(await measureEverywhere(display, 'get-ready', [
				'exercise-name',
				'up-next',
				'cue',
				'tiers',
				'countdown'
			]))
		);

		// Reps: "10 reps · LEFT" in the ring, never a clock counting up.
		await showBlock(display, remote, ankle, 'Ankle circles');
		await expect(display.getByTestId('reps')).toHaveText('10 reps · LEFT');
		report.push(
			...(await measureEverywhere(display, 'reps', [
				'exercise-name',
				'reps',
				'cue',
				'tiers',
				'next'
			]))
		);

		// Hold x reps: the hold's countdown and "hold 1 of 2".
		const tandem = remote.indexOf((block) => block.name === 'Tandem stance');
		await showBlock(display, remote, tandem, 'Tandem stance');
		await expect(display.getByTestId('ring-line')).toHaveText('hold 1 of 2 · LEFT');
		report.push(
			...(await measureEverywhere(display, 'hold', [
				'exercise-name',
				'countdown',
				'ring-line',
				'cue'
			]))
		);

		// A long next name takes two lines under the ring, clear of the tiers.
		const sitToStand = remote.indexOf((block) => block.name === 'Sit-to-stand');
		await showBlock(display, remote, sitToStand, 'Sit-to-stand');
		await expect(display.getByTestId('next')).toHaveText('Next: Front knee strengthening');
		report.push(
			...(await measureEverywhere(display, 'long-next', ['exercise-name', 'reps', 'cue', 'next']))
		);

		// A rest between exercises shows the next one.
		const rest = remote.indexOf((block) => block.kind === 'rest');
		const afterRest = remote.plan.blocks.slice(rest).find((block) => block.kind === 'exercise')!;
		await showBlock(display, remote, rest, 'Rest');
		await expect(display.getByTestId('up-next')).toHaveText(`Next: ${afterRest.name}`);
		report.push(
			...(await measureEverywhere(display, 'rest', [
				'exercise-name',
				'up-next',
				'cue',
				'tiers',
				'countdown'
			]))
		);

		// The longest name in the class still fits, at 55 mm or more.
		const long = remote.indexOf((block) => block.name === 'STEADI stance: semi-tandem');
		await showBlock(display, remote, long, 'STEADI stance: semi-tandem');
		report.push(...(await measureEverywhere(display, 'long-name', ['exercise-name', 'countdown'])));
	} finally {
		remote.close();
		await tv.close();
		if (SHOTS) fs.writeFileSync(`${SHOTS}/measurements.txt`, report.join('\n') + '\n');
		console.log(report.join('\n'));
	}
});
