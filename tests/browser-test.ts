import { test as base } from '@playwright/test';

export * from '@playwright/test';

/**
 * Playwright's `test`, closing the browser contexts a test opened itself (`browser.newContext()`,
 * as `pairDisplay` and `phoneInClass` do). Left open, every paired wall kept drawing its ring for
 * the rest of the run: on 2 cores the GPU process took half a core and the e2e phase ran twice as
 * long. Contexts a file opens in `beforeAll` are its own to close in `afterAll`.
 */
export const test = base.extend<{ closesItsContexts: void }>({
	closesItsContexts: [
		// After `context`, so the test's own page (and its trace) stays Playwright's to close.
		async ({ browser, context }, use) => {
			const before = new Set([...browser.contexts(), context]);
			await use();
			for (const opened of browser.contexts()) {
				if (!before.has(opened)) await opened.close().catch(() => undefined);
			}
		},
		{ auto: true }
	]
});
