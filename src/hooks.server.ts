import { redirect, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { getApp, startApp } from '$lib/server/app';
import { SESSION_COOKIE, validateSession } from '$lib/server/auth/session';
import { isPublicPath } from '$lib/server/public-paths';

/** Runs once when the server starts: database, migrations, demo seed, socket handlers. */
export const init: ServerInit = async () => {
	await startApp();
};

/** Who is asking: the same validateSession the socket middleware uses. */
const identify: Handle = async ({ event, resolve }) => {
	const app = await getApp();
	const token = event.cookies.get(SESSION_COOKIE);
	const session = await validateSession(app.db, token);
	event.locals.user = session?.user ?? null;
	if (token && !session) event.cookies.delete(SESSION_COOKIE, { path: '/' });
	return resolve(event);
};

/**
 * Every page, action and endpoint needs a signed-in user unless listed as public. Guarding here
 * rather than in a layout load also covers form actions and +server endpoints.
 */
const requireSignIn: Handle = async ({ event, resolve }) => {
	if (!event.locals.user && !isPublicPath(event.url.pathname)) {
		if (event.request.method !== 'GET' && event.request.method !== 'HEAD') {
			return new Response('Sign in first', { status: 401 });
		}
		const next = event.url.pathname + event.url.search;
		redirect(303, `/sign-in?next=${encodeURIComponent(next)}`);
	}
	return resolve(event);
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'same-origin');
	if (!response.headers.has('x-frame-options')) response.headers.set('x-frame-options', 'DENY');
	return response;
};

export const handle = sequence(identify, requireSignIn, securityHeaders);

/** Unexpected errors: logged once with the route (never the request body), shown plainly. */
export const handleError: HandleServerError = async ({ error, event, status }) => {
	if (status >= 500) {
		const app = await getApp().catch(() => undefined);
		app?.log.error({ err: error, route: event.route.id, status }, 'request failed');
	}
	return { message: status === 404 ? 'Page not found' : 'Something went wrong. Try again.' };
};
