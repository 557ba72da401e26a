import { expect, test } from '../browser-test';
import { COORDINATOR, TECHNICIAN, signIn } from '../helpers';
import { e2ePort, type RunningServer, startServer, untilListening } from '../server-process';

// A server of its own: this test reopens a class and narrows the clinic's start window.
test.describe.configure({ timeout: 120_000 });

const PORT = e2ePort(3);
let server: RunningServer;

test.beforeAll(async () => {
	server = startServer(PORT);
	await untilListening(server, 60_000);
});
test.afterAll(async () => {
	server.child.kill('SIGTERM');
	await server.exited;
});

test('a class started by mistake is reopened by a coordinator, with a reason; a narrow window refuses a start and says when', async ({
	browser
}) => {
	const url = server.url;
	const phone = await (await browser.newContext()).newPage();
	await signIn(phone, TECHNICIAN, undefined, url);
	await phone.goto(`${url}/control`);
	await phone
		.getByRole('region', { name: 'Gym A' })
		.getByRole('link', { name: /Balance Basics/ })
		.click();
	await expect(phone.getByTestId('connection')).toHaveText('Connected');
	await phone.getByRole('button', { name: 'Start' }).click();
	await expect(phone.getByRole('button', { name: 'Pause' })).toBeVisible();
	const sessionId = new URL(phone.url()).pathname.split('/').at(-1)!;

	const desk = await (await browser.newContext()).newPage();
	await signIn(desk, COORDINATOR, undefined, url);
	await desk.goto(`${url}/schedule/sessions/${sessionId}`);
	await desk.getByText('Started by mistake? Reopen this class').click();
	await desk.getByRole('button', { name: 'Reopen' }).click();
	// The browser asks for the reason first (required); then it is kept with who gave it.
	await desk.getByLabel('Why').fill('Started the wrong class');
	await desk.getByRole('button', { name: 'Reopen' }).click();
	await expect(desk.getByText('Reopened: the class is scheduled again.')).toBeVisible();
	await expect(desk.getByRole('region', { name: 'Reopened' })).toContainText(
		'Casey Morgan: Started the wrong class'
	);
	await expect(desk.getByText('Started by mistake? Reopen this class')).toHaveCount(0);

	// The phone is told at once: the class waits to be started again.
	await expect(phone.getByRole('button', { name: 'Start' })).toBeVisible();

	// Settings: no start before or after the scheduled time; the phone is told when it could.
	await desk.goto(`${url}/settings`);
	const windows = desk.getByRole('region', { name: 'Starting and documenting classes' });
	await windows.getByLabel('Start from (minutes before)').fill('0');
	await windows.getByLabel('Start until (minutes after)').fill('0');
	await windows.getByRole('button', { name: 'Save class times' }).click();
	await expect(windows.getByRole('status')).toHaveText(
		'Saved. Applies to the next start and entry.'
	);
	await expect(desk.getByRole('region', { name: 'Recent changes' })).toContainText(
		'Start a class from: 1440 min before → 0 min before'
	);
	await phone.getByRole('button', { name: 'Start' }).click();
	await expect(phone.getByText(/this class (can|could) be started from/)).toBeVisible();
});
