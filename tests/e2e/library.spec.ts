import { expect, test, type Page } from '../browser-test';
import { COORDINATOR, signIn } from '../helpers';

// One run, one clinic: these steps build on each other (create, find, break, archive).
test.describe.configure({ mode: 'serial' });

const NAME = 'Wall push-up (e2e)';
// A real 1x1 PNG.
const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
	'base64'
);

const rowOf = (page: Page, name: string) =>
	page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });

let mediaUrl = '';

test('a coordinator creates an exercise with a picture', async ({ page }) => {
	await signIn(page, COORDINATOR);
	await page.getByRole('navigation').getByRole('link', { name: 'Exercises' }).click();
	await page.getByRole('link', { name: 'New exercise' }).click();
	await expect(page.getByRole('heading', { name: 'New exercise', level: 1 })).toBeVisible();

	await page.getByLabel('Name', { exact: true }).fill(NAME);
	await page
		.getByLabel(/^Display cue shown on the wall/)
		.fill('Hands on the wall. Bend your elbows, push back.');
	await expect(page.getByText('47 / 80')).toBeVisible();
	await page.getByLabel(/^Technician notes staff only/).fill('Feet a step from the wall.');
	await page.getByLabel('Category').selectOption('strength');
	await page.getByLabel('Dosed as').selectOption('reps');
	// With JavaScript only the chosen kind's fields show.
	await expect(page.getByRole('textbox', { name: 'Work time', exact: true })).toBeHidden();
	await page.getByRole('textbox', { name: 'Reps', exact: true }).fill('10');
	await page.getByRole('textbox', { name: 'Planning time per rep', exact: true }).fill('3');
	await page.getByRole('textbox', { name: 'Sets', exact: true }).fill('2');
	await page.getByRole('textbox', { name: 'Rest between sets', exact: true }).fill('30');
	await page.getByLabel('Supported cue').fill('Hands on the wall, small bend.');
	await page.getByLabel(/^Equipment/).fill('Wall, mat');
	await page.getByLabel(/^Contraindications/).fill('shoulder pain');
	await page
		.getByLabel(/^Upload/)
		.setInputFiles({ name: 'push.png', mimeType: 'image/png', buffer: PNG });
	await page.getByRole('button', { name: 'Create exercise' }).click();

	await expect(page.getByRole('status')).toHaveText('Exercise created.');
	await expect(page.getByRole('heading', { name: NAME, level: 1 })).toBeVisible();
	const picture = page.getByRole('img', { name: 'What the wall shows now' });
	await expect(picture).toBeVisible();
	mediaUrl = (await picture.getAttribute('src'))!;
	expect(mediaUrl).toMatch(/^\/media\/[0-9a-f]{32}\.png$/);
	await expect(page.getByRole('textbox', { name: 'Reps', exact: true })).toHaveValue('10');
	await expect(page.getByLabel(/^Equipment/)).toHaveValue('wall, mat');
});

test('the media route serves the picture to anyone, with its type, and nothing else', async ({
	playwright,
	baseURL
}) => {
	// No cookies: as the wall display asks.
	const anonymous = await playwright.request.newContext({ baseURL });
	const response = await anonymous.get(mediaUrl, { maxRedirects: 0 });
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe('image/png');
	expect(response.headers()['cache-control']).toContain('immutable');
	expect(Buffer.from(await response.body()).equals(PNG)).toBe(true);

	const range = await anonymous.get(mediaUrl, { headers: { range: 'bytes=0-7' } });
	expect(range.status()).toBe(206);
	expect(range.headers()['content-range']).toBe(`bytes 0-7/${PNG.length}`);

	for (const unknown of [
		'/media/0123456789abcdef0123456789abcdef.png',
		'/media/..%2F..%2Fpackage.json',
		'/media/pglite',
		mediaUrl.replace('.png', '.webm')
	]) {
		const refused = await anonymous.get(unknown, { maxRedirects: 0 });
		expect(refused.status(), unknown).toBe(404);
	}
	await anonymous.dispose();
});

test('replacing the picture serves the new one and retires the old name', async ({ page }) => {
	await signIn(page, COORDINATOR);
	await page.goto('/exercises?q=push-up');
	await page.getByRole('link', { name: NAME }).click();
	const webp = Buffer.concat([
		Buffer.from('RIFF\x1a\x00\x00\x00WEBPVP8L', 'latin1'),
		Buffer.alloc(20)
	]);
	await page
		.getByLabel(/^Replace with/)
		.setInputFiles({ name: 'push.webp', mimeType: 'image/webp', buffer: webp });
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByRole('status')).toHaveText(/^Saved/);
	const src = await page.getByRole('img', { name: 'What the wall shows now' }).getAttribute('src');
	expect(src).toMatch(/^\/media\/[0-9a-f]{32}\.webp$/);
	const fresh = await page.request.get(src!);
	expect(fresh.headers()['content-type']).toBe('image/webp');
	expect((await page.request.get(mediaUrl)).status()).toBe(404);
	// Saved and stored: the file box is empty again, so a second save sends nothing twice.
	await expect(page.getByLabel(/^Replace with/)).toHaveValue('');
	mediaUrl = src!;
});

test('the exercise is found by name, category, equipment and tier, and missed by others', async ({
	page
}) => {
	await signIn(page, COORDINATOR);
	await page.goto('/exercises');
	const search = page.getByRole('search', { name: 'Find exercises' });
	await search.getByLabel('Name').fill('push-up (e2e');
	await search.getByLabel('Name').press('Enter');
	await expect(page).toHaveURL(/q=push-up/);
	await expect(page.getByRole('row')).toHaveCount(2);
	const row = rowOf(page, NAME);
	await expect(row).toContainText('10 reps, 2 sets');
	await expect(row).toContainText('Supported');
	await expect(row).toContainText('Picture');

	await search.getByLabel('Category').selectOption('strength');
	await expect(page).toHaveURL(/category=strength/);
	await search.getByLabel('Equipment').selectOption('wall');
	await expect(page).toHaveURL(/equipment=wall/);
	await expect(row).toBeVisible();
	await search.getByLabel('Support tier').selectOption('standing');
	await expect(page.getByText('No exercise matches these filters.')).toBeVisible();
	await search.getByLabel('Support tier').selectOption('supported');
	await expect(row).toBeVisible();

	// The same filters are a plain link: a bookmark, or a browser without JavaScript.
	await page.goto('/exercises?category=core&q=push-up');
	await expect(page.getByText('No exercise matches these filters.')).toBeVisible();
});

test('without JavaScript, a fake picture and a taken name are refused beside their fields', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signIn(page, COORDINATOR);
	await page.goto('/exercises');
	const before = await page.getByRole('row').count();

	await page.goto('/exercises/new');
	await page.getByLabel('Name', { exact: true }).fill('bird DOG');
	await page.getByLabel(/^Display cue shown on the wall/).fill('x'.repeat(81));
	await page.getByLabel(/^Upload/).setInputFiles({
		name: 'totally-a-picture.png',
		mimeType: 'image/png',
		buffer: Buffer.from('<!doctype html><script>alert(1)</script>')
	});
	await page.getByRole('button', { name: 'Create exercise' }).click();

	await expect(page.getByRole('alert')).toContainText('Nothing was saved');
	await expect(page.locator('#name-error')).toHaveText(
		'Another exercise is already called “Bird dog”: choose another name'
	);
	await expect(page.locator('#displayCue-error')).toHaveText('Display cue: at most 80 characters');
	await expect(page.locator('#media-error')).toHaveText(
		'Not a picture or video we can show: use PNG, JPEG, WebP, MP4 or WebM'
	);
	await expect(page.getByLabel('Name', { exact: true })).toHaveValue('bird DOG');

	await page.goto('/exercises');
	await expect(page.getByRole('row')).toHaveCount(before);
	await context.close();
});

test('a picture over 5 MB is refused with its size, by the server and before sending', async ({
	browser
}) => {
	const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024 + 100_000 - PNG.length)]);
	const file = { name: 'big.png', mimeType: 'image/png', buffer: big };
	// Without JavaScript the server says it (the body limit lets 5 MB and more through to it).
	const plain = await browser.newContext({ javaScriptEnabled: false });
	const page = await plain.newPage();
	await signIn(page, COORDINATOR);
	await page.goto('/exercises/new');
	await page.getByLabel('Name', { exact: true }).fill('Too big (e2e)');
	await page.getByLabel(/^Display cue shown on the wall/).fill('Stand tall.');
	await page.getByLabel(/^Upload/).setInputFiles(file);
	await page.getByRole('button', { name: 'Create exercise' }).click();
	await expect(page.locator('#media-error')).toHaveText('The file is 5.1 MB: at most 5 MB');
	await plain.close();

	// With JavaScript the editor says it before sending anything.
	const scripted = await browser.newPage();
	await signIn(scripted, COORDINATOR);
	await scripted.goto('/exercises/new');
	await scripted.getByLabel(/^Upload/).setInputFiles(file);
	await expect(scripted.locator('#media-error')).toHaveText('The file is 5.1 MB: at most 5 MB');
	await scripted.goto('/exercises?q=too big');
	await expect(scripted.getByText('No exercise matches these filters.')).toBeVisible();
});

test('archiving hides the exercise from the list; "show archived" finds it; it can be restored', async ({
	page
}) => {
	await signIn(page, COORDINATOR);
	await page.goto('/exercises?q=push-up');
	await page.getByRole('link', { name: NAME }).click();
	await expect(page.getByText('No routine uses this exercise yet.')).toBeVisible();
	await page.getByRole('button', { name: 'Archive exercise' }).click();
	await expect(page.getByRole('status')).toHaveText(/^Archived/);

	await page.goto('/exercises?q=push-up');
	await expect(page.getByText('No exercise matches these filters.')).toBeVisible();
	await page.getByLabel('Show archived').check();
	await expect(page).toHaveURL(/archived=1/);
	await expect(rowOf(page, NAME)).toContainText('Archived');
	// The picture stays served: past classes may still show it.
	expect((await page.request.get(mediaUrl)).status()).toBe(200);

	await page.getByRole('link', { name: NAME }).click();
	await page.getByRole('button', { name: 'Restore exercise' }).click();
	await expect(page.getByRole('status')).toHaveText(/^Restored/);
	await page.goto('/exercises?q=push-up');
	await expect(rowOf(page, NAME)).toBeVisible();
});

test('an exercise a routine uses offers no deletion, only archiving', async ({ page }) => {
	await signIn(page, COORDINATOR);
	await page.goto('/exercises?q=marching warm-up');
	await page.getByRole('link', { name: 'Marching warm-up' }).click();
	await expect(page.getByText(/^Used in /)).toBeVisible();
	await expect(page.getByRole('button', { name: 'Archive exercise' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Delete for good' })).toHaveCount(0);
});

test('removing the picture leaves the words alone', async ({ page }) => {
	await signIn(page, COORDINATOR);
	await page.goto('/exercises?q=push-up');
	await page.getByRole('link', { name: NAME }).click();
	await page.getByLabel('Remove it').check();
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByRole('status')).toHaveText(/^Saved/);
	await expect(page.getByRole('img', { name: 'What the wall shows now' })).toHaveCount(0);
	await expect(page.getByLabel(/^Upload/)).toBeVisible();
	expect((await page.request.get(mediaUrl)).status()).toBe(404);
});
