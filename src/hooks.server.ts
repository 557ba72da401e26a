import { redirect, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { getApp, startApp } from '$lib/server/app';
import { SESSION_COOKIE, validateSession } from '$lib/server/auth/session';
import {
	SMALL_BODY_BYTES,
	checkBodySize,
	isMediaUpload,
	tooLarge
} from '$lib/server/http/body-limit';
import { addSecurityHeaders } from '$lib/server/http/security-headers';
import { isPublicPath } from '$lib/server/public-paths';
import { isCoordinatorRoute, requireCoordinator } from '$lib/server/auth/guard';
import { negotiateLocale } from '$lib/i18n/locales';
import { translate } from '$lib/i18n/translate';

/** Runs once when the server starts: database, migrations, demo seed, socket handlers. */
export const init: ServerInit = async () => {
	await startApp();
};

/** Who is asking: the same validateSession the socket middleware uses. */
const identify: Handle = async ({ event, resolve }) => {
	const app = await getApp();
	const token = event.cookies.get(SESSION_COOKIE);
	const session = await validateSession(app.db, token);
	event.locals.app = app;
	event.locals.user = session?.user ?? null;
	if (token && !session) event.cookies.delete(SESSION_COOKIE, { path: '/' });
	return resolve(event);
};

/**
 * Every page, action and endpoint needs a signed-in user unless listed as public; coordinator
 * routes need a coordinator. Guarding here
 * rather than in a layout load also covers form actions and +server endpoints.
 */
const requireSignIn: Handle = async ({ event, resolve }) => {
	if (!event.locals.user && !isPublicPath(event.url.pathname)) {
		if (event.request.method !== 'GET' && event.request.method !== 'HEAD') {
			return new Response(translate(event.locals.locale, 'error.sign-in-first'), { status: 401 });
		}
		const next = event.url.pathname + event.url.search;
		redirect(303, `/sign-in?next=${encodeURIComponent(next)}`);
	}
	// Planning pages, their actions and the builder's preview: coordinators only, decided once here.
	if (isCoordinatorRoute(event.route.id)) requireCoordinator(event.locals);
	return resolve(event);
};

/**
 * Only a coordinator's picture or video upload may be large (adapter-node's BODY_SIZE_LIMIT);
 * anything else over SMALL_BODY_BYTES is refused before it is read, so nobody can make the
 * server hold megabytes without signing in.
 */
const limitRequestBody: Handle = async ({ event, resolve }) => {
	const { request, url, locals } = event;
	if (isMediaUpload(request.method, url) && locals.user?.role === 'coordinator') {
		return resolve(event);
	}
	const check = checkBodySize(request, SMALL_BODY_BYTES);
	if (check.verdict === 'too-large') return tooLarge(locals.locale);
	if (check.verdict === 'ok') return resolve(event);
	// A body without a length is counted as it is read; the handlers read event.request.
	event.request = check.request;
	const response = await resolve(event);
	return check.exceeded() ? tooLarge(locals.locale) : response;
};

/**
 * The page's language: the signed-in person's choice, else the browser's Accept-Language; it
 * also fills `<html lang>` (app.html) before the page leaves the server.
 */
const chooseLocale: Handle = async ({ event, resolve }) => {
	const locale =
		event.locals.user?.language ?? negotiateLocale(event.request.headers.get('accept-language'));
	event.locals.locale = locale;
	return resolve(event, {
		// A page printed for someone else (a participant's handout) names its own language.
		transformPageChunk: ({ html }) =>
			html.replace('%steady.lang%', event.locals.documentLocale ?? locale)
	});
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	addSecurityHeaders(response, { url: event.url, signedIn: !!event.locals.user });
	return response;
};

// securityHeaders wraps the refusals below it too (413, 401).
export const handle = sequence(
	identify,
	chooseLocale,
	securityHeaders,
	limitRequestBody,
	requireSignIn
);

/** Unexpected errors: logged once with the route (never the request body), shown plainly. */
export const handleError: HandleServerError = async ({ error, event, status }) => {
	if (status >= 500) {
		const app = await getApp().catch(() => undefined);
		app?.log.error({ err: error, route: event.route.id, status }, 'request failed');
	}
	// A catalog key: the error page words it in the reader's language.
	return { message: status === 404 ? 'error.not-found' : 'error.unexpected' };
};
