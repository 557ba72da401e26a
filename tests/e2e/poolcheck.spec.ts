import { expect, test, type Browser } from '../browser-test';
import { COORDINATOR, TECHNICIAN, pairDisplay, phoneInClass, signIn } from '../helpers';
import { ownDemoServer } from '../own-demo-server';

// The suite's own server runs the demo pool class in pool-headcount.spec.ts; these tests need
// one not started yet, and change clinic settings, so they run a fresh demo clinic of their own.
const server = ownDemoServer(11);

test.describe.configure({ mode: 'serial', timeout: 90_000 });

const phoneInPoolClass = (browser: Browser) =>
	phoneInClass(browser, TECHNICIAN, 'Therapy Pool', { baseUrl: server.url });

test('pool ranges and the default scale are saved and audited, and a bad range saves nothing', async ({
	page
}) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await signIn(page, COORDINATOR, undefined, server.url);
	await page.goto(`${server.url}/settings`);
	const changes = page.getByRole('region', { name: 'Recent changes' });
	const pool = page.getByRole('region', { name: 'Pool chemistry' });

	// The pool rooms: water range shown (edited on /rooms), staff ratio edited here.
	const rooms = page.getByRole('region', { name: 'Pool rooms' });
	const ratio = rooms.getByLabel('Participants per staff member in Therapy Pool');
	await expect(rooms.getByRole('row', { name: /Therapy Pool/ })).toContainText('33–35 °C');
	await expect(ratio).toHaveValue('4');
	await expect(rooms.getByRole('link', { name: 'Rooms' })).toHaveAttribute('href', '/rooms');
	await ratio.fill('0');
	await rooms.getByRole('button', { name: 'Save staff ratios' }).click();
	await expect(ratio).toHaveAccessibleDescription('Enter 1 to 20 participants per staff member');
	await expect(changes.getByText('No changes yet')).toBeVisible();
	await ratio.fill('5');
	await rooms.getByRole('button', { name: 'Save staff ratios' }).click();
	await expect(rooms.getByRole('status')).toHaveText(/^Saved/);
	await expect(changes.getByRole('row').nth(1)).toContainText(
		'Therapy Pool: 1 staff per 4 → 1 staff per 5'
	);

	// A slip: nothing saved, the message beside the field.
	await pool.getByLabel('Highest pH').fill('7.6');
	await pool.getByLabel('Lowest Free chlorine').fill('12');
	await pool.getByRole('button', { name: 'Save pool ranges' }).click();
	await expect(pool.getByRole('alert')).toHaveText(/not saved/);
	await expect(pool.getByLabel('Lowest Free chlorine')).toHaveAccessibleDescription(
		'Free chlorine (ppm): 0 to 10'
	);
	await expect(changes.getByRole('row')).toHaveCount(2); // the ratio change only

	await pool.getByLabel('Lowest Free chlorine').fill('1.5');
	await pool.getByRole('button', { name: 'Save pool ranges' }).click();
	await expect(pool.getByRole('status')).toHaveText(/^Saved/);
	const latest = changes.getByRole('row').nth(1);
	await expect(latest).toContainText('Casey Morgan');
	await expect(latest).toContainText('Free chlorine 1–5 ppm → 1.5–5 ppm');
	await expect(latest).toContainText('pH 7.2–7.8 → 7.2–7.6');

	const scale = page.getByRole('region', { name: 'Default exertion scale' });
	await scale.getByLabel('Borg CR10 (0–10)').check();
	await scale.getByRole('button', { name: 'Save scale' }).click();
	await expect(scale.getByRole('status')).toHaveText(/^Saved/);
	await expect(changes.getByRole('row').nth(1)).toContainText(
		'Default exertion scale: Borg RPE 6–20 → Borg CR10 (0–10)'
	);

	// Stored, not only shown.
	await page.reload();
	await expect(pool.getByLabel('Lowest Free chlorine')).toHaveValue('1.5');
	await expect(pool.getByLabel('Highest pH')).toHaveValue('7.6');
	await expect(scale.getByLabel('Borg CR10 (0–10)')).toBeChecked();
	await expect(ratio).toHaveValue('5');
});

test('a pool class starts only after its pool check; an out-of-range pH needs a reason', async ({
	browser
}) => {
	const phone = await phoneInPoolClass(browser);
	const check = phone.getByTestId('pool-check');
	await expect(check).toBeVisible();

	// No start without the check: the checklist says what is missing (the server refuses too).
	const start = phone.getByRole('button', { name: 'Start' });
	await expect(start).toBeDisabled();
	await expect(phone.getByTestId('start-item').first()).toHaveText(/Pool check: not recorded yet/);
	await expect(phone.getByTestId('phone-now')).toContainText('Not started');

	// pH 7.7: inside the shipped range, outside the one the coordinator just set (7.2–7.6).
	// The first press starts from the middle of the room's range; the next one steps on.
	const warmer = check.getByRole('button', { name: 'Water temperature (°C) plus 0.1' });
	await warmer.click();
	await warmer.click();
	await expect(check.getByRole('spinbutton', { name: 'Water temperature (°C)' })).toHaveValue(
		'34.1'
	);
	await check.getByRole('spinbutton', { name: 'Free chlorine (ppm)' }).fill('2.0');
	await check.getByRole('spinbutton', { name: 'pH' }).fill('7.7');
	await check.getByLabel('Emergency equipment checked').check();
	await check.getByLabel('Lifeguard or rescuer present').check();
	await expect(check.getByText('pH 7.7 is outside 7.2–7.6')).toBeVisible();
	await check.getByRole('button', { name: 'Record pool check' }).click();
	const reason = check.getByLabel('Why the class goes ahead anyway');
	await expect(reason).toHaveAttribute('aria-invalid', 'true');
	await expect(reason).toHaveAccessibleDescription(/write why the class goes ahead/);
	await expect(phone.getByTestId('pool-check-done')).toBeHidden();

	await expect(start).toBeDisabled();

	await reason.fill('Retested after dosing; supervising therapist agrees');
	await check.getByRole('button', { name: 'Record pool check' }).click();
	const done = phone.getByTestId('pool-check-done');
	await expect(done).toContainText(/Pool check done \d{1,2}:\d\d [AP]M by Jordan Lee/);
	await expect(done).toContainText('(34.1 °C, Cl 2.0, pH 7.7)');
	await expect(done).toContainText('Override: Retested after dosing');
	await expect(check).toBeHidden();
	// Recording the check leaves the class's connection alone.
	await expect(phone.getByTestId('connection')).toHaveText('Connected');

	// Still there for the next phone that opens the class.
	await phone.reload();
	await expect(phone.getByTestId('pool-check-done')).toContainText('by Jordan Lee');

	await expect(phone.getByTestId('connection')).toHaveText('Connected');
	// The rest of the start checklist: a display in the pool room, everyone marked.
	const display = await pairDisplay(
		phone.context().browser()!,
		phone.context(),
		'Therapy Pool',
		server.url
	);
	for (const row of await phone.getByTestId('roster-row').all()) {
		await row.getByRole('button', { name: 'Present' }).click();
	}
	await start.click();
	await expect(phone.getByRole('button', { name: 'Pause' })).toBeVisible();
	await display.context().close();
	await phone.context().close();
});
