import { expect, test, type Page } from '../browser-test';
import { COORDINATOR, DEMO_PASSWORD, shotsDir, signIn, TECHNICIAN } from '../helpers';
import { ownDemoServer } from '../own-demo-server';

/**
 * Issue 12: a participant's home exercise handout is in their preferred language (a new field on
 * the participant form; empty: the clinic's), `<html lang>` included, and prints without the
 * staff header and footer. Its own server: a participant's language is changed.
 */
test.describe.configure({ timeout: 150_000 });
const server = ownDemoServer(28);

async function openParticipant(page: Page, name: string) {
	await page.goto(`${server.url}/participants?q=${encodeURIComponent(name)}`);
	await page.getByRole('link', { name: new RegExp(name.split(' ').reverse().join(', ')) }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
}

async function openHandout(page: Page) {
	await page.getByRole('link', { name: 'Home exercise handout' }).click();
	await expect(page).toHaveURL(/\/handouts\//);
}

test('handouts follow the participant’s language, and print without the staff chrome', async ({
	page
}) => {
	await signIn(page, COORDINATOR, DEMO_PASSWORD, server.url);

	// Tomás Herrera reads Spanish (the demo seed says so): his sheet is Spanish, the staff header not.
	await openParticipant(page, 'Tomás Herrera');
	await expect(page.getByLabel('Handout language')).toHaveValue('es');
	await openHandout(page);
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sus ejercicios para casa');
	await expect(page.getByText('De Riverside Rehab (demo)')).toBeVisible();
	await expect(page.getByText('dolor o presión en el pecho')).toBeVisible();
	await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
	await page.screenshot({ path: `${shotsDir('language')}/handout-es.png`, fullPage: true });
	const tomasUrl = page.url();

	// Eleanor Whitfield has no language of her own: the clinic's English.
	await openParticipant(page, 'Eleanor Whitfield');
	const language = page.getByLabel('Handout language');
	await expect(language).toHaveValue('');
	await expect(language.locator('option').first()).toHaveText("The clinic's (English)");
	await openHandout(page);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your home exercises');
	await expect(page.getByRole('heading', { name: 'Marching warm-up' })).toBeVisible();
	await expect(page.getByText('chest pain or pressure')).toBeVisible();

	// On paper: the sheet only, no staff header, footer or buttons.
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
	await expect(page.getByRole('button', { name: 'Sign out' })).toBeHidden();
	await expect(page.getByRole('button', { name: 'Change language' })).toBeHidden();
	await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
	await page.emulateMedia({ media: 'screen' });

	// The form saves her language; her next handout is in Spanish, the demo library's words.
	await openParticipant(page, 'Eleanor Whitfield');
	await page.getByLabel('Handout language').selectOption('es');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByRole('status')).toHaveText('Saved.');
	await page.reload();
	await expect(page.getByLabel('Handout language')).toHaveValue('es');
	await openHandout(page);
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');
	await expect(page.getByRole('heading', { name: 'Marcha de calentamiento' })).toBeVisible();
	await expect(
		page.getByText('Marche en su lugar. Suba las rodillas y balancee los brazos.')
	).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Marching warm-up' })).toHaveCount(0);

	// A technician prints handouts too; the staff page around it stays in their own language.
	const technician = await page.context().browser()!.newPage();
	await signIn(technician, TECHNICIAN, DEMO_PASSWORD, server.url);
	await technician.goto(tomasUrl);
	await expect(technician.locator('html')).toHaveAttribute('lang', 'es');
	await expect(technician.getByRole('heading', { level: 1 })).toHaveText(
		'Sus ejercicios para casa'
	);
	await expect(technician.getByRole('button', { name: 'Sign out' })).toBeVisible();
	await technician.close();
});
