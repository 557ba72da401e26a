/** Paths reachable without signing in. Everything else redirects to the sign-in page. */
const PUBLIC_PREFIXES = ['/sign-in', '/sign-out', '/healthz'];

export function isPublicPath(pathname: string): boolean {
	return PUBLIC_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}
