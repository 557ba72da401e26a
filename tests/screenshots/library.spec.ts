import { expect, test, type Page } from '@playwright/test';
import { COORDINATOR, TECHNICIAN, signIn } from '../helpers';

const OUT = 'docs/screenshots';

/** A plain drawing of a side leg lift at a chair, made here so no image is checked in. */
async function sideLegLiftPicture(page: Page): Promise<Buffer> {
	await page.setViewportSize({ width: 640, height: 640 });
	await page.setContent(`<body style="margin:0;background:#fff">
		<svg id="art" width="640" height="640" viewBox="0 0 640 640" xmlns="http://www.w3.org/2000/svg"
			fill="none" stroke="#0b3954" stroke-width="26" stroke-linecap="round" stroke-linejoin="round">
			<rect x="0" y="0" width="640" height="640" fill="#eef6fb" stroke="none"/>
			<line x1="60" y1="600" x2="580" y2="600" stroke="#9bb8c9" stroke-width="10"/>
			<polyline points="130,600 130,330 200,330" stroke="#7a5c3e" stroke-width="18"/>
			<polyline points="200,330 200,600" stroke="#7a5c3e" stroke-width="18"/>
			<circle cx="330" cy="120" r="52" fill="#0b3954" stroke="none"/>
			<line x1="330" y1="180" x2="330" y2="370"/>
			<polyline points="330,220 260,290 205,325"/>
			<polyline points="330,220 400,300"/>
			<line x1="330" y1="370" x2="320" y2="590"/>
			<line x1="330" y1="370" x2="500" y2="520"/>
			<path d="M530 430 q30 40 0 80" stroke="#e07a1f" stroke-width="14"/>
		</svg></body>`);
	return page.locator('#art').screenshot();
}

test('exercise library, editor, and the picture on the wall', async ({ browser }) => {
	test.setTimeout(120_000);
	const laptop = await browser.newPage({ viewport: { width: 1280, height: 800 } });
	const picture = await sideLegLiftPicture(laptop);
	await laptop.setViewportSize({ width: 1280, height: 800 });
	await signIn(laptop, COORDINATOR);

	await laptop.goto('/exercises?q=side hip');
	await laptop.getByRole('link', { name: 'Side hip strengthening' }).click();
	await laptop.getByLabel(/^Upload/).setInputFiles({
		name: 'side-leg-lift.png',
		mimeType: 'image/png',
		buffer: picture
	});
	await laptop.getByRole('button', { name: 'Save changes' }).click();
	await expect(laptop.getByRole('status')).toHaveText(/^Saved/);
	await laptop.screenshot({ path: `${OUT}/library-editor.png`, fullPage: true });

	// A refused save: every error beside its field, nothing stored.
	await laptop.goto('/exercises/new');
	await laptop.getByLabel('Name', { exact: true }).fill('Side hip strengthening');
	await laptop.getByRole('textbox', { name: /^Display cue shown/ }).fill('Stand tall. '.repeat(8));
	await laptop.getByRole('textbox', { name: 'Work time', exact: true }).fill('2');
	await laptop.getByLabel(/^Upload/).setInputFiles({
		name: 'not-really.png',
		mimeType: 'image/png',
		buffer: Buffer.from('GIF89a not a png')
	});
	await laptop.getByRole('button', { name: 'Create exercise' }).click();
	await expect(laptop.getByRole('alert')).toContainText('Nothing was saved');
	await laptop.screenshot({ path: `${OUT}/library-errors.png`, fullPage: true });

	await laptop.goto('/exercises?tier=seated&equipment=chair');
	await expect(laptop.getByRole('row').nth(1)).toBeVisible();
	await laptop.screenshot({ path: `${OUT}/library-list.png` });

	// The display, paired to Gym A, runs Balance Basics, which has the exercise.
	const tv = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
	await tv.goto('/display');
	const code = tv.getByTestId('pairing-code');
	await expect(code).toBeVisible();
	const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
	await signIn(phone, TECHNICIAN);
	const value = (await code.getAttribute('aria-label'))!.slice(-6);
	await phone.goto(`/control/pair?code=${value}`);
	await phone.getByLabel('Gym A').check();
	await phone.getByRole('button', { name: 'Pair' }).click();
	await expect(code).toBeHidden();
	await phone.goto('/control');
	await phone
		.getByRole('region', { name: 'Gym A' })
		.getByRole('link', { name: /Balance Basics/ })
		.click();
	await expect(phone.getByTestId('connection')).toHaveText('Connected');
	await phone.getByRole('button', { name: 'Start' }).click();
	await expect(tv.getByTestId('exercise-name')).toHaveText('Marching warm-up');
	// No picture on an exercise without one.
	await expect(tv.getByTestId('exercise-media')).toHaveCount(0);
	// The busiest screen: a long cue, sides, reps and three tiers, beside the picture.
	await phone.getByText(/^All exercises/).click();
	await phone.getByRole('button', { name: /^Side hip strengthening/ }).click();
	await expect(tv.getByTestId('exercise-name')).toHaveText('Side hip strengthening');
	const media = tv.getByTestId('exercise-media').locator('img');
	await expect(media).toBeVisible();
	await expect
		.poll(() => media.evaluate((img: HTMLImageElement) => img.naturalWidth))
		.toBeGreaterThan(0);
	// Let the "Go!" caption pass.
	await tv.waitForTimeout(6000);
	await tv.screenshot({ path: `${OUT}/display-media.png` });

	await phone.getByRole('button', { name: 'End class…' }).click();
	await phone.getByRole('button', { name: 'Yes, end class' }).click();
	await expect(tv.getByTestId('complete')).toBeVisible();
});
