import type { z } from 'zod';
import { DEFAULT_LOCALE, isLocale } from '../i18n/locales';
import { problemsOf, type Problem } from '../i18n/problem';
import { translate } from '../i18n/translate';
import { isRefusalCode, type RefusalParams } from '../shared/refusals';

/** A server's refusal as a problem to word on the page; a code this page does not know still says something. */
export function refusalProblem(reason: { code: string; params?: RefusalParams }): Problem {
	if (!isRefusalCode(reason.code)) {
		return { code: 'refusal.unknown-code', params: { code: reason.code } };
	}
	return reason.params
		? { code: `refusal.${reason.code}`, params: reason.params }
		: { code: `refusal.${reason.code}` };
}

/** The first thing wrong with an entry the phone refused to record. */
export function firstProblem(error: z.ZodError): Problem {
	return Object.values(problemsOf(error))[0] ?? { code: 'field.invalid' };
}

/**
 * A problem worded in the page's language (`<html lang>`), for callers that show a sentence
 * without a page's I18n at hand.
 */
export function problemText(problem: Problem): string {
	const lang = typeof document === 'undefined' ? undefined : document.documentElement.lang;
	return translate(isLocale(lang) ? lang : DEFAULT_LOCALE, problem.code, problem.params);
}
