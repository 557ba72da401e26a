import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from './session';

/** httpOnly, SameSite=Lax, path '/', Secure whenever the page itself came over https. */
export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date): void {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		// A LAN address over plain http must still be able to sign in; https gets Secure.
		secure: url.protocol === 'https:',
		expires: expiresAt
	});
}

export function clearSessionCookie(cookies: Cookies): void {
	cookies.delete(SESSION_COOKIE, { path: '/' });
}
