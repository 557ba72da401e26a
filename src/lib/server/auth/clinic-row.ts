import { error } from '@sveltejs/kit';
import type { MessageKey } from '$lib/i18n/catalog';
import { clinicOwns } from '../planning/owned';
import { signedIn } from './guard';

/**
 * The signed-in person and the app, for an action on the row its URL names. Another clinic's row
 * (or none) is `notFound` (+error.svelte words it), whatever else the form holds: never a
 * refusal that tells it the row exists.
 */
export async function signedInOwning(
	locals: App.Locals,
	kind: Parameters<typeof clinicOwns>[1],
	id: string,
	notFound: MessageKey
) {
	const user = signedIn(locals);
	const { app } = locals;
	if (!(await clinicOwns(app.db, kind, user.clinicId, id))) {
		error(404, notFound);
	}
	return { user, app };
}
