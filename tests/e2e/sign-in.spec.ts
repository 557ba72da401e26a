import { expect, test } from '../browser-test';
import { COORDINATOR, TECHNICIAN, signIn } from '../helpers';

test('a page behind sign-in sends you to the sign-in page, and back after signing in', async ({
	page
}) => {
	await page.goto('/schedule');
	await expect(page).toHaveURL(/\/sign-in\?next=%2Fschedule$/);
	await expect(page.getByRole('heading', { name: 'Steady' })).toBeVisible();
	await page.getByLabel('Email').fill(COORDINATOR);
	await page.getByLabel('Password').fill('steady-demo');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/schedule$/);
	await expect(page.getByRole('heading', { name: 'This week' })).toBeVisible();
});

test('a wrong password is refused with one plain message', async ({ page }) => {
	await page.goto('/sign-in');
	await page.getByLabel('Email').fill(TECHNICIAN);
	await page.getByLabel('Password').fill('not-the-password');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'That email and password do not match an account.'
	);
	await expect(page).toHaveURL(/\/sign-in/);
	// The email stays filled in; the password does not.
	await expect(page.getByLabel('Email')).toHaveValue(TECHNICIAN);
	await expect(page.getByLabel('Password')).toHaveValue('');
	const cookies = await page.context().cookies();
	expect(cookies.find((c) => c.name === 'steady_session')).toBeUndefined();
});

test("sign in, see today's classes by room, sign out", async ({ page, context }) => {
	await signIn(page, TECHNICIAN);
	await expect(page.getByRole('heading', { name: /^Today/ })).toBeVisible();
	for (const room of ['Gym A', 'Therapy Pool']) {
		const section = page.getByRole('region', { name: room });
		await expect(section).toBeVisible();
		await expect(section.getByRole('listitem').first()).toBeVisible();
	}
	await expect(page.getByRole('region', { name: 'Therapy Pool' })).toContainText('Aquatic Balance');
	await expect(page.getByText('Jordan Lee (technician)')).toBeVisible();

	const session = (await context.cookies()).find((c) => c.name === 'steady_session');
	expect(session?.httpOnly).toBe(true);
	expect(session?.sameSite).toBe('Lax');
	expect(session?.path).toBe('/');

	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page).toHaveURL(/\/sign-in$/);
	await page.goto('/');
	await expect(page).toHaveURL(/\/sign-in/);

	// The old cookie is worthless: the session ended on the server, not only in this browser.
	await context.addCookies([{ ...session!, expires: -1 }]);
	await page.goto('/');
	await expect(page).toHaveURL(/\/sign-in/);
});

test('technicians cannot open coordinator pages; coordinators see the plain lists', async ({
	page,
	browser
}) => {
	await signIn(page, TECHNICIAN);
	await expect(page.getByRole('link', { name: 'Participants' })).toHaveCount(0);
	const refused = await page.goto('/participants');
	expect(refused?.status()).toBe(403);

	const coordinator = await browser.newPage();
	await signIn(coordinator, COORDINATOR);
	for (const [link, heading] of [
		['Participants', 'Participants'],
		['Exercises', 'Exercises'],
		['Routines', 'Routines'],
		['Rooms', 'Rooms'],
		['Schedule', 'This week']
	]) {
		await coordinator.getByRole('navigation').getByRole('link', { name: link }).click();
		await expect(coordinator.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
	}
	await coordinator.getByRole('link', { name: 'Routines' }).click();
	await expect(coordinator.getByRole('heading', { name: 'Routines', level: 1 })).toBeVisible();
	const balance = coordinator.getByRole('row').filter({ hasText: 'Balance Basics' });
	await expect(balance).toHaveCount(1);
	await expect(balance.getByRole('cell').nth(2)).toHaveText(/^(2[7-9]|3[0-3]) min$/);
	await coordinator.close();
});

test('malformed sign-in posts get a clear error and no session', async ({ request, baseURL }) => {
	const response = await request.post('/sign-in', {
		form: { email: 'not-an-email' },
		headers: { origin: baseURL!, accept: 'application/json' }
	});
	const body = await response.json();
	expect(body.type).toBe('failure');
	expect(body.status).toBe(400);
	expect(body.data).toContain('email-invalid');
	expect(response.headers()['set-cookie']).toBeUndefined();

	const crossSite = await request.post('/sign-in', {
		form: { email: TECHNICIAN, password: 'steady-demo' },
		headers: { origin: 'https://evil.example' }
	});
	expect(crossSite.status()).toBe(403);
});
