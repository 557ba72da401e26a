import fs from 'node:fs';
import path from 'node:path';
import { parse, type Node } from 'acorn';
import { expect, test } from '../browser-test';
import { COORDINATOR, pairDisplay, phoneInClass, signIn, TECHNICIAN } from '../helpers';
import { ownDemoServer } from '../own-demo-server';

/**
 * Issue 12, old TV browsers: smart TVs and set-top boxes of 2020 run Chromium 87 or Safari 14.
 * The build lowers newer syntax (vite.config.ts) and src/lib/client/old-engines.ts supplies the
 * newer built-ins; here the built browser code is checked for syntax those engines lack, and the
 * wall runs a class in a browser with those built-ins taken away.
 */
test.describe.configure({ timeout: 150_000 });
const server = ownDemoServer(25);

const CLIENT = path.resolve('build/client/_app/immutable');

function chunks(dir: string): string[] {
	return fs
		.readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((name) => name.endsWith('.js'))
		.map((name) => path.join(dir, name));
}

/** What in one chunk Chromium 87 / Safari 14 could not run, by name. */
function tooNew(code: string): string[] {
	let program: Node;
	try {
		// ES2022 is the newest acorn may read here; what parses only in later editions fails.
		program = parse(code, { ecmaVersion: 2022, sourceType: 'module' });
	} catch (error) {
		return [`syntax newer than ES2022: ${(error as Error).message}`];
	}
	const found = new Set<string>();
	const visit = (node: unknown, inFunction: boolean) => {
		if (!node || typeof node !== 'object') return;
		if (Array.isArray(node)) return node.forEach((child) => visit(child, inFunction));
		const n = node as Node & Record<string, unknown>;
		if (typeof n.type !== 'string') return;
		if (n.type === 'StaticBlock') found.add('class static block (Chrome 94)');
		if (n.type === 'AwaitExpression' && !inFunction) found.add('top-level await (Chrome 89)');
		if (n.type === 'ForOfStatement' && n.await && !inFunction) found.add('top-level for await');
		if (
			n.type === 'BinaryExpression' &&
			n.operator === 'in' &&
			(n.left as Node).type === 'PrivateIdentifier'
		) {
			found.add('#field in object (Chrome 91)');
		}
		const regex = n.regex as { flags: string } | undefined;
		if (regex && /[dv]/.test(regex.flags)) found.add(`regular expression flag in /${regex.flags}`);
		const entersFunction =
			inFunction ||
			n.type === 'FunctionDeclaration' ||
			n.type === 'FunctionExpression' ||
			n.type === 'ArrowFunctionExpression';
		for (const [key, value] of Object.entries(n)) {
			if (key !== 'type' && key !== 'start' && key !== 'end') visit(value, entersFunction);
		}
	};
	visit(program, false);
	return [...found];
}

test('the built browser code has no syntax a 2020 TV browser lacks', () => {
	const files = chunks(CLIENT);
	expect(files.length).toBeGreaterThan(10);
	const problems = files.flatMap((file) =>
		tooNew(fs.readFileSync(file, 'utf8')).map((what) => `${path.relative(CLIENT, file)}: ${what}`)
	);
	expect(problems).toEqual([]);
	// The check itself sees what it is for.
	expect(tooNew('class A { static { } }')).toContain('class static block (Chrome 94)');
	expect(tooNew('await 1;')).toContain('top-level await (Chrome 89)');
	expect(tooNew('const f = async () => { await 1; };')).toEqual([]);
});

test('the wall runs a class in a browser without the newer built-ins', async ({ browser }) => {
	const staff = await browser.newContext();
	await signIn(await staff.newPage(), COORDINATOR, undefined, server.url);
	const errors: string[] = [];
	const display = await pairDisplay(browser, staff, 'Gym A', server.url, async (page) => {
		page.on('pageerror', (error) => errors.push(error.message));
		// What Chromium 87 does not have, taken away before any of the page's code runs.
		await page.addInitScript(() => {
			const gone: [object, string][] = [
				[Array.prototype, 'at'],
				[Array.prototype, 'findLast'],
				[Array.prototype, 'findLastIndex'],
				[String.prototype, 'at'],
				[String.prototype, 'replaceAll'],
				[Object, 'hasOwn'],
				[globalThis, 'structuredClone']
			];
			for (const [owner, name] of gone) delete (owner as Record<string, unknown>)[name];
		});
	});
	const phone = await phoneInClass(browser, TECHNICIAN, 'Gym A', {
		baseUrl: server.url,
		classLink: /Balance Basics/
	});
	await phone.getByRole('button', { name: 'Start' }).click();
	await expect(display.getByTestId('exercise-name')).toHaveText('Marching warm-up');
	await phone.getByRole('button', { name: 'Pause' }).click();
	await expect(display.getByTestId('paused')).toBeVisible();
	await phone.getByRole('button', { name: 'Resume' }).click();
	await phone.getByRole('button', { name: 'Next' }).click();
	await expect(display.getByTestId('exercise-name')).toHaveText('Get ready');
	expect(errors).toEqual([]);
});
