/** Paths reachable without signing in. Everything else redirects to the sign-in page. */
// The wall display has no staff login: it authenticates its socket with a device token, and
// shows exercise pictures from /media (random names, only files an exercise names).
// A handout handed over in class opens from its QR code for 7 days: the link's token is the key.
const PUBLIC_PREFIXES = ['/sign-in', '/sign-out', '/healthz', '/display', '/media', '/h'];

export function isPublicPath(pathname: string): boolean {
	return PUBLIC_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}
