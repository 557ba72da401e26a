import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '../browser-test';
import { sidewaysScroll } from '../every-page';
import { COORDINATOR, signIn } from '../helpers';
import { ownDemoServer } from '../own-demo-server';

// The attendance and tolerance reports over ten weeks of made-up history (a server of its own,
// seeded 'demo-history'): filters, the charts' data against their tables, CSV, print.
const server = ownDemoServer(46, 'demo-history');
test.describe.configure({ mode: 'serial' });

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const today = new Date();
const RANGE = {
	from: isoDay(new Date(today.getTime() - 8 * 7 * 86_400_000)),
	to: isoDay(today)
};

/** The first real choice (not "any") of a filter's select: its value and label. */
async function firstChoice(page: Page, label: string) {
	const select = page.getByLabel(label, { exact: true });
	const option = select.locator('option:not([value=""])').first();
	return {
		value: (await option.getAttribute('value'))!,
		label: (await option.textContent())!.trim()
	};
}

/**
 * Every figure's chart against its table: each mark's <title> is "x · series: value", and the
 * table has exactly those cells (a row per x, a column per series). Returns how many marks.
 */
async function chartsMatchTables(page: Page): Promise<number> {
	const figures = page.locator('[data-chart-figure]');
	let marks = 0;
	for (const figure of await figures.all()) {
		const table = figure.locator('table[data-chart-table]');
		if ((await table.count()) === 0) continue;
		const expected = await table.evaluate((t: HTMLTableElement) => {
			const heads = [...t.tHead!.rows[0]!.cells].map((c) => c.textContent!.trim());
			return [...t.tBodies[0]!.rows].flatMap((row) => {
				const cells = [...row.cells].map((c) => c.textContent!.trim());
				return cells
					.slice(1)
					.flatMap((cell, i) => (cell ? [`${cells[0]} · ${heads[i + 1]}: ${cell}`] : []));
			});
		});
		const svg = figure.locator('svg[role="img"]');
		await expect(svg).toBeVisible();
		await expect(svg.locator('.chart-data title')).toHaveCount(expected.length);
		const titles = await svg
			.locator('.chart-data title')
			.evaluateAll((nodes) => nodes.map((n) => n.textContent!.trim()));
		expect(titles.sort()).toEqual([...expected].sort());
		// A name and a description of its own, and the text at least 14 px.
		await expect(svg).toHaveAttribute('aria-label', /\S/);
		const fontSize = await svg.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
		expect(fontSize).toBeGreaterThanOrEqual(14);
		marks += titles.length;
	}
	return marks;
}

/** Pages in a PDF: its page objects ("/Type /Page", not "/Pages"). */
const pdfPages = (pdf: Buffer) =>
	(pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

async function printsAPagePerChart(page: Page) {
	const figures = await page.locator('[data-chart-figure]').count();
	expect(figures).toBeGreaterThan(0);
	await page.emulateMedia({ media: 'print' });
	const pdf = await page.pdf({ landscape: true, printBackground: true });
	await page.emulateMedia({ media: 'screen' });
	expect(pdfPages(pdf)).toBe(figures);
}

async function downloadsCsv(page: Page, path: string, header: string) {
	const href = await page.getByRole('link', { name: 'Download as CSV' }).getAttribute('href');
	expect(href).toMatch(new RegExp(`^${path}\\?`));
	const response = await page.request.get(`${server.url}${href}`);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toContain('text/csv');
	const text = (await response.text()).replace(/^\uFEFF/, '');
	const lines = text.split('\r\n').filter(Boolean);
	expect(lines[0]).toBe(header);
	expect(lines.length).toBeGreaterThan(1);
	return lines;
}

test.beforeEach(async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 900 });
	await signIn(page, COORDINATOR, undefined, server.url);
});

test('the reports index links the four reports from the navigation', async ({ page }) => {
	await page
		.getByRole('navigation', { name: /main/i })
		.getByRole('link', { name: 'Reports' })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
	for (const name of ['Attendance', 'Tolerance', 'Safety', 'Outcomes']) {
		await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
	}
});

test('attendance: a range and a series, the charts match their tables, CSV, one page per chart', async ({
	page
}) => {
	await page.goto(`${server.url}/reports/attendance`);
	const series = await firstChoice(page, 'Class series');
	await page.getByLabel('From').fill(RANGE.from);
	await page.getByLabel('To').fill(RANGE.to);
	await page.getByLabel('Class series', { exact: true }).selectOption(series.value);
	await page.getByRole('button', { name: 'Show report' }).click();
	await expect(page).toHaveURL(new RegExp(`seriesId=${series.value}`));
	const rate = page.getByRole('figure', { name: 'Attendance rate per class series' });
	await expect(rate.locator('table th[scope="col"]').nth(1)).toHaveText(series.label);
	expect(await chartsMatchTables(page)).toBeGreaterThan(0);
	const lines = await downloadsCsv(
		page,
		'/reports/attendance/csv',
		'week_starting,series_id,series,attended,expected,rate_percent,no_shows,late_cancellations'
	);
	expect(lines.slice(1).every((line) => line.includes(`,${series.value},`))).toBe(true);
	await printsAPagePerChart(page);
});

test('attendance by technician; a refused range shows its problem and no report', async ({
	page
}) => {
	await page.goto(`${server.url}/reports/attendance`);
	const technician = await firstChoice(page, 'Technician');
	await page.getByLabel('Technician', { exact: true }).selectOption(technician.value);
	await page.getByRole('button', { name: 'Show report' }).click();
	await expect(page).toHaveURL(new RegExp(`technicianId=${technician.value}`));
	await chartsMatchTables(page);

	await page.goto(`${server.url}/reports/attendance?from=2026-03-01&to=2026-02-01`);
	await expect(page.getByLabel('To')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.locator('[data-chart-figure]')).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Download as CSV' })).toHaveCount(0);
	const refused = await page.request.get(
		`${server.url}/reports/attendance/csv?from=2026-03-01&to=2026-02-01`
	);
	expect(refused.status()).toBe(400);
});

test('tolerance: a participant with the target band, matching tables, CSV, one page per chart', async ({
	page
}) => {
	await page.goto(`${server.url}/reports/tolerance?from=${RANGE.from}&to=${RANGE.to}`);
	const review = page.getByRole('heading', { name: 'For review' });
	await expect(review).toBeVisible();
	const participant = await firstChoice(page, 'Participant');
	await page.getByLabel('Participant', { exact: true }).selectOption(participant.value);
	await page.getByRole('button', { name: 'Show report' }).click();
	await expect(page).toHaveURL(new RegExp(`participantId=${participant.value}`));
	const exertion = page.getByRole('figure', { name: /^Exertion/ }).first();
	await expect(exertion.locator('svg[role="img"]')).toContainText(/Target (12–13|3–4)/);
	expect(await chartsMatchTables(page)).toBeGreaterThan(0);
	await downloadsCsv(
		page,
		'/reports/tolerance/csv',
		'date,starts_at,session_id,class,participant_id,last_name,first_name,exertion_borg_6_20_max,exertion_borg_cr10_max,pain_max,hold'
	);
	await printsAPagePerChart(page);

	// A technician filter narrows the classes; the charts still say what the tables say.
	const technician = await firstChoice(page, 'Technician');
	await page.getByLabel('Technician', { exact: true }).selectOption(technician.value);
	await page.getByRole('button', { name: 'Show report' }).click();
	await expect(page).toHaveURL(new RegExp(`technicianId=${technician.value}`));
	await chartsMatchTables(page);
});

test('with ten weeks of data, axe finds nothing and nothing scrolls sideways at 320 px', async ({
	page
}) => {
	const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
	for (const path of ['/reports', '/reports/attendance', '/reports/tolerance']) {
		for (const width of [1280, 320]) {
			await page.setViewportSize({ width, height: 800 });
			await page.goto(`${server.url}${path}`);
			if (path !== '/reports') {
				await expect(page.locator('svg[role="img"]').first()).toBeVisible();
			}
			const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
			expect(
				violations.map(
					(v) => `${path} at ${width}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`
				)
			).toEqual([]);
			if (width === 320) expect(await sidewaysScroll(page), path).toEqual([]);
		}
	}
});
