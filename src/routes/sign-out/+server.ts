import { redirect } from '@sveltejs/kit';
import { clearSessionCookie } from '$lib/server/auth/cookie';
import { SESSION_COOKIE, endSession } from '$lib/server/auth/session';
import { crossSiteRefused, fromThisSite } from '$lib/server/http/same-origin';
import { disconnectSession } from '$lib/server/realtime/disconnect';
import type { RequestHandler } from './$types';

/** Ends the session on the server, not just in this browser. */
export const POST: RequestHandler = async ({ cookies, request, url, locals }) => {
	// Another site must not sign a technician out in the middle of a class.
	if (!fromThisSite(request, url)) return crossSiteRefused();
	const token = cookies.get(SESSION_COOKIE);
	if (token) {
		const { app } = locals;
		await endSession(app.db, token);
		disconnectSession(app.io, token);
	}
	clearSessionCookie(cookies);
	redirect(303, '/sign-in');
};
