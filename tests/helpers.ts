import { expect, type APIRequestContext, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'steady-demo';
export const COORDINATOR = 'coordinator@example.org';
export const TECHNICIAN = 'technician@example.org';

/** Signs in through the real form, as a person would. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, baseUrl = '') {
	await page.goto(`${baseUrl}/sign-in`);
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).not.toHaveURL(/\/sign-in/);
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
