import { expect, test, type Page } from '../browser-test';
import { COORDINATOR, signIn } from '../helpers';

// Each test makes its own routine, so the demo routines other specs run stay as seeded.
// Serial, and room for long builder sessions (build, save, reload, a 10x preview) on a busy CI.
test.describe.configure({ mode: 'serial', timeout: 90_000 });

/** "12:34" on the page, in seconds. */
async function totalSeconds(page: Page): Promise<number> {
	const text = (await page.getByTestId('total').textContent()) ?? '';
	const [minutes, seconds] = text.split(':').map(Number);
	return minutes! * 60 + seconds!;
}

/** The picker's matches (not the options of a native select). */
const matches = (page: Page) =>
	page.getByRole('listbox', { name: 'Matching exercises' }).getByRole('option');

async function blockNames(page: Page): Promise<string[]> {
	return page.getByTestId('block-name').allTextContents();
}

/** With the picker: "Insert here" at the end of the phase, type the name, click the match. */
async function addBlock(page: Page, exercise: string, phase: string) {
	await page.getByRole('button', { name: new RegExp(`, at the end of ${phase}$`) }).click();
	const search = page.getByRole('combobox', { name: 'Find an exercise or rest' });
	await expect(search).toBeFocused();
	await search.fill(exercise);
	await matches(page)
		.filter({ has: page.getByText(exercise, { exact: true }) })
		.click();
	await expect(search).toHaveValue('');
}

/** Without JavaScript: the select of every exercise, the phase, and Add block. */
async function addBlockNoScript(page: Page, exercise: string, phase: string) {
	const value = await page
		.locator('#add-what option', { hasText: new RegExp(`^${exercise} ·`) })
		.getAttribute('value');
	await page.getByLabel('Exercise or rest').selectOption(value!);
	await page.getByLabel('Phase', { exact: true }).selectOption({ label: phase });
	await page.getByRole('button', { name: 'Add block' }).click();
}

async function createRoutine(page: Page, name: string) {
	await signIn(page, COORDINATOR);
	await page.goto('/routines');
	await page.getByLabel('Name').fill(name);
	await page.getByRole('button', { name: 'Create and open the builder' }).click();
	await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

test('a coordinator builds a routine of three exercises, saves it and previews it at 10x', async ({
	page
}) => {
	await createRoutine(page, 'E2E three exercises');
	await expect(page.getByTestId('total')).toHaveText('0:00');

	await addBlock(page, 'Marching warm-up', 'Warm-up');
	await expect(page.getByTestId('total')).toHaveText('2:00');
	await addBlock(page, 'Sit-to-stand', 'Main');
	const afterTwo = await totalSeconds(page);
	expect(afterTwo).toBeGreaterThan(120);
	await addBlock(page, 'Calf raises', 'Main');
	const afterThree = await totalSeconds(page);
	expect(afterThree).toBeGreaterThan(afterTwo);
	expect(await blockNames(page)).toEqual(['Marching warm-up', 'Sit-to-stand', 'Calf raises']);

	// Reorder by keyboard: the button keeps focus after the row moves.
	const up = page.getByRole('button', { name: 'Move Calf raises up' });
	await up.focus();
	await page.keyboard.press('Enter');
	expect(await blockNames(page)).toEqual(['Marching warm-up', 'Calf raises', 'Sit-to-stand']);
	await expect(page.getByRole('button', { name: 'Move Calf raises up' })).toBeFocused();
	expect(await totalSeconds(page)).toBe(afterThree);

	// Duplicate: one more block of the same length.
	const sitToStand = page.getByTestId('block').filter({ hasText: 'Sit-to-stand' });
	const sitSeconds = afterThree - (await totalSeconds(page)) + (afterTwo - 120);
	await page.getByRole('button', { name: 'Duplicate Sit-to-stand' }).click();
	await expect(page.getByTestId('block-name')).toHaveCount(4);
	expect(await totalSeconds(page)).toBe(afterThree + sitSeconds);
	await expect(sitToStand).toHaveCount(2);

	// Override a dosing: the warm-up march from 120 s down to 20 s.
	const march = page.getByTestId('block').filter({ hasText: 'Marching warm-up' });
	await march.getByText(/^Dosing:/).click();
	await march.getByLabel('Seconds').fill('20');
	await expect(march.getByLabel('Own dosing for this block')).toBeChecked();
	await expect(march.getByText('Dosing: 20 s (own)')).toBeVisible();
	expect(await totalSeconds(page)).toBe(afterThree + sitSeconds - 100);
	const planned = await page.getByTestId('total').textContent();

	await page.getByRole('button', { name: 'Save routine' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

	// What was saved is what comes back.
	await page.reload();
	expect(await blockNames(page)).toEqual([
		'Marching warm-up',
		'Calf raises',
		'Sit-to-stand',
		'Sit-to-stand'
	]);
	await expect(page.getByTestId('total')).toHaveText(planned!);

	// Preview at 10x: the simulated display runs through the exercises.
	const screen = page.frameLocator('iframe[title="Simulated wall display"]');
	await expect(screen.getByText('Press Play to run the routine here')).toBeVisible();
	await page.getByRole('button', { name: '10x' }).click();
	await expect(page.getByRole('button', { name: '10x' })).toHaveAttribute('aria-pressed', 'true');
	await page.getByRole('button', { name: 'Play' }).click();
	await expect(screen.getByTestId('exercise-name')).toHaveText('Marching warm-up');
	await expect(page.getByTestId('preview-now')).toContainText('Block 1 of 4: Marching warm-up');
	// 20 s of marching at 10x is 2 s; the reps block ends at its planned time.
	await expect(screen.getByTestId('exercise-name')).toHaveText('Calf raises', { timeout: 6000 });
	await expect(page.getByTestId('preview-now')).toContainText('Block 2 of 4');
	await expect(screen.getByTestId('next')).toContainText('Sit-to-stand');
	// Calf raises come in sets: the display shows the rest between them, then the next set.
	await expect(screen.getByTestId('exercise-name')).toHaveText('Rest between sets', {
		timeout: 8000
	});
	await page.getByRole('button', { name: 'Pause' }).click();
	await expect(screen.getByTestId('paused')).toBeVisible();
});

test('by keyboard alone: create, pick by name, arrows, insert between two, save', async ({
	page
}) => {
	await signIn(page, COORDINATOR);
	await page.goto('/routines');
	await page.getByLabel('Name').fill('E2E keyboard picker');
	await page.getByLabel('Name').press('Enter');
	await expect(page.getByRole('heading', { name: 'E2E keyboard picker', level: 1 })).toBeVisible();

	// Created: the focus is on the confirmation, and the picker's search is the next stop.
	await expect(page.locator(':focus')).toContainText('Routine created.');
	const keys: string[] = [];
	const press = async (key: string) => {
		keys.push(key);
		await page.keyboard.press(key);
	};
	const type = async (text: string) => {
		keys.push(...text);
		await page.keyboard.type(text);
	};
	const search = page.getByRole('combobox', { name: 'Find an exercise or rest' });
	const status = page.getByTestId('announcement');
	await press('Tab');
	await expect(search).toBeFocused();

	// Typing filters; the best match is active; Enter adds it at the end of Main.
	await type('sit');
	await expect(search).toHaveAttribute('aria-expanded', 'true');
	const active = page.locator('[role="option"][aria-selected="true"]');
	await expect(active).toContainText('Sit-to-stand');
	await expect(search).toHaveAttribute('aria-activedescendant', (await active.getAttribute('id'))!);
	await press('Enter');
	await expect(status).toHaveText('Sit-to-stand added: position 1, Main');
	await expect(search).toBeFocused();
	await expect(search).toHaveValue('');
	await expect(search).toHaveAttribute('aria-expanded', 'false');
	await type('calf');
	await press('Enter');
	expect(await blockNames(page)).toEqual(['Sit-to-stand', 'Calf raises']);

	// Insert between the two: the Insert choice is one Tab away; the arrows pick the place.
	await press('Tab');
	const where = page.getByLabel('Insert', { exact: true });
	await expect(where).toBeFocused();
	await expect(where.locator('option:checked')).toHaveText('After 2. Calf raises');
	await press('ArrowUp');
	await expect(where.locator('option:checked')).toHaveText('After 1. Sit-to-stand');
	await expect(
		page.getByRole('button', { name: 'New blocks go here, before 2. Calf raises' })
	).toBeVisible();
	await press('Shift+Tab');
	await expect(search).toBeFocused();
	// The arrows move through the matches: "mar" finds Marching warm-up first, then Seated marching.
	await type('mar');
	await expect(active).toContainText('Marching warm-up');
	await press('ArrowDown');
	await expect(active).toContainText('Seated marching');
	await press('ArrowUp');
	await expect(active).toContainText('Marching warm-up');
	await press('ArrowDown');
	await press('Enter');
	expect(await blockNames(page)).toEqual(['Sit-to-stand', 'Seated marching', 'Calf raises']);
	await expect(status).toHaveText('Seated marching added: position 2, Main');

	// Save is three stops on (Insert, Filters), not past the routine.
	await press('Tab');
	await press('Tab');
	await press('Tab');
	await expect(page.getByRole('button', { name: 'Save routine' })).toBeFocused();
	await press('Enter');
	await expect(page.locator(':focus')).toContainText('Saved.');
	console.info(`builder by keyboard: ${keys.length} key presses`);
	expect(keys.length).toBeLessThan(30);

	await page.reload();
	expect(await blockNames(page)).toEqual(['Sit-to-stand', 'Seated marching', 'Calf raises']);
});

test('the picker filters by category, equipment, support tier and pool depth, and adds a rest', async ({
	page
}) => {
	await createRoutine(page, 'E2E picker filters');
	const search = page.getByRole('combobox', { name: 'Find an exercise or rest' });
	await page.getByText('Filters', { exact: true }).click();
	await page.getByLabel('Category').selectOption({ label: 'Aquatic method' });
	await page.getByLabel('Pool depth').selectOption({ label: 'Mid-chest' });
	await expect(page.getByText('Filters (2 on)')).toBeVisible();
	await search.fill('ai chi f');
	const options = matches(page);
	// Names that start with the words first; "f" inside a word (uplifting) last.
	await expect(options).toHaveText([
		/Ai Chi floating/,
		/Ai Chi folding/,
		/Ai Chi freeing/,
		/Ai Chi uplifting/
	]);
	// Every match has a picture, or a neutral placeholder when the exercise has none.
	await expect(options.first().locator('.thumb')).toBeVisible();
	await page.getByLabel('Pool depth').selectOption({ label: 'Waist' });
	await search.fill('');
	await search.press('ArrowDown');
	await expect(page.getByText('No exercise matches.')).toBeVisible();
	await page.getByRole('button', { name: 'Clear filters' }).click();
	await page.getByLabel('Equipment').selectOption('pool noodle');
	await page.getByLabel('Support tier').selectOption({ label: 'Seated' });
	await search.fill('');
	await search.press('ArrowDown');
	await expect(page.getByText('No exercise matches.')).toBeVisible();
	await page.getByLabel('Equipment').selectOption('');
	await search.fill('dead');
	await expect(options).toHaveText([/Dead bug/]);
	await page.getByRole('button', { name: 'Clear filters' }).click();

	// A rest is a choice like any other.
	await search.fill('rest');
	await search.press('Enter');
	await search.fill('dead');
	await search.press('Enter');
	expect(await blockNames(page)).toEqual(['Rest', 'Dead bug']);
	await expect(page.getByTestId('total')).not.toHaveText('0:00');
});

test('the builder works without JavaScript: buttons post, Save stores', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await createRoutine(page, 'E2E no script');

	await addBlockNoScript(page, 'Ankle circles', 'Warm-up');
	await expect(page.getByText('Not saved yet')).toBeVisible();
	await addBlockNoScript(page, 'Calf raises', 'Main');
	await page.getByRole('button', { name: 'Move Calf raises up' }).click();
	expect(await blockNames(page)).toEqual(['Ankle circles', 'Calf raises']);
	// Moving past the top of Main puts it in the warm-up.
	await expect(page.getByTestId('phase-warm_up').getByTestId('block')).toHaveCount(2);

	// A bad number is refused by name, and nothing is stored.
	await page
		.getByTestId('block')
		.first()
		.getByText(/^Dosing:/)
		.click();
	await page.getByTestId('block').first().getByLabel('Reps').fill('0');
	await page.getByTestId('block').first().getByLabel('Own dosing for this block').check();
	await page.getByRole('button', { name: 'Save routine' }).click();
	await expect(page.getByRole('alert')).toContainText('Nothing was saved');
	await expect(page.getByText('At least 1')).toBeVisible();

	await page.getByTestId('block').first().getByLabel('Reps').fill('8');
	// Routine settings post with the rest: a Get ready out of range is refused beside its field.
	await page.getByRole('radio', { name: 'Get ready for the seconds given' }).check();
	await page.getByLabel('Get ready seconds').fill('121');
	// Calf raises wait for Done: ticking it is enough, even without "Own dosing".
	const calf = page.getByTestId('block').nth(1);
	await calf.getByText(/^Dosing:/).click();
	await calf.getByLabel('Wait for Done').check();
	await page.getByRole('button', { name: 'Save routine' }).click();
	await expect(page.getByRole('alert')).toContainText('Nothing was saved');
	await expect(page.locator('#transition-seconds-error')).toHaveText('At most 120 s');
	await expect(page.getByLabel('Get ready seconds')).toHaveAttribute('aria-invalid', 'true');

	await page.getByLabel('Get ready seconds').fill('20');
	await page.getByRole('button', { name: 'Save routine' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
	await page.goto(page.url());
	expect(await blockNames(page)).toEqual(['Ankle circles', 'Calf raises']);
	await expect(
		page
			.getByTestId('block')
			.first()
			.getByText(/8 reps.*\(own\)/)
	).toBeVisible();
	await expect(page.getByLabel('Get ready seconds')).toHaveValue('20');
	await expect(page.getByRole('radio', { name: 'Get ready for the seconds given' })).toBeChecked();
	await expect(page.getByTestId('block').nth(1).getByTestId('dosing-summary')).toContainText(
		'waits for Done'
	);
	await context.close();
});

test('Get ready is a routine setting the preview runs; a reps block can wait for Done', async ({
	page
}) => {
	await createRoutine(page, 'E2E get ready');
	// No "Get ready" block to add by hand any more: the picker offers a rest, not a Get ready.
	const search = page.getByRole('combobox', { name: 'Find an exercise or rest' });
	await search.fill('re');
	await expect(matches(page).filter({ hasText: 'Rest (45 s)' })).toBeVisible();
	await search.fill('get ready');
	await expect(matches(page)).toHaveCount(0);
	await expect(page.getByText('No exercise matches.')).toBeVisible();
	await search.fill('');
	// Escape closes the list of matches.
	await search.press('Escape');
	await expect(search).toHaveAttribute('aria-expanded', 'false');
	await addBlock(page, 'Marching warm-up', 'Warm-up');
	await addBlock(page, 'Sit-to-stand', 'Main');
	// 120 s of marching, 10 reps x 4 s.
	await expect(page.getByTestId('total')).toHaveText('2:40');

	// A reps block moves on by itself at its planned time; seconds per rep sets it.
	const stand = page.getByTestId('block').filter({ hasText: 'Sit-to-stand' });
	await stand.getByText(/^Dosing:/).click();
	await expect(stand.getByTestId('dosing-summary')).toContainText('10 reps at 4 s per rep');
	await expect(stand.getByText('Moves on by itself after 0:40')).toBeVisible();
	await stand.getByLabel('Seconds per rep').fill('3');
	await expect(stand.getByTestId('block-time')).toHaveText('0:30');
	await expect(page.getByTestId('total')).toHaveText('2:30');

	// Get ready between exercises: typing seconds turns it on and counts it.
	await expect(page.getByRole('radio', { name: 'Off' })).toBeChecked();
	await page.getByLabel('Get ready seconds').fill('12');
	await expect(page.getByRole('radio', { name: 'Get ready for the seconds given' })).toBeChecked();
	await expect(page.getByTestId('total')).toHaveText('2:42');
	await expect(page.getByText('1 × Get ready')).toBeVisible();
	await expect(page.getByTestId('phase-main').getByRole('heading')).toContainText('0:42');

	await stand.getByLabel('Wait for Done').check();
	await expect(stand.getByTestId('dosing-summary')).toContainText('waits for Done');
	await expect(stand.getByText('The wall counts up until a technician taps Done.')).toBeVisible();

	await page.getByRole('button', { name: 'Save routine' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
	await page.reload();
	await expect(page.getByLabel('Get ready seconds')).toHaveValue('12');
	await expect(page.getByTestId('total')).toHaveText('2:42');
	await expect(stand.getByTestId('dosing-summary')).toContainText('waits for Done');

	// The preview runs the Get ready between the two exercises.
	const screen = page.frameLocator('iframe[title="Simulated wall display"]');
	await page.getByRole('button', { name: '1x' }).click();
	await page.getByRole('button', { name: 'Play' }).click();
	await expect(page.getByTestId('preview-now')).toContainText('Block 1 of 3: Marching warm-up');
	await page.getByRole('button', { name: 'Skip block' }).click();
	await expect(page.getByTestId('preview-now')).toContainText('Block 2 of 3: Get ready');
	await expect(screen.getByTestId('exercise-name')).toHaveText('Get ready');
	await page.getByRole('button', { name: '10x' }).click();
	await expect(page.getByTestId('preview-now')).toContainText(
		'Block 3 of 3: Sit-to-stand · waits for Done',
		{ timeout: 8000 }
	);

	// Off again: the Get ready leaves the plan.
	await page.getByRole('radio', { name: 'Off' }).check();
	await expect(page.getByTestId('total')).toHaveText('2:30');
});

test('drag and drop reorders blocks, across phases too', async ({ page }) => {
	await createRoutine(page, 'E2E drag');
	await addBlock(page, 'Ankle circles', 'Main');
	await addBlock(page, 'Calf raises', 'Main');
	const blocks = page.getByTestId('block');
	await blocks.nth(1).dragTo(blocks.nth(0), { targetPosition: { x: 40, y: 4 } });
	expect(await blockNames(page)).toEqual(['Calf raises', 'Ankle circles']);

	// Into the empty cool-down: the block takes that phase. The page may still be settling after
	// the first move (its status line), so a drag that landed nowhere is made again.
	const coolDown = page.getByTestId('phase-cool_down');
	await expect(async () => {
		if ((await coolDown.getByTestId('block-name').count()) === 0) {
			await blocks.nth(0).dragTo(coolDown, { targetPosition: { x: 40, y: 8 } });
		}
		await expect(coolDown.getByTestId('block-name')).toHaveText('Calf raises', { timeout: 2000 });
	}).toPass({ timeout: 20_000 });
	expect(await blockNames(page)).toEqual(['Ankle circles', 'Calf raises']);
});

test('archiving hides a routine; one that classes still use stays', async ({ page }) => {
	await createRoutine(page, 'E2E archive me');
	await page.goto('/routines');
	await page.getByRole('button', { name: 'Archive E2E archive me' }).click();
	await expect(page.getByRole('status')).toContainText('Archived');
	await expect(page.getByRole('region', { name: 'Archived' })).toContainText('E2E archive me');

	await page.getByRole('button', { name: 'Archive Balance Basics' }).click();
	await expect(page.getByRole('status')).toContainText('Not archived');
	await expect(page.getByRole('link', { name: 'Balance Basics', exact: true })).toBeVisible();
});
