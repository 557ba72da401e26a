import { expect, test, type Page } from '../browser-test';
import { COORDINATOR, TECHNICIAN, sessionCookie, signIn } from '../helpers';

// These tests change the suite's one clinic; each ends with the defaults back in force.
test.describe.configure({ mode: 'serial' });

const restingHeartRate = (page: Page) =>
	page
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader', { name: /^Resting heart rate/ }) });
const recentChanges = (page: Page) => page.getByRole('region', { name: 'Recent changes' });

test('a coordinator raises a threshold, sees it saved and in the change list, then restores the defaults', async ({
	page
}) => {
	await signIn(page, COORDINATOR);
	await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
	await expect(page.getByRole('heading', { name: 'Clinic settings', level: 1 })).toBeVisible();
	await expect(page.getByText('Chest pain or angina')).toBeVisible();
	const unverified = page
		.getByRole('row')
		.filter({ hasText: 'Heart rate during exercise > 130 bpm' });
	await expect(unverified.getByText('unverified')).toBeVisible();

	const row = restingHeartRate(page);
	await expect(row.getByRole('rowheader')).toHaveText('Resting heart rate > 100 bpm');
	await row.getByLabel(/^Threshold for/).fill('110');
	await page.getByRole('button', { name: 'Save rules' }).click();

	await expect(page.getByRole('status')).toHaveText(/^Saved/);
	await expect(row.getByRole('rowheader')).toHaveText(/^Resting heart rate > 110 bpm/);
	await expect(row.getByText('Shipped: Resting heart rate > 100 bpm, WARN')).toBeVisible();
	const latest = recentChanges(page).getByRole('row').nth(1);
	await expect(latest).toContainText('Casey Morgan');
	await expect(latest).toContainText('Resting heart rate > 100 bpm → Resting heart rate > 110 bpm');

	// Still there after a reload: stored, not only shown.
	await page.reload();
	await expect(restingHeartRate(page).getByLabel(/^Threshold for/)).toHaveValue('110');

	await page.getByRole('button', { name: 'Restore defaults' }).click();
	await expect(page.getByRole('status')).toHaveText('Defaults restored.');
	await expect(restingHeartRate(page).getByRole('rowheader')).toHaveText(
		'Resting heart rate > 100 bpm'
	);
	await expect(recentChanges(page).getByRole('row').nth(1)).toContainText('Restored the defaults');
});

test('without JavaScript too, an out-of-range value is refused beside its field and nothing is saved', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signIn(page, COORDINATOR);
	await page.goto('/settings');
	const changesBefore = await recentChanges(page).getByRole('row').count();

	// A valid change on one rule and a slip on another: the valid one must not be saved alone.
	const spo2 = page
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader', { name: 'SpO2 < 90 %' }) });
	await spo2.getByLabel(/^Threshold for/).fill('91');
	const threshold = restingHeartRate(page).getByLabel(/^Threshold for/);
	await threshold.fill('400');
	await page.getByRole('button', { name: 'Save rules' }).click();

	await expect(page.getByRole('alert')).toHaveText(/Nothing was saved/);
	await expect(threshold).toHaveAttribute('aria-invalid', 'true');
	await expect(threshold).toHaveAccessibleDescription('Enter 20 to 250 bpm');
	await expect(restingHeartRate(page).getByText('Enter 20 to 250 bpm')).toBeVisible();
	// What was typed stays, to be corrected.
	await expect(threshold).toHaveValue('400');

	await page.goto('/settings');
	await expect(restingHeartRate(page).getByLabel(/^Threshold for/)).toHaveValue('100');
	await expect(spo2.getByLabel(/^Threshold for/)).toHaveValue('90');
	await expect(recentChanges(page).getByRole('row')).toHaveCount(changesBefore);
	await context.close();
});

test('a technician can neither open the settings nor post to them', async ({
	page,
	request,
	baseURL
}) => {
	await signIn(page, TECHNICIAN);
	await expect(page.getByRole('link', { name: 'Settings' })).toHaveCount(0);
	const refused = await page.goto('/settings');
	expect(refused?.status()).toBe(403);

	const cookie = await sessionCookie(request, baseURL!, TECHNICIAN);
	for (const action of ['save', 'reset']) {
		const response = await request.post(`/settings?/${action}`, {
			form: { 'hr-rest-100.threshold': '150' },
			headers: { origin: baseURL!, cookie, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(response.status()).toBe(403);
	}
});

test('Records: a coordinator asks for co-signatures and sets the handout contact; a contact too long is refused beside its field', async ({
	page
}) => {
	await signIn(page, COORDINATOR);
	await page.goto('/settings');
	const records = page.getByRole('region', { name: 'Records' });
	const cosign = records.getByRole('checkbox', { name: "Notes need a therapist's co-signature" });
	const contact = records.getByLabel('Clinic contact for handouts');
	await expect(cosign).not.toBeChecked();
	await expect(contact).toHaveValue('Riverside Rehab · 555-0142 · 12 River Road');

	await contact.fill('x'.repeat(301));
	await records.getByRole('button', { name: 'Save records settings' }).click();
	await expect(records.getByText('At most 300 characters')).toBeVisible();
	await expect(contact).toHaveAttribute('aria-invalid', 'true');

	await cosign.check();
	await contact.fill('Riverside Rehab · 555-0100 · 12 River Road');
	await records.getByRole('button', { name: 'Save records settings' }).click();
	await expect(records.getByRole('status')).toHaveText(/^Saved/);
	await expect(recentChanges(page).getByRole('row').nth(1)).toContainText(
		'Co-signature needed: off → on'
	);
	await page.reload();
	await expect(cosign).toBeChecked();
	await expect(contact).toHaveValue('Riverside Rehab · 555-0100 · 12 River Road');

	// Back as the suite found it.
	await cosign.uncheck();
	await contact.fill('Riverside Rehab · 555-0142 · 12 River Road');
	await records.getByRole('button', { name: 'Save records settings' }).click();
	await expect(records.getByRole('status')).toHaveText(/^Saved/);
	await page.reload();
	await expect(cosign).not.toBeChecked();
});
