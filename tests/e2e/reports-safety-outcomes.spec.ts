import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '../browser-test';
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
			expect(
				mine.some((row) => row.includes(series) && row.includes(y)),
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

test('the safety report: charts match their tables, CSV, a landscape page per chart', async ({
	page
}) => {
	await signIn(page, COORDINATOR, undefined, server.url);
	await page.goto(`${server.url}/reports/safety`);
	await expect(page.getByRole('heading', { level: 1, name: 'Safety' })).toBeVisible();
	await expect(page.getByTestId('days-since')).toContainText(/\d|No serious/);

	const figures = page.locator('[data-chart-figure]');
	await expect(figures).toHaveCount(3);
	for (const name of ['By week', 'By type', 'By block of the routine']) {
		await expectChartMatchesTable(
			figures.filter({ has: page.getByRole('heading', { name, exact: true }) })
		);
	}

	const csv = await download(page, /Download the safety report/);
	expect(csv.name).toMatch(/^safety-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
	const text = csv.text.replace(/^\ufeff/, '');
	for (const caption of ['By week', 'By type', 'By block of the routine'])
		expect(text).toContain(caption);
	const firstRow = (await figures
		.first()
		.locator('tbody tr')
		.first()
		.locator('th')
		.textContent())!.trim();
	expect(text).toContain(firstRow);

	const count = await chartsDrawn(page);
	const pdf = await page.pdf({ landscape: true, printBackground: true });
	expect(pdfPages(pdf)).toBe(count);

	// A filter narrows it: a range with nothing in it says so instead of drawing empty charts.
	await page.goto(`${server.url}/reports/safety?from=2020-01-06&to=2020-01-12`);
	await expect(
		page.getByText('No adverse event or STOP/HOLD finding in the classes of the range.').first()
	).toBeVisible();
	await page.goto(`${server.url}/reports/safety?from=2026-02-01&to=2026-01-01`);
	await expect(page.getByRole('alert')).toBeVisible();
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

	// Choose a participant who has results.
	const participant = page.getByLabel('Participant', { exact: true });
	const options = await participant
		.locator('option')
		.evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
	let shown = false;
	for (const id of options) {
		await page.goto(`${server.url}/reports/outcomes?participantId=${id}`);
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
		// The cut-off is drawn as a labelled line (or said why not).
		await expect(
			figure
				.getByText(/Cut-off|Tandem held/)
				.first()
				.or(page.getByText(/No cut-off is drawn/).first())
		).toBeAttached();
	}

	const csv = await download(page, /Download these results/);
	expect(csv.name).toMatch(/^outcomes-.*\.csv$/);
	expect(csv.text).toContain('results of');
	expect(csv.text).toContain('Who improved, per class series');

	const count = await chartsDrawn(page);
	const pdf = await page.pdf({ landscape: true, printBackground: true });
	expect(pdfPages(pdf)).toBe(count);
});
