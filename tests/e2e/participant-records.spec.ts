import { expect, test } from '../browser-test';
import { COORDINATOR, signIn } from '../helpers';
import { ownDemoServer } from '../own-demo-server';

// Its own demo clinic: identifiers and audit lines stay out of the suite's shared one.
const server = ownDemoServer(36);
test.describe.configure({ mode: 'serial' });

test("a coordinator adds and removes a participant's MRN, and reads both in the record's audit log", async ({
	page
}) => {
	await signIn(page, COORDINATOR, undefined, server.url);
	await page.goto(`${server.url}/participants`);
	await page.getByRole('table').getByRole('link').first().click();
	const identifiers = page.getByTestId('identifiers');
	await expect(identifiers.getByText('No identifiers yet.')).toBeVisible();

	// Bad fields are refused beside each one, and nothing is added.
	await identifiers.getByLabel('System (URI)').fill('hospital mrn');
	await identifiers.getByRole('button', { name: 'Add identifier' }).click();
	await expect(
		identifiers.getByText('Enter an absolute URI, such as urn:oid:… or https://…')
	).toBeVisible();
	await expect(identifiers.getByText('Enter the identifier')).toBeVisible();
	await expect(identifiers.getByText('No identifiers yet.')).toBeVisible();

	await identifiers.getByLabel('System (URI)').fill('urn:oid:1.2.36.146.595.217.0.1');
	await identifiers.getByLabel('Identifier', { exact: true }).fill('A-10042');
	await identifiers.getByRole('button', { name: 'Add identifier' }).click();
	await expect(page.getByRole('status')).toHaveText('Identifier added.');
	const row = identifiers.getByRole('row').filter({ hasText: 'A-10042' });
	await expect(row).toContainText('MRN');
	await expect(row).toContainText('urn:oid:1.2.36.146.595.217.0.1');

	await row.getByRole('button', { name: 'Remove MRN A-10042' }).click();
	await expect(page.getByRole('status')).toHaveText('Identifier removed.');
	await expect(identifiers.getByText('No identifiers yet.')).toBeVisible();

	await page.getByRole('link', { name: 'Record audit log' }).click();
	await expect(page.getByRole('heading', { name: 'Record audit log', level: 1 })).toBeVisible();
	const log = page.getByTestId('audit-log');
	await expect(log.getByRole('row').filter({ hasText: 'Identifier added (MRN)' })).toContainText(
		'Casey Morgan'
	);
	await expect(log.getByRole('row').filter({ hasText: 'Identifier removed (MRN)' })).toHaveCount(1);
	await expect(log.getByRole('row').filter({ hasText: 'Viewed' }).first()).toContainText(
		'Participant record'
	);
	// The value itself is never in the log.
	await expect(log).not.toContainText('A-10042');
});

test("a class's audit log is linked from its page", async ({ page }) => {
	await signIn(page, COORDINATOR, undefined, server.url);
	await page.goto(`${server.url}/schedule`);
	await page
		.getByRole('link', { name: /Balance Basics/ })
		.first()
		.click();
	await page.getByRole('link', { name: 'Record audit log' }).click();
	await expect(page.getByRole('heading', { name: 'Record audit log', level: 1 })).toBeVisible();
	await expect(page.getByText('Nothing recorded yet.')).toBeVisible();
});

test('the demo therapist runs classes but, like a technician, may not open coordinator pages', async ({
	page
}) => {
	await signIn(page, 'therapist@example.org', undefined, server.url);
	await expect(page.getByText('Sam Rivera')).toBeVisible();
	const response = await page.goto(`${server.url}/participants`);
	expect(response?.status()).toBe(403);
});
