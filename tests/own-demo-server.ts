import { test } from '@playwright/test';
import { e2ePort, type RunningServer, startServer, untilListening } from './server-process';

/**
 * A demo clinic on a server of the spec's own, at E2E_PORT + `offset`, for specs that do what
 * the suite's shared server must not see (stop a class, pair a display). Registers the spec's
 * beforeAll and afterAll; `url` is there once beforeAll has run. `seed` 'demo-history' adds ten
 * weeks of past classes (reports have something to show).
 */
export function ownDemoServer(
	offset: number,
	seed: 'demo' | 'demo-history' = 'demo'
): { readonly url: string } {
	let server: RunningServer | undefined;
	test.beforeAll(async () => {
		// A fresh demo clinic takes a while to seed on a busy machine.
		test.setTimeout(120_000);
		server = startServer(e2ePort(offset), { STEADY_SEED: seed });
		await untilListening(server, 110_000);
	});
	test.afterAll(async () => {
		server?.child.kill('SIGTERM');
		await server?.exited;
	});
	return {
		get url() {
			if (!server) throw new Error('The own demo server starts in beforeAll');
			return server.url;
		}
	};
}
