import { redirect } from '@sveltejs/kit';
import { negotiateLocale } from '$lib/i18n/locales';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, request, url }) => {
	// hooks.server.ts already guards every request; this keeps the type narrow for the pages.
	if (!locals.user) redirect(303, `/sign-in?next=${encodeURIComponent(url.pathname)}`);
	const { id, name, role, language = null } = locals.user;
	return {
		user: { id, name, role, language },
		browserLocale: negotiateLocale(request.headers.get('accept-language'))
	};
};
