import { fail } from '@sveltejs/kit';
import { problem, type Params, type Problems } from '$lib/i18n/problem';
import type { MessageKey } from '$lib/i18n/catalog';

/**
 * The one shape of a refused form: its problems by field (`form` for the whole form), as codes,
 * and what was typed, to put back. Pages read `form.problems` and `form.values`.
 */
export function refuse<V = null>(status: number, problems: Problems, values: V = null as V) {
	return fail(status, { problems, values });
}

/** A refusal about the whole form. */
export function refuseForm<V = null>(
	status: number,
	code: MessageKey,
	params?: Params,
	values: V = null as V
) {
	return refuse(status, { form: problem(code, params) }, values);
}
