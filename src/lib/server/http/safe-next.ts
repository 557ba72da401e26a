/**
 * Where to go after signing in: `?next=` resolved against this site's own origin, and refused
 * (home instead) unless it stays on it.
 *
 * Browsers strip tabs and newlines from a Location and read a backslash as a slash, so
 * `/\t/evil.example` or `/\evil.example` would be read as `//evil.example`, another site. Such
 * input is refused outright rather than cleaned, and the answer is rebuilt from the parsed URL
 * (path, query, hash only), never passed through as given.
 */
export function safeNextPath(next: string | null | undefined, origin: string): string {
	const home = '/';
	// C0 controls, space and DEL: never part of a path a page of ours links to.
	// eslint-disable-next-line no-control-regex -- matching control characters is the point
	if (!next || !next.startsWith('/') || /[\u0000-\u0020\u007f\\]/.test(next)) return home;
	let url: URL;
	try {
		url = new URL(next, origin);
	} catch {
		return home;
	}
	if (url.origin !== new URL(origin).origin) return home;
	// `/..//evil.example` parses to the path `//evil.example`: as a Location, another host.
	if (url.pathname.startsWith('//')) return home;
	return url.pathname + url.search + url.hash;
}
