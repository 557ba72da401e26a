import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['src/**/*.spec.ts', 'server/**/*.spec.ts'],
		environment: 'node',
		expect: { requireAssertions: true },
		// Each database test opens its own database; PGlite is heavy, two at a time is plenty here.
		maxWorkers: 2,
		testTimeout: 20_000,
		hookTimeout: 60_000
	}
});
