import type { z } from 'zod';
import { CATALOGS, type MessageKey } from './catalog';

export type Params = Record<string, string | number>;

/**
 * What went wrong, as a catalog key and its parameters, never as prose: the page words it in the
 * reader's language (`i18n.t(problem.code, problem.params)`).
 */
export type Problem = { code: MessageKey; params?: Params };

/** A refused form's problems by field name; `form` for one about the whole form. */
export type Problems = Record<string, Problem>;

export function isMessageKey(text: string): text is MessageKey {
	return Object.hasOwn(CATALOGS.en, text);
}

export function problem(code: MessageKey, params?: Params): Problem {
	return params ? { code, params } : { code };
}

/**
 * The first problem of each field, from a failed zod parse. Schemas name a catalog key as each
 * message (`z.string().min(1, 'field.required')`); zod's own limits come along as parameters
 * (`{min}`, `{max}`), and a message that is not a key (zod's default) becomes `field.invalid`.
 * `top`: key by the first path segment only (a list's items report on the list's field).
 */
export function problemsOf(error: z.ZodError, { top = false } = {}): Problems {
	const problems: Problems = {};
	for (const issue of error.issues) {
		const field = (top ? String(issue.path[0] ?? '') : issue.path.join('.')) || 'form';
		problems[field] ??= problemOf(issue);
	}
	return problems;
}

function problemOf(issue: z.core.$ZodIssue): Problem {
	if (!isMessageKey(issue.message)) return { code: 'field.invalid' };
	const params: Params = {};
	if ('minimum' in issue) params.min = Number(issue.minimum);
	if ('maximum' in issue) params.max = Number(issue.maximum);
	return Object.keys(params).length ? { code: issue.message, params } : { code: issue.message };
}
