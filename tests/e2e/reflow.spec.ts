import { expect, test, type Page } from '../browser-test';
import { demoIds, everyPage, sidewaysScroll, type Visitor } from '../every-page';
import { COORDINATOR, TECHNICIAN, signIn } from '../helpers';

// WCAG 1.4.10 (reflow): at 320 px wide no page scrolls sideways, except a wide data table inside
// its own scroll box (list-table.svelte). Every page, as each kind of visitor who may open it;
// the controller's running states are checked at 320 px in accessibility.spec.ts.

const NARROW = { width: 320, height: 640 };

test('at 320x640 no page scrolls sideways outside a table’s own box', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(120_000);
	const open = async (visitor: Visitor) => {
		const context = await browser.newContext({ baseURL, viewport: NARROW });
		const page = await context.newPage();
		if (visitor !== 'signed out') {
			await signIn(page, visitor === 'technician' ? TECHNICIAN : COORDINATOR);
		}
		return page;
	};
	const coordinator = await open('coordinator');
	const visits = everyPage(await demoIds(coordinator));
	const pages: Record<Visitor, Page> = {
		coordinator,
		technician: await open('technician'),
		'signed out': await open('signed out')
	};
	const problems: string[] = [];
	let tables = 0;
	for (const visit of visits) {
		const page = pages[visit.visitor];
		const response = await page.goto(visit.url);
		expect(response?.status(), `${visit.url} as ${visit.visitor}`).toBe(200);
		await page.waitForLoadState('networkidle', { timeout: 3_000 }).catch(() => undefined);
		for (const problem of await sidewaysScroll(page)) {
			problems.push(`${visit.url} (${visit.route}) as ${visit.visitor}: ${problem}`);
		}
		tables += await page.locator('[data-table-scroll]').count();
	}
	console.log(`reflow: ${visits.length} page visits at 320x640, ${tables} table boxes`);
	expect(problems, `\n${problems.join('\n')}\n`).toEqual([]);
	// The tables are there, in their boxes: the check above saw the pages that have them.
	expect(tables).toBeGreaterThan(0);
});
