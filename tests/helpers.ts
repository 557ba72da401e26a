import {
	expect,
	type APIRequestContext,
	type Browser,
	type BrowserContext,
	type Locator,
	type Page
} from '@playwright/test';

export const DEMO_PASSWORD = 'steady-demo';
export const COORDINATOR = 'coordinator@example.org';
export const TECHNICIAN = 'technician@example.org';

/** Signs in through the real form, as a person would. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, baseUrl = '') {
	await page.goto(`${baseUrl}/sign-in`);
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	// argon2 on a busy 2-core CI machine can take a few seconds.
	await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 15_000 });
}

/** Signs in through the form post without a browser and returns the session cookie header. */
export async function sessionCookie(
	request: APIRequestContext,
	baseURL: string,
	email = TECHNICIAN
): Promise<string> {
	const response = await request.post('/sign-in', {
		form: { email, password: DEMO_PASSWORD },
		headers: { origin: baseURL, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status()).toBe(303);
	const setCookie = response.headers()['set-cookie'] ?? '';
	const match = /steady_session=([^;]+)/.exec(setCookie);
	expect(match, 'the sign-in response sets the session cookie').not.toBeNull();
	return `steady_session=${match![1]}`;
}

/**
 * Records an in-range pool check on the phone controller of a pool class, as a technician
 * would before pressing Start (the server refuses the start of a pool class without one).
 */
export async function recordPoolCheck(
	page: Page,
	readings = { waterTempC: '34.0', freeChlorinePpm: '2.0', ph: '7.4' }
) {
	const check = page.getByTestId('pool-check');
	await check.getByRole('spinbutton', { name: 'Water temperature (°C)' }).fill(readings.waterTempC);
	await check
		.getByRole('spinbutton', { name: 'Free chlorine (ppm)' })
		.fill(readings.freeChlorinePpm);
	await check.getByRole('spinbutton', { name: 'pH' }).fill(readings.ph);
	await check.getByLabel('Emergency equipment checked').check();
	await check.getByLabel('Lifeguard or rescuer present').check();
	await check.getByRole('button', { name: 'Record pool check' }).click();
	await expect(page.getByTestId('pool-check-done')).toContainText('Pool check done');
}

/**
 * Opens a wall display in a new browser context and pairs it to a room from a signed-in staff
 * context (a page of its own, so the phone's page stays where it is). Pool classes need one
 * online in the room before they may start. `watch`: called before the display opens (to keep
 * what it receives).
 */
export async function pairDisplay(
	browser: Browser,
	staff: BrowserContext,
	room: string,
	baseUrl = '',
	watch?: (display: Page) => unknown
): Promise<Page> {
	const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
	const display = await context.newPage();
	await watch?.(display);
	await display.goto(`${baseUrl}/display`);
	const code = (await display.getByTestId('pairing-code').getAttribute('aria-label'))!.slice(-6);
	const pairing = await staff.newPage();
	await pairing.goto(`${baseUrl}/control/pair?code=${code}`);
	await pairing.getByLabel(room).check();
	await pairing.getByRole('button', { name: 'Pair' }).click();
	await expect(display.getByRole('heading', { name: room })).toBeVisible();
	await pairing.close();
	return display;
}

/** Where e2e tests leave the screenshots a person looks at (test-results/ is not committed). */
export const shotsDir = (name: string) => `test-results/shots/${name}`;

/** Inside the viewport, and the element the finger would hit at its centre is the locator's. */
export async function expectReachable(page: Page, target: Locator) {
	const box = (await target.boundingBox())!;
	const viewport = page.viewportSize()!;
	expect(box.y).toBeGreaterThanOrEqual(0);
	expect(box.x).toBeGreaterThanOrEqual(0);
	expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
	expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
	const hit = await target.evaluate((element) => {
		const rect = element.getBoundingClientRect();
		const top = document.elementFromPoint(rect.x + rect.width / 2, rect.y + rect.height / 2);
		return !!top && element.contains(top);
	});
	expect(hit, 'nothing covers it').toBe(true);
}

/**
 * A technician's phone (390x844) signed in and on the controller of the first class in `room`
 * (or the one whose link matches `classLink`), connected.
 */
export async function phoneInClass(
	browser: Browser,
	email: string,
	room: string,
	{ baseUrl = '', classLink }: { baseUrl?: string; classLink?: RegExp } = {}
): Promise<Page> {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
	const page = await context.newPage();
	await signIn(page, email, undefined, baseUrl);
	await page.goto(`${baseUrl}/control`);
	const links = page.getByRole('region', { name: room }).getByRole('link', { name: classLink });
	await links.first().click();
	await expect(page.getByTestId('connection')).toHaveText('Connected');
	return page;
}

/** Opens the Balance Basics series form (the first class series of the demo) as the desk. */
export async function openBalanceBasicsSeries(desk: Page, baseUrl: string) {
	await desk.goto(`${baseUrl}/schedule/series`);
	await desk
		.getByRole('link', { name: /Balance Basics/ })
		.first()
		.click();
}

/** Sets the display language of Balance Basics and checks the saved form says so. */
export async function setBalanceBasicsLanguage(desk: Page, baseUrl: string, locale: string) {
	await desk.getByLabel('Language on the display').selectOption(locale);
	await desk.getByRole('button', { name: 'Save series' }).click();
	await openBalanceBasicsSeries(desk, baseUrl);
	await expect(desk.getByLabel('Language on the display')).toHaveValue(locale);
}
