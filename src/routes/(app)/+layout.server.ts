import { redirect } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url }) => {
	// hooks.server.ts already guards every request; this keeps the type narrow for the pages.
	if (!locals.user) redirect(303, `/sign-in?next=${encodeURIComponent(url.pathname)}`);
	return { user: { id: locals.user.id, name: locals.user.name, role: locals.user.role } };
};
