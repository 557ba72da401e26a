import { signedIn } from '$lib/server/auth/guard';
import { readSafety } from '$lib/server/reports/safety-outcomes-pages';
import type { PageServerLoad } from './$types';

/** The safety report: the filter from the query string, the numbers counted in SQL. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = signedIn(locals);
	return { safety: await readSafety({ db: locals.app.db, url, clinicId: user.clinicId }) };
};
