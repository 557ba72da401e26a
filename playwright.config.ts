import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { noonZone } from './tests/noon-zone';

// Servers, test workers and the browser all run where it is about noon (tests/noon-zone.ts), so
// the suite passes at any hour. Chosen once by the runner; its workers inherit it.
process.env.STEADY_E2E_TZ ??= noonZone();
process.env.TZ = process.env.STEADY_E2E_TZ;

// E2E_PORT lets two checkouts run their suites side by side.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4173);

// Playwright cannot download its own browser on every machine: use the system Chromium when
// there is one (Debian's `chromium`), else Playwright's own (`npx playwright install chromium`).
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) =>
	existsSync(path)
);
const executablePath = process.env.CHROMIUM_PATH ?? systemChromium;

export default defineConfig({
	testDir: 'tests',
	fullyParallel: false,
	workers: 1,
	forbidOnly: !!process.env.CI,
	retries: 0,
	reporter: process.env.CI ? 'list' : [['list'], ['html', { open: 'never' }]],
	// A hang guard, not a speed check: CI machines have run the suite 2.5x slower than an idle one.
	timeout: 60_000,
	use: {
		baseURL: `http://localhost:${E2E_PORT}`,
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath,
			// The closed network refuses Chromium's background calls; don't make them.
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		}
	},
	projects: [
		{ name: 'e2e', testDir: 'tests/e2e', use: { ...devices['Desktop Chrome'] } },
		{ name: 'screenshots', testDir: 'tests/screenshots', use: { ...devices['Desktop Chrome'] } }
	],
	webServer: {
		// A fresh demo clinic for every run, on the production build.
		command: 'node tests/e2e-server.js',
		url: `http://localhost:${E2E_PORT}/healthz`,
		reuseExistingServer: false,
		timeout: 60_000,
		stdout: 'pipe',
		env: {
			PORT: String(E2E_PORT),
			HOST: '127.0.0.1',
			DATA_DIR: `.test-data/e2e-${E2E_PORT}`,
			STEADY_SEED: 'demo',
			LOG_LEVEL: 'warn'
		}
	}
});
