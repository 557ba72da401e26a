/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />

/**
 * Keeps the phone controller usable through a reload when the pool's Wi-Fi is down: the app's
 * own files come from a cache made at install, and each controller page the phone has opened is
 * kept (network first) so it can be shown again offline. Browsers run service workers only on
 * HTTPS or localhost; on plain http none of this exists and nothing else depends on it.
 *
 * Everything not listed here (socket.io, POSTs, /display, sounds, other pages) is left alone:
 * no respondWith, so the browser fetches it exactly as it would without a service worker.
 */

import { build, files, version } from '$service-worker';
import {
	controllerRequest,
	dataPath,
	isSignInPath,
	signsOut,
	type ControllerRequest
} from '$lib/shared/offline-pages';

const sw = self as unknown as ServiceWorkerGlobalScope;

// `version` changes with every build, so an update starts with fresh caches and drops old ones.
const SHELL_CACHE = `steady-shell-${version}`;
const PAGES_CACHE = `steady-pages-${version}`;
// A dead pool Wi-Fi often hangs rather than fails: after this long, show the stored copy.
const NETWORK_TIMEOUT_MS = 4000;
const OFFLINE_MESSAGE = 'No connection and this page was not opened before on this phone.';

// The cue sounds are played by the wall display only; the phone never needs them offline.
const SHELL = [...build, ...files.filter((path) => !path.includes('/sounds/'))];
const shellPaths = new Set(SHELL);

/** Bumped by every sign-out, so a page fetched before it cannot be stored after it. */
let generation = 0;

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(SHELL_CACHE)
			.then((cache) => cache.addAll(SHELL))
			// Take over at once: a phone keeps its tab open for days and would never update.
			.then(() => sw.skipWaiting())
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) {
				if (key !== SHELL_CACHE && key !== PAGES_CACHE) await caches.delete(key);
			}
			await sw.clients.claim();
			// The page that installed this worker was loaded before it: keep it now, so "opened
			// once" holds even for the very first visit.
			const windows = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
			const pages = windows.map((client) => controllerRequest(new URL(client.url).pathname));
			await Promise.all(
				pages.map((page) => page && refresh(page, generation).catch(() => undefined))
			);
		})()
	);
});

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;

	if (signsOut(request.method, url.pathname)) {
		// Not answered here: the sign-out POST and the sign-in page go to the server untouched.
		event.waitUntil(forgetPages());
		return;
	}
	if (request.method !== 'GET') return;

	if (shellPaths.has(url.pathname)) {
		event.respondWith(fromShell(request));
		return;
	}
	const controller = controllerRequest(url.pathname);
	if (controller) event.respondWith(networkFirst(event, controller));
});

/** Build files are immutable (their names carry a hash): the cached copy is always right. */
async function fromShell(request: Request): Promise<Response> {
	const cached = await caches.match(request, { cacheName: SHELL_CACHE });
	return cached ?? fetch(request);
}

async function networkFirst(event: FetchEvent, controller: ControllerRequest): Promise<Response> {
	const started = generation;
	const network = fetch(event.request).then((response) => {
		// Cloned before the page reads the body; stored while the page is already showing it.
		event.waitUntil(keepBoth(controller, response.clone(), started));
		return response;
	});

	const timedOut = new Promise<'timeout'>((resolve) =>
		setTimeout(() => resolve('timeout'), NETWORK_TIMEOUT_MS)
	);
	const first = await Promise.race([network, timedOut]).catch(() => 'failed' as const);
	if (first instanceof Response) return first;

	const stored = await storedCopy(controller);
	if (stored) {
		network.catch(() => undefined); // a late failure has nobody left to tell
		return stored;
	}
	// Nothing stored: a slow network that still answers beats an offline message.
	return network.catch(() => offline(controller));
}

/**
 * A freshly kept page also keeps its other form (document or data), so a page reached by
 * tapping a link can be reloaded offline, and a reloaded one can be reached by a tap.
 */
async function keepBoth(
	controller: ControllerRequest,
	response: Response,
	started: number
): Promise<void> {
	try {
		if (await keep(controller, response, started)) await refresh(twin(controller), started);
	} catch {
		// The network went away half-way: the next visit tries again.
	}
}

/** Stores a signed-in page; forgets everything when the answer is "sign in first". */
async function keep(
	controller: ControllerRequest,
	response: Response,
	started: number
): Promise<boolean> {
	const verdict = await judge(controller, response);
	if (verdict === 'signed-out') await forgetPages();
	if (verdict !== 'keep' || started !== generation) return false;
	const cache = await caches.open(PAGES_CACHE);
	// Keyed by path alone (not SvelteKit's ?x-sveltekit-invalidated=): the newest copy serves any
	// such query, since a node it marks "skip" is the signed-in layout the phone already has.
	await cache.put(keyFor(controller), response);
	return true;
}

async function judge(
	controller: ControllerRequest,
	response: Response
): Promise<'keep' | 'skip' | 'signed-out'> {
	// A signed-out navigation comes back as a redirect the worker cannot read (to /sign-in: the
	// only redirect these pages make, from the sign-in guard).
	if (response.type === 'opaqueredirect') return 'signed-out';
	if (response.status !== 200 || response.type !== 'basic' || response.redirected) return 'skip';
	if (controller.kind === 'html') {
		return response.headers.get('content-type')?.startsWith('text/html') ? 'keep' : 'skip';
	}
	// SvelteKit answers a data request with 200 even for a redirect: look inside.
	const firstLine = (await response.clone().text()).split('\n', 1)[0] ?? '';
	try {
		const body = JSON.parse(firstLine) as { type?: string; location?: string };
		if (body.type === 'redirect') {
			const to = new URL(body.location ?? '/', sw.location.origin);
			return isSignInPath(to.pathname) ? 'signed-out' : 'skip';
		}
		return body.type === 'data' ? 'keep' : 'skip';
	} catch {
		return 'skip';
	}
}

/** Fetches and stores one form of a page in the background. */
async function refresh(controller: ControllerRequest, started: number): Promise<void> {
	const url = new URL(keyFor(controller), sw.location.origin);
	// Manual, like a real navigation: a redirect to /sign-in must be seen, not followed.
	const response = await fetch(url, {
		credentials: 'same-origin',
		redirect: 'manual',
		signal: AbortSignal.timeout(NETWORK_TIMEOUT_MS)
	});
	await keep(controller, response, started);
}

function twin(controller: ControllerRequest): ControllerRequest {
	return { page: controller.page, kind: controller.kind === 'html' ? 'data' : 'html' };
}

function keyFor(controller: ControllerRequest): string {
	return controller.kind === 'data' ? dataPath(controller.page) : controller.page;
}

function storedCopy(controller: ControllerRequest): Promise<Response | undefined> {
	// caches.match, not caches.open: opening would make an empty cache right after a sign-out.
	return caches.match(new URL(keyFor(controller), sw.location.origin), { cacheName: PAGES_CACHE });
}

async function forgetPages(): Promise<void> {
	generation++;
	await caches.delete(PAGES_CACHE);
}

function offline(controller: ControllerRequest): Response {
	const headers = { 'cache-control': 'no-store' };
	if (controller.kind === 'data') {
		// SvelteKit's client shows `message` of a JSON error on its error page.
		return Response.json({ message: OFFLINE_MESSAGE }, { status: 503, headers });
	}
	return new Response(OFFLINE_MESSAGE, {
		status: 503,
		headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' }
	});
}
