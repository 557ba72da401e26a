import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '../browser-test';
import { sidewaysScroll } from '../every-page';
import { COORDINATOR, signIn } from '../helpers';
import { ownDemoServer } from '../own-demo-server';

test.describe.configure({ timeout: 180_000 });

// The demo clinic with ten weeks of past classes: adverse events, STOP/HOLD findings, outcome tests.
const server = ownDemoServer(48, 'demo-history');

/**
 * Every mark of the figure's chart says in its <title> "x · series: y"; the table beside it must
 * hold exactly that y in the row of x and the column of the series, and no number the chart lacks.
 */
async function expectChartMatchesTable(figure: Locator) {
	await expect(figure.locator('svg .chart-data').first()).toBeAttached();
	const titles = await figure.locator('svg .chart-data title').allTextContents();
	const table = figure.locator('table[data-chart-table]');
	const columns = (await table.locator('thead th').allTextContents()).map((c) => c.trim());
	const rows = await table
		.locator('tbody tr')
		.evaluateAll((trs) =>
			trs.map((tr) => [...tr.children].map((cell) => (cell.textContent ?? '').trim()))
		);
	expect(titles.length).toBeGreaterThan(0);
	// A table is wide (a column per series, as chartTable makes it) or long (a row per x and
	// series, the series named in a cell of its own).
	const wide = titles.some((title) => columns.includes(parse(title).series));
	for (const title of titles) {
		const { x, series, y } = parse(title);
		const mine = rows.filter((row) => row[0] === x);
		if (wide) {
			const cells = mine.map((row) => row[columns.indexOf(series)]);
			expect(cells, `the table's ${x} / ${series}`).toContain(y);
		} else {
			// A chart of one series (a participant's test) needs no column naming it.
			const oneSeries = new Set(titles.map((t) => parse(t).series)).size === 1;
			expect(
				mine.some((row) => (oneSeries || row.includes(series)) && row.includes(y)),
				`${title} in the table`
			).toBe(true);
		}
	}
	// The table holds no number the chart lacks: as many filled series cells (or rows) as marks.
	if (wide) {
		const seriesColumns = columns.flatMap((c, i) =>
			i > 0 && titles.some((t) => parse(t).series === c) ? [i] : []
		);
		const filled = rows.flatMap((row) => seriesColumns.filter((i) => row[i] !== ''));
		expect(filled.length).toBe(titles.length);
	} else {
		expect(rows.length).toBe(titles.length);
	}
}

/** "x · series: y", x possibly holding ": " itself. */
function parse(title: string) {
	const at = title.indexOf(' · ');
	const rest = title.slice(at + 3);
	const cut = rest.lastIndexOf(': ');
	return { x: title.slice(0, at), series: rest.slice(0, cut), y: rest.slice(cut + 2) };
}

async function download(page: Page, link: RegExp) {
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: link }).click()
	]);
	return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
}

/** Pages of a PDF Chromium made: one /Type /Page object each. */
const pdfPages = (pdf: Buffer) =>
	(pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

async function chartsDrawn(page: Page) {
	const figures = page.locator('[data-chart-figure]');
	const count = await figures.count();
	for (let i = 0; i < count; i++) {
		const figure = figures.nth(i);
		if ((await figure.locator('table[data-chart-table]').count()) > 0) {
			await expect(figure.locator('svg .chart-data').first()).toBeAttached();
		}
	}
	return count;
}

/** A CSV the reports write: BOM, CRLF rows, fixed column identifiers in the header. */
const csvRows = (text: string) =>
	text
		.replace(/^\ufeff/, '')
		.trim()
		.split('\r\n')
		.map((line) => line.split(','));

test('the safety report: charts match their tables, CSV, a landscape page per chart', async ({
	page
}) => {
	await signIn(page, COORDINATOR, undefined, server.url);
	await page.goto(`${server.url}/reports`);
	await page.getByRole('link', { name: 'Safety' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Safety' })).toBeVisible();
	await expect(page.getByTestId('days-since')).toContainText(/\d|No serious/);

	const figures = page.locator('[data-chart-figure]');
	await expect(figures).toHaveCount(3);
	for (const name of ['By week', 'By type', 'By block of the routine']) {
		await expectChartMatchesTable(
			figures.filter({ has: page.getByRole('heading', { name, exact: true }) })
		);
	}
	const count = await chartsDrawn(page);
	const pdf = await page.pdf({ landscape: true, printBackground: true });
	expect(pdfPages(pdf)).toBe(count);

	// The CSV holds the same counts: the by-week total is the chart's.
	const csv = await download(page, /Download as CSV/);
	expect(csv.name).toMatch(/^steady-safety-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
	const [header, ...rows] = csvRows(csv.text);
	expect(header).toEqual([
		'section',
		'week_starting',
		'kind',
		'type',
		'block',
		'block_kind',
		'count',
		'last_serious_on'
	]);
	const weekly = rows.filter((row) => row[0] === 'week');
	const titles = await figures.first().locator('svg .chart-data title').allTextContents();
	const charted = titles.reduce((sum, title) => sum + Number(parse(title).y), 0);
	expect(weekly.reduce((sum, row) => sum + Number(row[6]), 0)).toBe(charted);
	expect(rows.filter((row) => row[0] === 'days_since_serious')).toHaveLength(1);

	// A filter from the form: one room narrows the counts, never beyond the whole.
	const room = page.getByLabel('Room', { exact: true });
	const rooms = await room
		.locator('option')
		.evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
	await room.selectOption(rooms[0]!);
	await page.getByRole('button', { name: 'Show report' }).click();
	await expect(page).toHaveURL(new RegExp(`roomId=${rooms[0]}`));
	for (let i = 0; i < (await figures.count()); i++) {
		await expectChartMatchesTable(figures.nth(i));
	}
	const narrowed = await figures.first().locator('svg .chart-data title').allTextContents();
	expect(narrowed.reduce((sum, title) => sum + Number(parse(title).y), 0)).toBeLessThanOrEqual(
		charted
	);

	// A range with nothing in it says so instead of drawing empty charts; a reversed one is refused.
	await page.goto(`${server.url}/reports/safety?from=2020-01-06&to=2020-01-12`);
	await expect(
		page.getByText('No adverse event or STOP/HOLD finding in the classes of the range.')
	).toBeVisible();
	await page.goto(`${server.url}/reports/safety?from=2026-02-01&to=2026-01-01`);
	await expect(figures).toHaveCount(0);
	await expect(page.getByLabel('To')).toHaveAttribute('aria-invalid', 'true');
});

test('the outcomes report: a participant against the cut-offs, who improved per series', async ({
	page
}) => {
	await signIn(page, COORDINATOR, undefined, server.url);
	await page.goto(`${server.url}/reports/outcomes`);
	await expect(page.getByRole('heading', { level: 1, name: 'Outcomes' })).toBeVisible();
	const series = page
		.locator('[data-chart-figure]')
		.filter({ has: page.getByRole('heading', { name: 'Who improved, per class series' }) });
	await expectChartMatchesTable(series);

	// Choose, in the filter form, a participant who has results.
	const participant = page.getByLabel('Participant', { exact: true });
	const options = await participant
		.locator('option')
		.evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
	let shown = false;
	for (const id of options) {
		await page.getByLabel('Participant', { exact: true }).selectOption(id);
		await page.getByRole('button', { name: 'Show report' }).click();
		await expect(page).toHaveURL(new RegExp(`participantId=${id}`));
		if ((await page.locator('[data-chart-figure] h3').count()) > 0) {
			shown = true;
			break;
		}
	}
	expect(shown).toBe(true);
	const personFigures = page.locator('[data-chart-figure]').filter({ has: page.locator('h3') });
	for (let i = 0; i < (await personFigures.count()); i++) {
		const figure = personFigures.nth(i);
		await expectChartMatchesTable(figure);
		// Each result's verdict against the cut-off, and the cut-off drawn as a labelled line.
		await expect(figure.locator('tbody tr').first()).toContainText(
			/Below average|Average or better|Fall risk|Under|Tandem held|No cut-off/
		);
	}
	await expect(
		page.getByText(/^Cut-off \d+ \(age \d+|^Cut-off 12$|^Tandem held/).first()
	).toBeAttached();

	const count = await chartsDrawn(page);
	const pdf = await page.pdf({ landscape: true, printBackground: true });
	expect(pdfPages(pdf)).toBe(count);

	const csv = await download(page, /Download as CSV/);
	expect(csv.name).toMatch(/^steady-outcomes-.*\.csv$/);
	const [header, ...rows] = csvRows(csv.text);
	expect(header!.slice(0, 4)).toEqual(['section', 'series_id', 'series', 'test']);
	const results = rows.filter((row) => row[0] === 'result');
	const points = await personFigures.locator('svg .chart-data title').count();
	expect(results).toHaveLength(points);
	// The series rows: as many as the chart's bars.
	const bars = await series.locator('svg .chart-data title').count();
	expect(rows.filter((row) => row[0] === 'series')).toHaveLength(bars);
});

test('both reports pass axe (WCAG 2.2 AA) with their charts drawn, and reflow at 320 px', async ({
	page
}) => {
	await signIn(page, COORDINATOR, undefined, server.url);
	await page.goto(`${server.url}/reports/outcomes`);
	const someone = await page
		.getByLabel('Participant', { exact: true })
		.locator('option')
		.nth(1)
		.getAttribute('value');
	for (const path of ['/reports/safety', `/reports/outcomes?participantId=${someone}`]) {
		for (const width of [1280, 320]) {
			await page.setViewportSize({ width, height: 800 });
			await page.goto(`${server.url}${path}`);
			await chartsDrawn(page);
			const { violations } = await new AxeBuilder({ page })
				.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
				.analyze();
			expect(
				violations.map(
					(v) => `${path} at ${width}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`
				)
			).toEqual([]);
			if (width === 320) expect(await sidewaysScroll(page), `${path} at 320 px`).toEqual([]);
		}
	}
});
