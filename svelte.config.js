import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// server/index.js builds the http server from build/handler.js so socket.io can share the port.
		adapter: adapter({ out: 'build' }),
		// Scripts only from this site, SvelteKit's own inline start-up script by nonce. Style
		// attributes stay allowed: progress bars set their width inline, and an attribute cannot
		// run script. hooks.server.ts fits frame-ancestors and the socket's address per request.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// Svelte's server render marks <iframe>/<img> load and error events with the handler
				// `this.__e=event`, replayed after hydration (the builder's preview needs its load).
				// Only that exact handler may run: sveltejs/svelte#14014.
				'script-src-attr': ['unsafe-hashes', 'sha256-7dQwUgLau1NFCCGjfn9FsYptB6ZtWxJin6VohGIu20I='],
				'style-src': ['self'],
				'style-src-attr': ['unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				// howler unlocks audio with a tiny data: sound
				'media-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'frame-src': ['self'],
				'frame-ancestors': ['none'],
				'form-action': ['self'],
				'base-uri': ['none'],
				'object-src': ['none']
			}
		}
	},
	compilerOptions: {
		runes: true
	}
};

export default config;
