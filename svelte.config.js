import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// server/index.js builds the http server from build/handler.js so socket.io can share the port.
		adapter: adapter({ out: 'build' })
	},
	compilerOptions: {
		runes: true
	}
};

export default config;
