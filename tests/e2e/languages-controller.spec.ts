import { expect, test } from '../browser-test';
import {
	COORDINATOR,
	openBalanceBasicsSeries,
	pairDisplay,
	phoneInClass,
	setBalanceBasicsLanguage,
	shotsDir,
	signIn,
	TECHNICIAN
} from '../helpers';
import { ownDemoServer } from '../own-demo-server';

/**
 * Issue 12, the phone's class controller: a technician who chooses Spanish runs the class in
 * Spanish (buttons, banner, the exercise's name and notes, the notes marked where they are only
 * in English), and a Spanish class on a TV without a Spanish voice (headless Chromium has none)
 * makes the phone say the names are shown, not spoken. Its own server: a series is changed, a
 * display paired and a class started and stopped.
 */
test.describe.configure({ timeout: 150_000 });
const server = ownDemoServer(26);
const SHOTS = shotsDir('language');

test('a technician who chooses Spanish runs the class in Spanish; a TV without a Spanish voice says so', async ({
	browser
}) => {
	const deskContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const desk = await deskContext.newPage();
	await signIn(desk, COORDINATOR, undefined, server.url);
	await openBalanceBasicsSeries(desk, server.url);
	await setBalanceBasicsLanguage(desk, server.url, 'es');
	const display = await pairDisplay(browser, deskContext, 'Gym A', server.url);

	const phone = await phoneInClass(browser, TECHNICIAN, 'Gym A', {
		baseUrl: server.url,
		classLink: /Balance Basics/
	});
	await expect(phone.getByRole('button', { name: 'Start' })).toBeVisible();
	await phone.getByLabel('Language').selectOption('es');
	await phone.getByRole('button', { name: 'Change language' }).click();
	await expect(phone.locator('html')).toHaveAttribute('lang', 'es');
	await expect(phone.getByTestId('connection')).toHaveText('Conectado');
	await expect(phone.getByRole('heading', { name: 'Pantallas' })).toBeVisible();

	await phone.getByRole('button', { name: 'Iniciar' }).click();
	await expect(display.locator('html')).toHaveAttribute('lang', 'es');
	// The phone's own words: the exercise in Spanish, its notes in English (the demo has none in
	// Spanish), marked so.
	await expect(phone.getByTestId('phone-block')).toHaveText('Marcha de calentamiento');
	const notes = phone.getByTestId('technician-notes');
	await expect(notes).toContainText('Notas para el técnico');
	await expect(notes).toContainText('En inglés');
	await notes.getByText('Notas para el técnico').click();
	await expect(notes).toContainText('Watch for dizziness');

	// The TV (headless Chromium) has no Spanish voice: the phone says so, in Spanish.
	await expect(phone.getByTestId('no-voice')).toContainText(
		'no tiene una voz en español: los nombres de los ejercicios se muestran, no se dicen.'
	);

	const bar = phone.getByRole('region', { name: 'Controles de la clase' });
	await expect(bar.getByRole('button', { name: 'Detener la clase (emergencia)' })).toBeVisible();
	await bar.getByRole('button', { name: 'Pausar' }).click();
	await expect(phone.getByTestId('state-banner')).toContainText('EN PAUSA');
	await expect(phone.getByTestId('state-banner')).toContainText('La pantalla está detenida.');
	await expect(phone.getByTestId('command-history')).toContainText('Pausar');
	await phone.screenshot({ path: `${SHOTS}/phone-controller-paused-es.png`, fullPage: true });
	await phone.screenshot({ path: `${SHOTS}/phone-controller-paused-es-390.png` });
	await bar.getByRole('button', { name: 'Reanudar' }).click();
	await expect(phone.getByTestId('state-banner')).toHaveCount(0);

	// Stop is a hold: then the banner and the bar's question are Spanish too.
	const stop = bar.getByTestId('stop');
	await stop.hover();
	await phone.mouse.down();
	await phone.waitForTimeout(1900);
	await phone.mouse.up();
	await expect(phone.getByTestId('state-banner')).toContainText('DETENIDA');
	await bar.getByRole('button', { name: 'Finalizar la clase…' }).click();
	await expect(phone.getByTestId('bar-question')).toContainText('¿Finalizar la clase ahora?');
	await bar.getByRole('button', { name: 'Ahora no' }).click();
	await deskContext.close();
});
