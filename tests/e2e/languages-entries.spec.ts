import { expect, test } from '../browser-test';
import { shotsDir, signIn, TECHNICIAN } from '../helpers';
import { ownDemoServer } from '../own-demo-server';

/**
 * Issue 12: a technician who chooses Spanish records in Spanish. The entry sheet refuses a
 * typing slip in Spanish, and a reading that breaks the clinic's rules raises its findings and
 * the alert overlay in Spanish, worded from the rule's numbers (codes, not English sentences).
 * Its own server: the user's language is changed and entries are recorded.
 */
test.describe.configure({ timeout: 150_000 });
const server = ownDemoServer(27);
const SHOTS = shotsDir('language');

test('a technician who chooses Spanish gets the entry sheet, its refusals and the alerts in Spanish', async ({
	browser
}) => {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
	const phone = await context.newPage();
	await signIn(phone, TECHNICIAN, undefined, server.url);
	await phone.getByLabel('Language').selectOption('es');
	await phone.getByRole('button', { name: 'Change language' }).click();
	await expect(phone.locator('html')).toHaveAttribute('lang', 'es');

	await phone.goto(`${server.url}/control`);
	await phone
		.getByRole('region', { name: 'Gym A' })
		.getByRole('link', { name: /Balance/ })
		.first()
		.click();
	const row = phone.getByTestId('roster-row').first();
	await expect(row.getByRole('button', { name: 'Presente' })).toBeVisible();
	await row.getByRole('button', { name: 'Registrar…' }).click();
	const sheet = phone.getByTestId('entry-sheet');
	await sheet.getByRole('tab', { name: 'Signos vitales' }).click();
	await expect(sheet.getByRole('button', { name: 'antes', exact: true })).toHaveAttribute(
		'aria-pressed',
		'true'
	);

	// A typing slip never leaves the phone: refused, in Spanish.
	await sheet.getByRole('spinbutton', { name: 'SpO2' }).fill('140');
	await sheet.getByRole('button', { name: 'Guardar' }).click();
	await expect(sheet.getByTestId('sheet-message')).toHaveText('SpO2: de 50 a 100 %');

	// Resting blood pressure 185/90 (HOLD) and SpO2 87 (STOP): the findings in Spanish.
	await sheet.getByRole('spinbutton', { name: 'SpO2' }).fill('87');
	await sheet.getByRole('spinbutton', { name: 'Sistólica (alta)' }).fill('185');
	await sheet.getByRole('spinbutton', { name: 'Diastólica (baja)' }).fill('90');
	await sheet.getByRole('button', { name: 'Guardar' }).click();
	const findings = sheet.getByTestId('sheet-findings').getByRole('listitem');
	await expect(
		findings.filter({
			hasText: 'ALTO: SpO2 < 88 %. Detenga el ejercicio y avise al terapeuta responsable.'
		})
	).toHaveCount(1);
	await expect(
		findings.filter({
			hasText: 'NO INICIAR: Sistólica en reposo ≥ 180 mmHg. No inicie el ejercicio.'
		})
	).toHaveCount(1);

	// The alert overlay names the person, with the values, the rules and the actions in Spanish.
	const overlay = phone.getByTestId('alert-overlay');
	await expect(overlay).toBeVisible();
	await expect(overlay.getByTestId('alert-severity')).toHaveText('ALTO');
	await expect(overlay.getByTestId('alert-values')).toHaveText(
		'PA 185/90 mmHg · SpO2 87 % (antes)'
	);
	await expect(overlay.getByTestId('alert-rules')).toContainText(
		'ALTO: SpO2 < 88 %. Detenga el ejercicio y avise al terapeuta responsable.'
	);
	await expect(overlay).toContainText('Registrado por');
	await phone.screenshot({ path: `${SHOTS}/alert-overlay-es.png` });
	await overlay.getByRole('button', { name: 'Visto' }).click();
	await expect(overlay).toBeHidden();
	await sheet.getByRole('button', { name: 'Cerrar' }).click();

	// The participant's history: the entry and its findings in Spanish too.
	await row.getByTestId('participant-name').click();
	const history = row.getByTestId('history');
	await expect(history).toContainText('Signos vitales antes: PA 185/90, SpO2 87 %');
	await expect(history).toContainText('NO INICIAR: Sistólica en reposo ≥ 180 mmHg');
	await context.close();
});
