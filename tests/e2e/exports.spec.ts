import { readFile } from 'node:fs/promises';
import type { Bundle, FhirResource } from 'fhir/r4';
import { expect, test, type Page } from '../browser-test';
import { COORDINATOR, TECHNICIAN, phoneInClass, shotsDir, signIn } from '../helpers';
import { ownDemoServer } from '../own-demo-server';

test.describe.configure({ timeout: 120_000 });

// Its own clinic: the export audit lines and the entries of this spec stay out of the others' way.
const server = ownDemoServer(40);

async function download(desk: Page, link: RegExp): Promise<{ name: string; text: string }> {
	const [file] = await Promise.all([
		desk.waitForEvent('download'),
		desk.getByRole('link', { name: link }).click()
	]);
	return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
}

const csvRows = (text: string) =>
	text
		.replace(/^\ufeff/, '')
		.trim()
		.split('\r\n')
		.map((line) => line.split(','));

test('the coordinator exports the day as CSV and FHIR after a class with entries', async ({
	browser
}) => {
	// A technician marks the first two of Balance Basics and records an effort on the first.
	const phone = await phoneInClass(browser, TECHNICIAN, 'Gym A', {
		baseUrl: server.url,
		classLink: /Balance Basics/
	});
	const rows = phone.getByTestId('roster-row');
	const first = rows.nth(0);
	await first.getByRole('button', { name: 'Present' }).click();
	await rows.nth(1).getByRole('button', { name: 'Absent' }).click();
	await first.getByRole('button', { name: 'Record…' }).click();
	const sheet = phone.getByTestId('entry-sheet');
	await sheet.getByRole('tab', { name: 'Effort' }).click();
	const plus = sheet.getByRole('button', { name: /plus 1$/ });
	for (let i = 0; i < 3; i++) await plus.click(); // RPE 13
	await sheet.getByRole('button', { name: 'Save' }).click();
	await expect(sheet.getByTestId('sheet-message')).toContainText('Saved');
	await sheet.getByRole('button', { name: 'Close' }).click();
	await expect(phone.getByTestId('sync-summary')).toHaveText(/All synced/);

	const desk = await (
		await browser.newContext({ viewport: { width: 1280, height: 800 } })
	).newPage();
	await signIn(desk, COORDINATOR, undefined, server.url);
	await desk.goto(`${server.url}/exports`);
	await expect(desk.getByRole('heading', { name: 'Exports', level: 1 })).toBeVisible();
	await desk.screenshot({ path: `${shotsDir('exports')}/exports-laptop.png`, fullPage: true });

	const attendance = await download(desk, /Download CSV: Attendance/);
	expect(attendance.name).toMatch(/^steady-attendance-\d{4}-\d{2}-\d{2}\.csv$/);
	const table = csvRows(attendance.text);
	expect(table[0]!.slice(0, 4)).toEqual(['date', 'starts_at', 'session_id', 'class']);
	const at = (name: string) => table[0]!.indexOf(name);
	const marks = table
		.slice(1)
		.filter((r) => r[at('class')] === 'Balance Basics')
		.map((r) => r[at('attendance')]);
	expect(marks).toContain('present');
	expect(marks).toContain('absent');

	const tolerance = await download(desk, /Download CSV: Tolerance/);
	const effort = csvRows(tolerance.text);
	const kind = effort[0]!.indexOf('kind');
	const rpe = effort.slice(1).find((r) => r[kind] === 'exertion')!;
	expect(rpe[effort[0]!.indexOf('exertion_scale')]).toBe('borg_6_20');
	expect(rpe[effort[0]!.indexOf('exertion')]).toBe('13');

	// The fifth file: outcome tests (none recorded here), its documented columns.
	const outcomes = await download(desk, /Download CSV: Outcome tests/);
	expect(outcomes.name).toMatch(/^steady-outcome-tests-\d{4}-\d{2}-\d{2}\.csv$/);
	expect(csvRows(outcomes.text)[0]!.slice(10, 14)).toEqual([
		'recorded_at',
		'test',
		'loinc',
		'chair_stands'
	]);

	const fhir = await download(desk, /Download FHIR bundle: Everything in the dates/);
	expect(fhir.name).toMatch(/^steady-fhir-\d{4}-\d{2}-\d{2}\.json$/);
	const bundle = JSON.parse(fhir.text) as Bundle;
	expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
	const resources = bundle.entry!.map((e) => e.resource as FhirResource);
	const statuses = resources.flatMap((r) => (r.resourceType === 'Appointment' ? [r.status] : []));
	expect(statuses).toContain('arrived');
	expect(statuses).toContain('noshow');
	const exertion = resources.find(
		(r) => r.resourceType === 'Observation' && r.code.coding?.[0]?.code === 'borg-rpe-6-20'
	);
	expect(exertion).toMatchObject({ valueInteger: 13, status: 'final' });
	expect(resources.some((r) => r.resourceType === 'Group' && r.name === 'Balance Basics')).toBe(
		true
	);

	// A reversed range is refused beside the field, and the endpoint answers 400 with its code.
	await desk.goto(`${server.url}/exports?from=2026-02-01&to=2026-01-01`);
	await expect(desk.getByText('The end date is before the start date.')).toBeVisible();
	await expect(desk.getByRole('link', { name: /Download CSV/ })).toHaveCount(0);
	const refused = await desk.request.get(
		`${server.url}/exports/csv?file=attendance&from=2026-02-01&to=2026-01-01`
	);
	expect(refused.status()).toBe(400);
	expect(await refused.json()).toMatchObject({ code: 'exports.range-reversed' });

	// The phone layout of the page.
	const small = await (
		await browser.newContext({ viewport: { width: 390, height: 844 } })
	).newPage();
	await signIn(small, COORDINATOR, undefined, server.url);
	await small.goto(`${server.url}/exports`);
	await small.screenshot({ path: `${shotsDir('exports')}/exports-phone.png`, fullPage: true });
});
