/**
 * Headers every answer carries. The Content-Security-Policy itself comes from `kit.csp` in
 * svelte.config.js (SvelteKit adds the nonces of its own scripts); here it is only fitted to
 * the request, which the config cannot know.
 */

// Features the app uses: the wall display goes fullscreen and keeps its screen awake. Nothing
// asks for a camera (phones scan the pairing code with their own camera app) or anything else.
export const PERMISSIONS_POLICY = [
	'camera=()',
	'microphone=()',
	'geolocation=()',
	'payment=()',
	'usb=()',
	'serial=()',
	'hid=()',
	'bluetooth=()',
	'midi=()',
	'display-capture=()',
	'screen-wake-lock=(self)',
	'fullscreen=(self)'
].join(', ');

const HSTS = 'max-age=31536000';

export type ResponseContext = {
	/** The request's public address: ORIGIN, or the scheme the server saw and the Host. */
	url: URL;
	signedIn: boolean;
};

export function addSecurityHeaders(response: Response, { url, signedIn }: ResponseContext): void {
	const headers = response.headers;
	headers.set('x-content-type-options', 'nosniff');
	// A page may ask for less (a handout opened from a link: no-referrer), never for more.
	if (!headers.has('referrer-policy')) headers.set('referrer-policy', 'same-origin');
	headers.set('permissions-policy', PERMISSIONS_POLICY);
	if (!headers.has('x-frame-options')) headers.set('x-frame-options', 'DENY');

	const csp = headers.get('content-security-policy');
	if (csp) headers.set('content-security-policy', fitPolicy(csp, url, headers));

	// Only an answer that came over TLS may pin TLS. Browsers ignore HSTS from an IP address;
	// `localhost` is left alone so a TLS test run does not break other local http sites.
	if (url.protocol === 'https:' && url.hostname !== 'localhost') {
		headers.set('strict-transport-security', HSTS);
	}

	// Pages and data for a signed-in user carry names and notes: no shared or disk cache keeps
	// them. (The service worker's own cache of controller pages is not an HTTP cache.)
	if (signedIn && !headers.has('cache-control')) {
		headers.set('cache-control', 'private, no-store');
	}
}

/**
 * The page that may be framed (the routine builder's preview) says so with
 * `x-frame-options: SAMEORIGIN`; CSP's frame-ancestors overrides that header in browsers, so it
 * has to say the same. And the socket's own `ws:`/`wss:` address is named: older Safari does
 * not count websockets as 'self'.
 */
function fitPolicy(policy: string, url: URL, headers: Headers): string {
	let fitted = policy;
	if (headers.get('x-frame-options')?.toUpperCase() === 'SAMEORIGIN') {
		fitted = fitted.replace("frame-ancestors 'none'", "frame-ancestors 'self'");
	}
	const socket = `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`;
	return fitted.replace("connect-src 'self'", `connect-src 'self' ${socket}`);
}
