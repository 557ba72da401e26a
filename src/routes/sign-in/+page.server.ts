import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { readForm } from '$lib/server/http/form-data';
import { safeNextPath } from '$lib/server/http/safe-next';
import type { Actions, PageServerLoad } from './$types';

/** Each problem is a code; the page words it (`sign-in.<code>`) in the reader's language. */
const signInForm = z.object({
	email: z.string().trim().min(1, 'email-missing').max(254).email('email-invalid'),
	password: z.string().min(1, 'password-missing').max(512)
});

export type SignInProblem = 'email-missing' | 'email-invalid' | 'password-missing';
type FieldErrors = Partial<Record<'email' | 'password', SignInProblem>>;
/** Why a well-formed sign-in was refused. */
type Refusal = { code: 'mismatch' } | { code: 'wait'; seconds: number };

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeNextPath(url.searchParams.get('next'), url.origin));
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress, locals }) => {
		const form = Object.fromEntries(await readForm(request));
		const parsed = signInForm.safeParse(form);
		const email = typeof form.email === 'string' ? form.email.slice(0, 254) : '';
		if (!parsed.success) {
			const fields = z.flattenError(parsed.error).fieldErrors;
			const errors: FieldErrors = {
				email: fields.email?.[0] as SignInProblem | undefined,
				password: fields.password?.[0] as SignInProblem | undefined
			};
			return fail(400, { email, errors, refusal: null });
		}

		const { app } = locals;
		const result = await app.signIn.signIn(
			parsed.data.email,
			parsed.data.password,
			getClientAddress()
		);
		if (!result.ok) {
			const refusal: Refusal =
				result.reason === 'wait'
					? { code: 'wait', seconds: result.retryAfterSeconds }
					: // One answer for unknown email and wrong password alike.
						{ code: 'mismatch' };
			const errors: FieldErrors = {};
			return fail(result.reason === 'wait' ? 429 : 400, { email, errors, refusal });
		}
		setSessionCookie(cookies, url, result.token, result.expiresAt);
		redirect(303, safeNextPath(url.searchParams.get('next'), url.origin));
	}
};
