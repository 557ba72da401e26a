import { expect, test } from '../browser-test';
import {
	COORDINATOR,
	DEMO_PASSWORD,
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
 * Issue 12: a class series set to Spanish runs on the wall in Spanish (titles, rings, captions,
 * paused and stopped screens, the next class) while the technician's phone stays in English; a
 * Spanish browser signs in in Spanish; a person who chooses Spanish gets their pages in it.
 * Its own server: the series is changed, the class started and a user's language set.
 */
test.describe.configure({ timeout: 150_000 });
const server = ownDemoServer(15);
const SHOTS = shotsDir('language');

test('a Spanish class series runs on the display in Spanish; the phone stays in English', async ({
	browser
}) => {
	const deskContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const desk = await deskContext.newPage();
	await signIn(desk, COORDINATOR, undefined, server.url);
	await openBalanceBasicsSeries(desk, server.url);
	const language = desk.getByLabel('Language on the display');
	await expect(language).toHaveValue('');
	await expect(language.locator('option').first()).toHaveText("The clinic's (English)");
	await setBalanceBasicsLanguage(desk, server.url, 'es');
	// The library holds each exercise's Spanish words beside its English ones.
	await desk.goto(`${server.url}/exercises`);
	await desk.getByRole('link', { name: 'Marching warm-up' }).first().click();
	await expect(desk.getByLabel('Name in Spanish')).toHaveValue('Marcha de calentamiento');
	await expect(desk.getByLabel('Display cue in Spanish')).toHaveValue(/^Marche en su lugar/);

	// Idle, the wall speaks the next class's language: Core Strength's, the clinic's English.
	const display = await pairDisplay(browser, deskContext, 'Gym A', server.url);
	await expect(display.getByText(/Next class: Core Strength/)).toBeVisible();
	await expect(display.locator('html')).toHaveAttribute('lang', 'en');

	const phone = await phoneInClass(browser, TECHNICIAN, 'Gym A', {
		baseUrl: server.url,
		classLink: /Balance Basics/
	});
	await phone.getByRole('button', { name: 'Start' }).click();
	// The demo library's Spanish name and cue; the plan was built in the class's language.
	await expect(display.getByTestId('exercise-name')).toHaveText('Marcha de calentamiento');
	await expect(display.getByTestId('cue')).toContainText('Marche en su lugar');
	await expect(display.locator('html')).toHaveAttribute('lang', 'es');
	await expect(display.getByText('Calentamiento', { exact: true })).toBeVisible();
	await expect(display.getByText(/^Quedan \d+:\d\d$/)).toBeVisible();
	await expect(display.getByTestId('next')).toContainText('Siguiente: Círculos con el tobillo');
	await display.screenshot({ path: `${SHOTS}/tv-running-es.png` });

	await phone.getByRole('button', { name: 'Pause' }).click();
	await expect(display.getByTestId('paused')).toHaveText('En pausa');
	await expect(phone.getByTestId('state-banner')).toContainText('PAUSED');
	await display.screenshot({ path: `${SHOTS}/tv-paused-es.png` });
	await phone.getByRole('button', { name: 'Resume' }).click();

	// Get ready, then a reps exercise: the ring and the title are Spanish too.
	await phone.getByRole('button', { name: 'Next' }).click();
	await expect(display.getByTestId('exercise-name')).toHaveText('Prepárense');
	await phone.getByRole('button', { name: 'Next' }).click();
	await expect(display.getByTestId('reps')).toHaveText('10 veces · IZQUIERDA');
	await display.screenshot({ path: `${SHOTS}/tv-reps-es.png` });
	await expect(phone.locator('html')).toHaveAttribute('lang', 'en');
	await expect(phone.getByRole('button', { name: 'Pause' })).toBeVisible();
});

test('a Spanish browser signs in in Spanish; a person who chooses Spanish keeps it', async ({
	browser
}) => {
	const spanish = await browser.newContext({
		locale: 'es-ES',
		viewport: { width: 390, height: 844 }
	});
	const phone = await spanish.newPage();
	await phone.goto(`${server.url}/sign-in`);
	await expect(phone.locator('html')).toHaveAttribute('lang', 'es');
	await expect(phone.getByText('Inicie sesión para dar las clases de hoy.')).toBeVisible();
	await phone.getByLabel('Correo electrónico').fill(TECHNICIAN);
	await phone.getByLabel('Contraseña').fill('not-the-password');
	await phone.getByRole('button', { name: 'Iniciar sesión' }).click();
	await expect(phone.getByRole('alert')).toHaveText(
		'Ese correo y esa contraseña no corresponden a ninguna cuenta.'
	);
	await phone.screenshot({ path: `${SHOTS}/phone-sign-in-refused-es.png` });
	await phone.getByLabel('Contraseña').fill(DEMO_PASSWORD);
	await phone.getByRole('button', { name: 'Iniciar sesión' }).click();
	await expect(phone.getByRole('link', { name: 'Dar una clase' })).toBeVisible();
	await expect(phone.getByRole('button', { name: 'Cerrar sesión' })).toBeVisible();
	// Today's classes: the day, the times and the words in Spanish.
	await expect(phone.getByRole('heading', { name: 'Hoy', level: 1 })).toBeVisible();
	await expect(phone.getByRole('region', { name: 'Gym A' })).toContainText(/\d+ de \d+ inscritos/);
	await expect(
		phone.getByText(/^(lunes|martes|miércoles|jueves|viernes|sábado|domingo), \d+ de /)
	).toBeVisible();
	await phone.screenshot({ path: `${SHOTS}/phone-header-es.png` });
	await phone.getByRole('link', { name: 'Dar una clase' }).click();
	await expect(phone.getByRole('heading', { name: 'Dar una clase', level: 1 })).toBeVisible();
	await expect(phone.getByRole('link', { name: 'Emparejar una pantalla' })).toBeVisible();
	await expect(phone.getByRole('region', { name: 'Gym A' })).toContainText('13:30');

	// An English browser: the coordinator chooses Spanish, keeps it on every page, and goes back.
	const desk = await browser.newPage({ locale: 'en-GB' });
	await signIn(desk, COORDINATOR, undefined, server.url);
	await expect(desk.getByLabel('Language')).toHaveValue('');
	await desk.getByLabel('Language').selectOption('es');
	await desk.getByRole('button', { name: 'Change language' }).click();
	await expect(desk.locator('html')).toHaveAttribute('lang', 'es');
	await expect(desk.getByRole('link', { name: 'Horario' })).toBeVisible();
	await desk.goto(`${server.url}/rooms`);
	await expect(desk.getByRole('link', { name: 'Salas' })).toHaveAttribute('aria-current', 'page');
	await desk.getByLabel('Idioma').selectOption('');
	await desk.getByRole('button', { name: 'Cambiar idioma' }).click();
	await expect(desk).toHaveURL(/\/rooms$/);
	await expect(desk.getByRole('link', { name: 'Schedule' })).toBeVisible();
	await expect(desk.locator('html')).toHaveAttribute('lang', 'en');
});
