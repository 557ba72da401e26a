import type { Locale } from '$lib/i18n/locales';
import type { Problem } from '$lib/i18n/problem';

/**
 * A planning problem ready to word: a clash names the other class's start as an instant (`at`),
 * which is shown here as a day and time in the reader's language and the clinic's zone.
 */
export function clashWorded(
	problem: Problem | null | undefined,
	locale: Locale,
	timeZone: string
): Problem | undefined {
	const at = problem?.params?.at;
	if (!problem || typeof at !== 'string') return problem ?? undefined;
	const when = new Intl.DateTimeFormat(locale, {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone
	}).format(new Date(at));
	return { ...problem, params: { ...problem.params, at: when } };
}
