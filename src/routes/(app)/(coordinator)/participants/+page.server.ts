import { signedIn } from '$lib/server/auth/guard';
import { findParticipants } from '$lib/server/planning/participants';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = signedIn(locals);
	const { app } = locals;
	const query = url.searchParams.get('q')?.trim() ?? '';
	const archived = url.searchParams.get('archived') === '1';
	return {
		query,
		archived,
		participants: await findParticipants(app.db, user.clinicId, query, { archived })
	};
};
