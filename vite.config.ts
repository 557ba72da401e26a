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

export default defineConfig({
	plugins: [sveltekit(), realtime()]
});
