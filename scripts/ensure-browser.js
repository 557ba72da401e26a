// Before the e2e tests: make sure there is a Chromium to drive, so `npm test` needs no extra step.
// Order (the same as playwright.config.ts): CHROMIUM_PATH, the system Chromium, Playwright's own;
// when none is there, install Playwright's own (`playwright install chromium`).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

function found() {
	if (process.env.CHROMIUM_PATH) {
		if (existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
		console.error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist`);
		process.exit(1);
	}
	const system = SYSTEM_CHROMIUM.find((path) => existsSync(path));
	if (system) return system;
	const own = chromium.executablePath();
	return existsSync(own) ? own : undefined;
}

if (!found()) {
	console.log('No Chromium found: installing Playwright’s own (npx playwright install chromium)…');
	const result = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
	if (result.status !== 0 || !found()) {
		console.error(
			'Could not install a browser for the end-to-end tests. Install Chromium with your ' +
				'package manager (Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROMIUM_PATH.'
		);
		process.exit(1);
	}
}
