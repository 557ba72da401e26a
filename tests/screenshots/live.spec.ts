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
	// A rest, as the wall shows it: the next exercise named, with its cue and support tiers.
	await phone.getByText(/^All exercises/).click();
	await phone.getByRole('button', { name: /^Rest/ }).first().click();
	await expect(tv.getByTestId('exercise-name')).toContainText('Rest');
	await tv.waitForTimeout(3000);
	await tv.screenshot({ path: `${OUT}/display-rest.png` });
	// Jump ahead to an exercise with sides and support tiers, as a class would look mid-way.
	await phone.getByRole('button', { name: /^Side hip strengthening/ }).click();
	await expect(tv.getByTestId('exercise-name')).toHaveText('Side hip strengthening');
	// Let the "Go!" caption pass and the countdown move.
	await tv.waitForTimeout(6000);
	await tv.screenshot({ path: `${OUT}/display-running.png` });

	await phone.getByRole('button', { name: 'Pause' }).click();
	await expect(tv.getByTestId('paused')).toBeVisible();
	await tv.screenshot({ path: `${OUT}/display-paused.png` });
	await phone.evaluate(() => window.scrollTo(0, 0));
	await phone.screenshot({ path: `${OUT}/phone-control.png` });

	// An entry sheet open: the bar with Stop stays below it, in reach.
	await phone.getByTestId('roster-row').first().getByRole('button', { name: 'Record…' }).click();
	const sheet = phone.getByTestId('entry-sheet');
	await expect(sheet).toBeVisible();
	await phone.screenshot({ path: `${OUT}/phone-control-sheet.png` });
	await sheet.getByRole('button', { name: 'Close' }).click();

	// Stop is a hold (1.5 s), never a tap.
	const stop = (await phone.getByRole('button', { name: 'Stop class (emergency)' }).boundingBox())!;
	await phone.mouse.move(stop.x + stop.width / 2, stop.y + stop.height / 2);
	await phone.mouse.down();
	await phone.waitForTimeout(1900);
	await phone.mouse.up();
	await expect(tv.getByTestId('stopped')).toBeVisible();
	await tv.screenshot({ path: `${OUT}/display-stopped.png` });
	// After a Stop, End class is in the bar and asks first.
	await phone.getByRole('button', { name: 'End class…' }).click();
	await phone.getByRole('button', { name: 'Yes, end class' }).click();
	await expect(tv.getByTestId('complete')).toBeVisible();
	await tv.screenshot({ path: `${OUT}/display-complete.png` });
});
