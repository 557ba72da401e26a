import { expect, test } from '@playwright/test';
import { TECHNICIAN, signIn } from '../helpers';

const OUT = 'docs/screenshots';

test('wall display and phone controller during a class', async ({ browser }) => {
	test.setTimeout(90_000);
	const tv = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
	await tv.goto('/display');
	const code = tv.getByTestId('pairing-code');
	await expect(code).toBeVisible();
	await tv.screenshot({ path: `${OUT}/display-pairing.png` });

	const phone = await browser.newPage({
		viewport: { width: 390, height: 844 },
		deviceScaleFactor: 2
	});
	await signIn(phone, TECHNICIAN);
	const value = (await code.getAttribute('aria-label'))!.slice(-6);
	await phone.goto(`/control/pair?code=${value}`);
	await phone.getByLabel('Gym A').check();
	await phone.getByRole('button', { name: 'Pair' }).click();
	await expect(code).toBeHidden();
	await tv.screenshot({ path: `${OUT}/display-idle.png` });

	await phone.goto('/control');
	await phone.screenshot({ path: `${OUT}/phone-classes.png` });
	await phone
		.getByRole('region', { name: 'Gym A' })
		.getByRole('link', { name: /Balance Basics/ })
		.click();
	await expect(phone.getByTestId('connection')).toHaveText('Connected');
	await phone.getByRole('button', { name: 'Start' }).click();
	await expect(tv.getByTestId('exercise-name')).toHaveText('Marching warm-up');
	// Jump ahead to an exercise with sides and support tiers, as a class would look mid-way.
	await phone.getByText(/^All exercises/).click();
	await phone.getByRole('button', { name: /^Side hip strengthening/ }).click();
	await expect(tv.getByTestId('exercise-name')).toHaveText('Side hip strengthening');
	// Let the "Go!" caption pass and the countdown move.
	await tv.waitForTimeout(6000);
	await tv.screenshot({ path: `${OUT}/display-running.png` });
	await phone.screenshot({ path: `${OUT}/phone-control.png` });

	await phone.getByRole('button', { name: 'Pause' }).click();
	await expect(tv.getByTestId('paused')).toBeVisible();
	await tv.screenshot({ path: `${OUT}/display-paused.png` });

	await phone.getByRole('button', { name: 'Stop class (emergency)' }).click();
	await expect(tv.getByTestId('stopped')).toBeVisible();
	await tv.screenshot({ path: `${OUT}/display-stopped.png` });
	await phone.getByRole('button', { name: 'Resume' }).click();
	await phone.getByRole('button', { name: 'End class' }).click();
	await phone.getByRole('dialog').getByRole('button', { name: 'End class' }).click();
	await expect(tv.getByTestId('complete')).toBeVisible();
	await tv.screenshot({ path: `${OUT}/display-complete.png` });
});
