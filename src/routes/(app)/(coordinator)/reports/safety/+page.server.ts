import { signedIn } from '$lib/server/auth/guard';
import { readSafety } from '$lib/server/reports/safety-outcomes-pages';
import type { PageServerLoad } from './$types';

/** The safety report: the filter from the query string, the numbers counted in SQL (safety.ts). */
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = signedIn(locals);
	return readSafety(locals.app.db, user.clinicId, url);
};
