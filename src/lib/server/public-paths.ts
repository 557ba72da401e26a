/** Paths reachable without signing in. Everything else redirects to the sign-in page. */
// The wall display has no staff login: it authenticates its socket with a device token.
const PUBLIC_PREFIXES = ['/sign-in', '/sign-out', '/healthz', '/display'];

export function isPublicPath(pathname: string): boolean {
	return PUBLIC_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}
