import { expect, type Page } from '@playwright/test';
import { RULES, type Access } from './authorization-rules';
import { routeTree } from './route-tree';
import type { ClinicIds } from './two-clinics';

/** Who opens a page in the page-by-page passes (accessibility, reflow). */
export type Visitor = 'signed out' | 'technician' | 'coordinator';

export type PageVisit = { route: string; url: string; visitor: Visitor };

/** Pages with nothing of their own to look at outside another page, checked there instead. */
const SEEN_ELSEWHERE: Record<string, string> = {
	// Blank until the builder page it is framed in sends it a routine: axe reads it in the builder's frame.
	'/routine-preview': 'framed by the routine builder page'
};

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** The first row id in a link to `prefix/<uuid>` on the page at `url`. */
async function firstId(page: Page, url: string, prefix: string): Promise<string> {
	await page.goto(url);
	// A page just signed in to may still be finishing its redirect: wait for the list itself.
	await page.locator(`a[href^="${prefix}/"]`).first().waitFor();
	const pattern = new RegExp(`^${prefix}/(${UUID})(?:[/?#]|$)`);
	const hrefs = await page
		.locator(`a[href^="${prefix}/"]`)
		.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
	const id = hrefs.map((href) => pattern.exec(href)?.[1]).find(Boolean);
	expect(id, `a link to ${prefix}/<id> on ${url}`).toBeTruthy();
	return id!;
}

/**
 * Rows of the demo clinic to open the pages with, read off its own list pages by a signed-in
 * coordinator (the same kind of ids the authorization table's paths take).
 */
export async function demoIds(coordinator: Page): Promise<ClinicIds> {
	const ids = {
		participantId: await firstId(coordinator, '/participants', '/participants'),
		seriesId: await firstId(coordinator, '/schedule/series', '/schedule/series'),
		// One of today's classes: its controller and its session page.
		sessionId: await firstId(coordinator, '/control', '/control'),
		routineId: await firstId(coordinator, '/routines', '/routines'),
		exerciseId: await firstId(coordinator, '/exercises', '/exercises'),
		roomId: '',
		mediaFile: '',
		displayIds: ['', ''] as [string, string]
	};
	return { ...ids, ...(await demoHandoutLink(coordinator, ids.sessionId)) };
}

/** Issue 13: a participant of that class, and a handout link made for them as the phone makes one. */
async function demoHandoutLink(coordinator: Page, sessionId: string) {
	await coordinator.goto(`/schedule/sessions/${sessionId}`);
	const participantId = await coordinator
		.locator('input[name="participantId"]')
		.first()
		.inputValue();
	const response = await coordinator.request.post(`/handouts/${participantId}/links`, {
		form: { sessionId },
		headers: { origin: new URL(coordinator.url()).origin }
	});
	expect(response.status(), 'a handout link for the demo class').toBe(200);
	const { url } = (await response.json()) as { url: string };
	return { handoutSessionId: sessionId, handoutToken: url.split('/h/')[1]! };
}

const VISITORS: Record<Access, Visitor[]> = {
	public: ['signed out'],
	staff: ['technician', 'coordinator'],
	coordinator: ['coordinator']
};

/**
 * Every page route on disk (tests/route-tree.ts), opened by every kind of visitor who may see it
 * (tests/authorization-rules.ts), at the demo clinic's rows. A page without a rule there fails
 * here by name, so a new page joins these passes the day it is added.
 */
export function everyPage(ids: ClinicIds): PageVisit[] {
	const visits: PageVisit[] = [];
	const missing: string[] = [];
	for (const node of routeTree()) {
		if (!node.page || node.id in SEEN_ELSEWHERE) continue;
		const rule = RULES[node.id];
		if (!rule?.get) {
			missing.push(node.id);
			continue;
		}
		const url = rule.path(ids);
		for (const visitor of VISITORS[rule.get]) visits.push({ route: node.id, url, visitor });
	}
	expect(missing, 'pages without a rule in tests/authorization-rules.ts').toEqual([]);
	return visits;
}

/** Marks the box a wide table scrolls inside (list-table.svelte): the one sideways scroll allowed. */
export const TABLE_SCROLL = '[data-table-scroll]';

/**
 * What scrolls sideways on the page as it is now, outside a table's own scroll box (WCAG 1.4.10,
 * reflow): the page itself wider than the window, naming the boxes that stick out, and any other
 * box that scrolls sideways inside itself. Nothing when the page reflows.
 */
export async function sidewaysScroll(page: Page): Promise<string[]> {
	return page.evaluate((tableScroll) => {
		const describe = (element: Element) => {
			const parts: string[] = [];
			for (let at: Element | null = element; at && at !== document.body; at = at.parentElement) {
				let part = at.tagName.toLowerCase();
				if (at.id) part += `#${at.id}`;
				const classes = [...at.classList].filter((name) => !name.startsWith('svelte-'));
				if (classes.length) part += `.${classes.join('.')}`;
				const testid = at.getAttribute('data-testid');
				if (testid) part += `[data-testid=${testid}]`;
				parts.unshift(part);
				if (at.id || testid) break;
			}
			return parts.join(' > ');
		};
		const problems: string[] = [];
		const root = document.documentElement;
		const width = root.clientWidth;
		const all = [...document.body.querySelectorAll('*')];
		if (root.scrollWidth > width) {
			// The outermost boxes that reach past the window's right edge, outside a table's box.
			// Inside a table's box only what is placed outside it (absolute, against the page) counts.
			const escapes = (element: Element) =>
				!element.closest(tableScroll) ||
				['absolute', 'fixed'].includes(getComputedStyle(element).position);
			const sticksOut = (element: Element) =>
				element.getBoundingClientRect().right > width + 0.5 && escapes(element);
			const culprits = all.filter(
				(element) =>
					sticksOut(element) &&
					!(element.parentElement && element.parentElement !== document.body
						? sticksOut(element.parentElement)
						: false)
			);
			problems.push(
				`the page is ${root.scrollWidth} px wide in a ${width} px window; sticking out: ` +
					(culprits
						.slice(0, 8)
						.map(
							(element) =>
								`${describe(element)} (to ${Math.round(element.getBoundingClientRect().right)} px)`
						)
						.join('; ') || 'nothing outside a table box')
			);
		}
		for (const element of all) {
			const overflow = getComputedStyle(element).overflowX;
			if (overflow !== 'auto' && overflow !== 'scroll') continue;
			if (element.scrollWidth <= element.clientWidth + 1) continue;
			if (element.matches(tableScroll)) {
				// A keyboard scrolls it only once it can have the focus.
				if ((element as HTMLElement).tabIndex < 0) {
					problems.push(`${describe(element)} scrolls sideways but cannot be focused to scroll it`);
				}
				continue;
			}
			problems.push(
				`${describe(element)} scrolls sideways (${element.scrollWidth} px in ${element.clientWidth} px) and is not a table's box`
			);
		}
		return problems;
	}, TABLE_SCROLL);
}
