/**
 * Which requests the service worker may keep for offline use, and which ones mean "signed out".
 * Only the phone controller (`/control`, `/control/<class id>`) is kept: a reload at the pool
 * must still show the class, and those pages hold participants' names, so nothing else is stored.
 */

const DATA_SUFFIX = '/__data.json';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
// /control/pair and /control/displays need the network to do anything: not worth keeping.
const CONTROLLER_PAGE = new RegExp(`^/control(?:/${UUID})?$`, 'i');

/** A controller page as the document (`html`) or as SvelteKit's `__data.json` (`data`). */
export type ControllerRequest = { page: string; kind: 'html' | 'data' };

export function controllerRequest(pathname: string): ControllerRequest | null {
	const kind = pathname.endsWith(DATA_SUFFIX) ? 'data' : 'html';
	const page = kind === 'data' ? pathname.slice(0, -DATA_SUFFIX.length) : pathname;
	return CONTROLLER_PAGE.test(page) ? { page, kind } : null;
}

/** The `__data.json` path SvelteKit's client fetches for a page (never the root here). */
export function dataPath(page: string): string {
	return page.replace(/\/$/, '') + DATA_SUFFIX;
}

/** The sign-in page (or its data) means nobody is signed in on this phone any more. */
export function isSignInPath(pathname: string): boolean {
	return pathname === '/sign-in' || pathname.startsWith('/sign-in/');
}

/** A request after which this phone must forget every stored page. */
export function signsOut(method: string, pathname: string): boolean {
	if (method === 'POST') return pathname === '/sign-out';
	return method === 'GET' && isSignInPath(pathname);
}
