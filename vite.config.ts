import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, type Plugin } from 'vite';
import { attachRealtime } from './server/realtime.js';

/** `npm run dev` and `vite preview` get the same socket.io setup as the production server. */
function realtime(): Plugin {
	return {
		name: 'steady-realtime',
		configureServer(server) {
			if (server.httpServer) attachRealtime(server.httpServer as never);
		},
		configurePreviewServer(server) {
			if (server.httpServer) attachRealtime(server.httpServer as never);
		}
	};
}

/**
 * Browser code runs on the wall's TV too: smart TVs and set-top boxes of 2020 have Chromium 87 or
 * Safari 14, so newer syntax is lowered for them (built-ins: src/lib/client/old-engines.ts).
 * Only the browser build: the server's is Node's.
 */
const OLD_TV_BROWSERS = ['chrome87', 'safari14', 'firefox78', 'edge88'];

export default defineConfig({
	plugins: [sveltekit(), realtime()],
	environments: { client: { build: { target: OLD_TV_BROWSERS } } }
});
