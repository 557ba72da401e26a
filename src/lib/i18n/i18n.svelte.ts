import { getContext, setContext } from 'svelte';
import { DEFAULT_LOCALE, type Locale } from './locales';
import {
	formatDate,
	formatDay,
	formatDayAndTime,
	formatWrittenDateTime,
	formatTime,
	messageParts,
	translate,
	type MessageKey,
	type MessageParams,
	type MessagePart
} from './translate';

/**
 * A page's language, shared by its components through context. `t` reads the locale, so what a
 * template shows through it follows a change of language (the display's class changes) at once.
 */
export class I18n {
	locale = $state<Locale>(DEFAULT_LOCALE);

	constructor(locale: Locale = DEFAULT_LOCALE) {
		this.locale = locale;
	}

	t = (key: MessageKey, params?: MessageParams): string => translate(this.locale, key, params);

	parts = (key: MessageKey, slots: string[], params?: MessageParams): MessagePart[] =>
		messageParts(this.locale, key, slots, params);

	/** A time of day in this language's own format (9:30 AM, 9:30), in `timeZone` if given. */
	time = (value: number | string | Date, timeZone?: string): string =>
		formatTime(this.locale, value, timeZone);

	/** A calendar day: Tuesday, December 1 / martes, 1 de diciembre (`withYear`: …, 2026). */
	day = (isoDate: string, withYear = false): string => formatDay(this.locale, isoDate, withYear);

	/** A day with its year, in words: March 14, 1941 / 14 de marzo de 1941. */
	date = (isoDate: string): string => formatDate(this.locale, isoDate);

	/** An instant in words, in `timeZone` if given: December 1, 2026, 3:04 PM. */
	dateTime = (value: number | string | Date, timeZone?: string): string =>
		formatWrittenDateTime(this.locale, value, timeZone);

	/** A weekday and time (Friday 9:30 AM, viernes, 9:30). */
	dayAndTime = (value: number | string | Date): string => formatDayAndTime(this.locale, value);
}

const KEY = Symbol('i18n');

export function provideI18n(i18n: I18n): I18n {
	setContext(KEY, i18n);
	return i18n;
}

/** The page's language; English where no page provided one (a component tested alone). */
export function useI18n(): I18n {
	return getContext<I18n | undefined>(KEY) ?? new I18n();
}
