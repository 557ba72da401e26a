import { expect, test, type Page } from '@playwright/test';
import { COORDINATOR, TECHNICIAN, signIn } from '../helpers';

const OUT = 'docs/screenshots';

/** A plain drawing of someone marching on the spot, made here so no image is checked in. */
async function marchingPicture(page: Page): Promise<Buffer> {
	await page.setViewportSize({ width: 640, height: 640 });
	await page.setContent(`<body style="margin:0;background:#fff">
		<svg id="art" width="640" height="640" viewBox="0 0 640 640" xmlns="http://www.w3.org/2000/svg"
			fill="none" stroke="#0b3954" stroke-width="26" stroke-linecap="round" stroke-linejoin="round">
			<rect x="0" y="0" width="640" height="640" fill="#eef6fb" stroke="none"/>
			<line x1="60" y1="600" x2="580" y2="600" stroke="#9bb8c9" stroke-width="10"/>
			<circle cx="320" cy="110" r="52" fill="#0b3954" stroke="none"/>
			<line x1="320" y1="170" x2="320" y2="360"/>
			<polyline points="320,210 250,280 290,340"/>
			<polyline points="320,210 400,250 440,180"/>
			<polyline points="320,360 300,480 300,590"/>
			<polyline points="320,360 420,400 400,500"/>
			<path d="M470 420 q30 -30 60 0" stroke="#e07a1f" stroke-width="14"/>
			<path d="M470 380 q30 -30 60 0" stroke="#e07a1f" stroke-width="14"/>
		</svg></body>`);
	return page.locator('#art').screenshot();
}

test('exercise library, editor, and the picture on the wall', async ({ browser }) => {
	test.setTimeout(120_000);
	const laptop = await browser.newPage({ viewport: { width: 1280, height: 800 } });
	const picture = await marchingPicture(laptop);
	await laptop.setViewportSize({ width: 1280, height: 800 });
	await signIn(laptop, COORDINATOR);

	await laptop.goto('/exercises?q=marching warm-up');
	await laptop.getByRole('link', { name: 'Marching warm-up' }).click();
	await laptop.getByLabel(/^Upload/).setInputFiles({
		name: 'marching.png',
		mimeType: 'image/png',
		buffer: picture
	});
	await laptop.getByRole('button', { name: 'Save changes' }).click();
	await expect(laptop.getByRole('status')).toHaveText(/^Saved/);
	await laptop.screenshot({ path: `${OUT}/library-editor.png`, fullPage: true });

	await laptop.goto('/exercises?tier=seated&equipment=chair');
	await expect(laptop.getByRole('row').nth(1)).toBeVisible();
	await laptop.screenshot({ path: `${OUT}/library-list.png` });

	// The display, paired to Gym A, runs Balance Basics: its first exercise shows the picture.
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
	const media = tv.getByTestId('exercise-media').locator('img');
	await expect(media).toBeVisible();
	await expect
		.poll(() => media.evaluate((img: HTMLImageElement) => img.naturalWidth))
		.toBeGreaterThan(0);
	// Let the "Go!" caption pass.
	await tv.waitForTimeout(6000);
	await tv.screenshot({ path: `${OUT}/display-media.png` });

	await phone.getByRole('button', { name: 'End class' }).click();
	await phone.getByRole('dialog').getByRole('button', { name: 'End class' }).click();
	await expect(tv.getByTestId('complete')).toBeVisible();
});
