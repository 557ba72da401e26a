import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '../browser-test';
import { demoIds, everyPage, sidewaysScroll, type Visitor } from '../every-page';
import { COORDINATOR, TECHNICIAN, signIn } from '../helpers';
import { ownDemoServer } from '../own-demo-server';

// axe (WCAG 2.2 AA) over every page, as each kind of visitor who may open it sees it, and over
// the controller and the wall display through a class: before the start, running, asking,
// paused, stopped, ended, with the entry sheet open. Every violation is listed by page.

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** What axe finds on the page as it is now, one line a rule and one a node, or nothing. */
async function axeFindings(page: Page): Promise<string[]> {
	const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
	return violations.map(
		(violation) =>
			`${violation.id} (${violation.impact}): ${violation.help}\n` +
			violation.nodes
				.map((node) => `      ${node.target.join(' ')}\n        ${node.failureSummary}`)
				.join('\n')
	);
}

/** Collects findings under a name per page or state; one failing expectation lists them all. */
class Findings {
	private all: string[] = [];
	async check(name: string, page: Page, { reflow = false } = {}) {
		const found = await axeFindings(page);
		if (reflow) {
			for (const problem of await sidewaysScroll(page)) found.push(`reflow (320 px): ${problem}`);
		}
		for (const finding of found) this.all.push(`${name}\n   ${finding}`);
	}
	expectNone() {
		expect(this.all, `\n${this.all.join('\n\n')}\n`).toEqual([]);
	}
}

async function signedInPage(browser: Browser, visitor: Visitor, baseUrl = '') {
	const phone = visitor === 'technician';
	const context = await browser.newContext({
		baseURL: baseUrl || undefined,
		viewport: phone ? { width: 390, height: 844 } : { width: 1280, height: 800 }
	});
	const page = await context.newPage();
	if (visitor !== 'signed out') {
		await signIn(page, visitor === 'technician' ? TECHNICIAN : COORDINATOR, undefined, baseUrl);
	}
	return page;
}

/** Forms whose refusals (beside each field, and at the top) are checked too, sent empty. */
const SENT_EMPTY = ['/exercises/new', '/participants/new', '/schedule/series/new'];

const VISITORS: Visitor[] = ['coordinator', 'technician', 'signed out'];

// One test per kind of visitor: each stays well inside its time on a loaded machine, and a
// failure names who saw it.
for (const visitor of VISITORS) {
	test(`axe finds nothing on any page the ${visitor} may open, and every page has its skip link`, async ({
		browser,
		baseURL
	}) => {
		test.setTimeout(240_000);
		const coordinator = await signedInPage(browser, 'coordinator', baseURL);
		// Every page, and the error page (a page not found) for someone signed in.
		const visits = [
			...everyPage(await demoIds(coordinator)),
			{ route: '+error', url: '/no-such-page', visitor: 'coordinator' as const, status: 404 }
		].filter((visit) => visit.visitor === visitor);
		const page =
			visitor === 'coordinator' ? coordinator : await signedInPage(browser, visitor, baseURL);
		const findings = new Findings();
		const noSkipLink: string[] = [];
		for (const visit of visits) {
			const name = `${visit.url} (${visit.route}) as ${visit.visitor}`;
			const response = await page.goto(visit.url);
			expect(response?.status(), name).toBe('status' in visit ? visit.status : 200);
			// Pages that draw once their script has run (the display, the controller) settle
			// first; a page holding a socket open never goes idle, so the wait is bounded.
			await page.waitForLoadState('networkidle', { timeout: 3_000 }).catch(() => undefined);
			await findings.check(name, page);
			// The first thing Tab reaches leads to the page's one main#main.
			const skip = await page.evaluate(() => {
				const first = document.querySelector(
					'a[href], button, input:not([type="hidden"]), select, textarea, [tabindex]:not([tabindex="-1"])'
				);
				return {
					first: first?.getAttribute('href') ?? first?.outerHTML.slice(0, 80),
					mains: document.querySelectorAll('#main').length
				};
			});
			if (skip.first !== '#main' || skip.mains !== 1) {
				noSkipLink.push(`${name}: ${JSON.stringify(skip)}`);
			}
			if (SENT_EMPTY.includes(visit.url)) {
				await page.locator('#main form[novalidate] button[type="submit"]').first().click();
				await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible();
				await findings.check(`${name}, sent empty`, page);
			}
		}
		console.log(`axe as ${visitor}: ${visits.length} page visits`);
		expect(visits.length, 'pages this visitor may open').toBeGreaterThan(0);
		expect(noSkipLink, 'pages whose first stop is not a skip link to #main').toEqual([]);
		findings.expectNone();
	});
}

test('the skip link is shown when Tab reaches it, and Enter moves past the header', async ({
	browser,
	baseURL
}) => {
	const coordinator = await signedInPage(browser, 'coordinator', baseURL);
	await coordinator.goto('/schedule');
	await coordinator.keyboard.press('Tab');
	const skipLink = coordinator.getByRole('link', { name: 'Skip to main content' });
	await expect(skipLink).toBeFocused();
	expect((await skipLink.boundingBox())!.y).toBeGreaterThanOrEqual(0);
	await coordinator.keyboard.press('Enter');
	await expect(coordinator.locator('main#main')).toBeFocused();
	await coordinator.keyboard.press('Tab');
	expect(
		await coordinator.evaluate(() =>
			document.getElementById('main')!.contains(document.activeElement)
		)
	).toBe(true);
});

test.describe('through a class', () => {
	const server = ownDemoServer(33);

	test('axe finds nothing on the controller and the wall display in any state, nor does the phone scroll sideways at 320 px', async ({
		browser
	}) => {
		test.setTimeout(300_000);
		const url = server.url;
		const findings = new Findings();
		// The narrowest phone the reflow rule asks for: the controller's states are checked for it too.
		const phoneContext = await browser.newContext({ viewport: { width: 320, height: 640 } });
		const phone = await phoneContext.newPage();
		await signIn(phone, TECHNICIAN, undefined, url);
		const check = (state: string) =>
			findings.check(`controller, ${state}`, phone, { reflow: true });

		// The wall, before it is paired.
		const wallContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
		const wall = await wallContext.newPage();
		await wall.goto(`${url}/display`);
		await expect(wall.getByTestId('pairing-code')).toBeVisible();
		await findings.check('display, pairing', wall);
		const code = (await wall.getByTestId('pairing-code').getAttribute('aria-label'))!.slice(-6);
		await phone.goto(`${url}/control/pair?code=${code}`);
		await phone.getByLabel('Gym A').check();
		await phone.getByRole('button', { name: 'Pair' }).click();
		await expect(wall.getByRole('heading', { name: 'Gym A' })).toBeVisible();
		await findings.check('display, paired and idle', wall);

		// A pool class before its checks.
		await phone.goto(`${url}/control`);
		await phone.getByRole('region', { name: 'Therapy Pool' }).getByRole('link').first().click();
		await expect(phone.getByTestId('connection')).toHaveText('Connected');
		await check('pool class before the start');

		// Balance Basics in Gym A, before the start, with a participant's details and entry sheet open.
		await phone.goto(`${url}/control`);
		await phone
			.getByRole('region', { name: 'Gym A' })
			.getByRole('link', { name: /Balance Basics/ })
			.click();
		await expect(phone.getByTestId('connection')).toHaveText('Connected');
		await check('before the start');
		const row = phone.getByTestId('roster-row').first();
		await row.getByTestId('participant-name').click();
		await expect(row.getByTestId('participant-details')).toBeVisible();
		await check('before the start, a participant’s details open');
		await row.getByRole('button', { name: 'Record…' }).click();
		await expect(phone.getByTestId('entry-sheet')).toBeVisible();
		await check('before the start, the entry sheet open');
		await phone.keyboard.press('Escape');
		await expect(phone.getByTestId('entry-sheet')).toBeHidden();

		const bar = phone.getByRole('region', { name: 'Class controls' });
		const banner = phone.getByTestId('state-banner');
		await phone.getByRole('button', { name: 'Start' }).click();
		await expect(wall.getByTestId('exercise-name')).toHaveText('Marching warm-up');
		await check('running');
		await findings.check('display, running', wall);

		await phone.getByRole('button', { name: 'End class…' }).first().click();
		await expect(bar.getByTestId('bar-question')).toBeVisible();
		await check('running, End class asking');
		await bar.getByRole('button', { name: 'Not now' }).click();

		await bar.getByRole('button', { name: 'Pause' }).click();
		await expect(wall.getByTestId('paused')).toBeVisible();
		await check('paused');
		await findings.check('display, paused', wall);

		// Stop: held with the keyboard.
		await bar.getByRole('button', { name: 'Stop class (emergency)' }).focus();
		await phone.keyboard.down(' ');
		await phone.waitForTimeout(1900);
		await phone.keyboard.up(' ');
		await expect(banner).toContainText('STOPPED');
		await check('stopped');
		await findings.check('display, stopped', wall);
		await phone.getByTestId('roster-row').first().getByRole('button', { name: 'Record…' }).click();
		await expect(phone.getByTestId('entry-sheet')).toBeVisible();
		await check('stopped, the entry sheet open');
		await phone.keyboard.press('Escape');
		await expect(phone.getByTestId('entry-sheet')).toBeHidden();

		await bar.getByRole('button', { name: 'End class…' }).click();
		await bar.getByRole('button', { name: 'Yes, end class' }).click();
		await expect(phone.getByTestId('phone-now')).toContainText('Class complete');
		await check('ended');
		await findings.check('display, class complete', wall);

		await phoneContext.close();
		await wallContext.close();
		findings.expectNone();
	});
});
