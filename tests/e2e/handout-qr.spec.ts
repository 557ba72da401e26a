import { expect, test } from '../browser-test';
import { COORDINATOR, DEMO_PASSWORD, phoneInClass, shotsDir, signIn, TECHNICIAN } from '../helpers';
import { ownDemoServer } from '../own-demo-server';

/**
 * Issue 13: a technician hands a participant their home exercises in class: a QR code on the
 * phone opens the handout of that class for 7 days without an account, it prints in large type,
 * and a coordinator revokes the link from the participant page, after which it is a plain 404.
 */
test.describe.configure({ timeout: 180_000 });
const server = ownDemoServer(42);
const SHOTS = shotsDir('handouts');

test('a handout opens from its QR link without an account, prints large, and is revoked', async ({
	browser
}) => {
	// In class: the first participant's sheet, a "seated" change recorded, then the QR code.
	const phone = await phoneInClass(browser, TECHNICIAN, 'Gym A', { baseUrl: server.url });
	await phone.getByTestId('roster-row').first().getByRole('button', { name: 'Record…' }).click();
	const sheet = phone.getByTestId('entry-sheet');
	const fullName = (await sheet.locator('header .muted').first().textContent())!.trim();
	await sheet.getByRole('tab', { name: 'Changes' }).click();
	await sheet.getByRole('button', { name: 'seated', exact: true }).click();
	await sheet.getByRole('button', { name: 'Save' }).click();
	await expect(sheet.getByTestId('sheet-message')).toContainText('seated');

	await sheet.getByRole('button', { name: 'Handout QR' }).click();
	const qr = sheet.getByTestId('handout-qr');
	const code = qr.getByRole('img', { name: 'QR code of the handout link' });
	await expect(code).toBeVisible();
	const url = (await code.getAttribute('data-url'))!;
	expect(url).toMatch(/\/h\/[A-Za-z0-9_-]{43}$/);
	await expect(qr.getByRole('textbox', { name: 'Link' })).toHaveValue(url);
	// Big enough to scan from a hand's length: most of the phone's width.
	expect((await code.boundingBox())!.width).toBeGreaterThan(280);
	await code.scrollIntoViewIfNeeded();
	await phone.screenshot({ path: `${SHOTS}/handout-qr-390x844.png` });
	const printHref = (await qr
		.getByRole('link', { name: 'Open the handout to print it' })
		.getAttribute('href'))!;
	const participantId = /\/handouts\/([0-9a-f-]{36})/.exec(printHref)![1]!;

	// At home: a fresh browser with no cookies opens the link.
	const home = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const reader = await home.newPage();
	const response = await reader.goto(url);
	expect(response!.status()).toBe(200);
	const headers = response!.headers();
	expect(headers['cache-control']).toBe('no-store');
	expect(headers['referrer-policy']).toBe('no-referrer');
	expect(headers['x-robots-tag']).toContain('noindex');
	await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Your home exercises');
	// First name and last initial only, and the tier used in class.
	const [first, last] = fullName.split(' ');
	await expect(reader.getByText(`For ${first} ${last!.slice(0, 1)}.`)).toBeVisible();
	await expect(reader.getByText(fullName)).toHaveCount(0);
	await expect(reader.getByText('Your way: Seated')).toBeVisible();
	await expect(reader.getByText('chest pain or pressure')).toBeVisible();
	await expect(reader.getByText(/call emergency services/)).toBeVisible();
	await expect(reader.getByRole('navigation')).toHaveCount(0);
	await reader.screenshot({ path: `${SHOTS}/handout-1280x800.png`, fullPage: true });
	await reader.screenshot({ path: 'docs/screenshots/records-handout.png' });

	// On paper: the print button gone, body text at least 14 pt in Atkinson Hyperlegible Next.
	await reader.emulateMedia({ media: 'print' });
	await expect(reader.getByRole('button', { name: 'Print' })).toBeHidden();
	const type = await reader
		.locator('.dose')
		.first()
		.evaluate((element) => {
			const style = getComputedStyle(element);
			return { px: parseFloat(style.fontSize), family: style.fontFamily, italic: style.fontStyle };
		});
	expect(type.px * 0.75, 'points').toBeGreaterThanOrEqual(14);
	expect(type.family).toContain('Atkinson Hyperlegible Next');
	expect(type.italic).toBe('normal');
	await reader.screenshot({ path: `${SHOTS}/handout-print.png`, fullPage: true });
	const pdf = await reader.pdf({ format: 'A4' });
	expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
	await reader.emulateMedia({ media: 'screen' });

	// The server's own PDF of the same handout, for staff.
	const pdfAnswer = await phone.request.get(`${server.url}${printHref.replace('?', '/pdf?')}`);
	expect(pdfAnswer.status()).toBe(200);
	expect(pdfAnswer.headers()['content-disposition']).toMatch(
		/filename="handout-\d{4}-\d{2}-\d{2}\.pdf"/
	);
	expect((await pdfAnswer.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

	// The coordinator revokes it from the participant page; the link is then a plain 404.
	const desk = await browser.newPage({ viewport: { width: 1280, height: 800 } });
	await signIn(desk, COORDINATOR, DEMO_PASSWORD, server.url);
	await desk.goto(`${server.url}/participants/${participantId}`);
	const links = desk.getByRole('region', { name: 'Handout links' });
	await expect(links.getByTestId('handout-link')).toHaveCount(1);
	await expect(links.getByTestId('handout-link')).toContainText('Jordan');
	await links.getByRole('button', { name: /Revoke the link made by/ }).click();
	await expect(links.getByText('Link revoked')).toBeVisible();
	await expect(links.getByText('No handout link is open.')).toBeVisible();

	const gone = await reader.goto(url);
	expect(gone!.status()).toBe(404);
	expect(gone!.headers()['cache-control']).toBe('no-store');
	await expect(reader.getByText(fullName)).toHaveCount(0);
	// A made-up token looks exactly the same.
	const madeUp = await reader.goto(`${server.url}/h/${'A'.repeat(43)}`);
	expect(madeUp!.status()).toBe(404);
	expect(await reader.locator('main').innerText()).toBe(
		await (async () => {
			await reader.goto(url);
			return reader.locator('main').innerText();
		})()
	);
	await home.close();
	await desk.close();
	await phone.context().close();
});
