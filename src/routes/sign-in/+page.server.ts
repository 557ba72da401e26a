import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getApp } from '$lib/server/app';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { inSeconds } from '$lib/server/auth/slow-down';
import { readForm } from '$lib/server/http/form-data';
import { safeNextPath } from '$lib/server/http/safe-next';
import type { Actions, PageServerLoad } from './$types';

const signInForm = z.object({
	email: z.string().trim().min(1, 'Enter your email').max(254).email('Enter a valid email address'),
	password: z.string().min(1, 'Enter your password').max(512)
});

type FieldErrors = Partial<Record<'email' | 'password', string[]>>;

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeNextPath(url.searchParams.get('next'), url.origin));
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = Object.fromEntries(await readForm(request));
		const parsed = signInForm.safeParse(form);
		const email = typeof form.email === 'string' ? form.email.slice(0, 254) : '';
		if (!parsed.success) {
			const errors: FieldErrors = z.flattenError(parsed.error).fieldErrors;
			return fail(400, { email, errors, message: null });
		}

		const app = await getApp();
		const result = await app.signIn.signIn(
			parsed.data.email,
			parsed.data.password,
			getClientAddress()
		);
		if (!result.ok) {
			const message =
				result.reason === 'wait'
					? `Too many failed tries. Try again in ${inSeconds(result.retryAfterSeconds)}.`
					: // One message for unknown email and wrong password alike.
						'That email and password do not match an account.';
			const errors: FieldErrors = {};
			return fail(result.reason === 'wait' ? 429 : 400, { email, errors, message });
		}
		setSessionCookie(cookies, url, result.token, result.expiresAt);
		redirect(303, safeNextPath(url.searchParams.get('next'), url.origin));
	}
};
