import { error, redirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { users } from '$lib/server/db/schema';
import { readForm } from '$lib/server/http/form-data';
import { safeNextPath } from '$lib/server/http/safe-next';
import { isLocale } from '$lib/i18n/locales';
import type { RequestHandler } from './$types';

/**
 * The signed-in person chooses the language of their pages (the header's chooser): a locale, or
 * blank for their browser's. Back to the page they were on.
 */
export const POST: RequestHandler = async ({ request, locals, url }) => {
	const user = locals.user;
	if (!user) error(401, 'error.sign-in-first');
	const form = await readForm(request);
	const chosen = String(form.get('language') ?? '');
	if (chosen !== '' && !isLocale(chosen)) error(400, 'error.no-such-language');
	const { app } = locals;
	await app.db
		.update(users)
		.set({ language: chosen === '' ? null : chosen })
		.where(eq(users.id, user.id));
	redirect(303, safeNextPath(String(form.get('next') ?? '/'), url.origin));
};
