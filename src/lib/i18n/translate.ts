import { IntlMessageFormat } from 'intl-messageformat';
import { CATALOGS, type MessageKey } from './catalog';
import { DEFAULT_LOCALE, type Locale } from './locales';

export type { MessageKey };
export type MessageParams = Record<string, string | number | Date>;

/** A message in one locale: `t('display.paused')`, `t('refusal.room-busy', { className })`. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** A piece of a message with a slot for markup (a link, bold words) that the page fills in. */
export type MessagePart = { text: string } | { slot: string };

const compiled = new Map<string, IntlMessageFormat>();

function formatOf(locale: Locale, key: MessageKey): IntlMessageFormat {
	const id = `${locale}\u0000${key}`;
	let format = compiled.get(id);
	if (!format) {
		// Parsed once per locale and key, on first use: a page pays only for what it shows.
		format = new IntlMessageFormat(CATALOGS[locale][key], locale);
		compiled.set(id, format);
	}
	return format;
}

/** The message in `locale`, its parameters formatted by `Intl` in that locale. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
	return String(formatOf(locale, key).format(params));
}

export function translator(locale: Locale = DEFAULT_LOCALE): Translate {
	return (key, params) => translate(locale, key, params);
}

/**
 * The message split around the parameters named in `slots`, so that a page can wrap those in
 * markup (`<strong>`) without the markup being in the catalog.
 */
export function messageParts(
	locale: Locale,
	key: MessageKey,
	slots: string[],
	params: MessageParams = {}
): MessagePart[] {
	const marker = (name: string) => `\u0001${name}\u0001`;
	const marked = { ...params, ...Object.fromEntries(slots.map((name) => [name, marker(name)])) };
	return translate(locale, key, marked)
		.split('\u0001')
		.map((piece, index) => (index % 2 === 1 ? { slot: piece } : { text: piece }))
		.filter((part) => !('text' in part) || part.text !== '');
}

/**
 * A time of day in the locale's own format: 9:30 AM in English, 9:30 in Spanish; in `timeZone`
 * (the clinic's) where given, else the device's.
 */
export function formatTime(
	locale: Locale,
	value: number | string | Date,
	timeZone?: string
): string {
	return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone }).format(
		new Date(value)
	);
}

/** A day and a time: Nov 26, 2026, 3:04 PM / 26 nov 2026, 15:04; in `timeZone` where given. */
export function formatDateTime(
	locale: Locale,
	value: number | string | Date,
	timeZone?: string
): string {
	return new Intl.DateTimeFormat(locale, {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone
	}).format(new Date(value));
}

/** A calendar day (YYYY-MM-DD, no time of its own): Tuesday, December 1 / martes, 1 de diciembre. */
export function formatDay(locale: Locale, isoDate: string, withYear = false): string {
	return new Intl.DateTimeFormat(locale, {
		weekday: 'long',
		month: 'long',
		day: 'numeric',
		...(withYear ? { year: 'numeric' } : {}),
		timeZone: 'UTC'
	}).format(new Date(`${isoDate}T00:00:00Z`));
}

/**
 * A calendar day with its year, in words (a date of birth, a start date): March 14, 1941 /
 * 14 de marzo de 1941. Never numeric, which reads differently in every country.
 */
export function formatDate(locale: Locale, isoDate: string): string {
	return new Intl.DateTimeFormat(locale, {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(new Date(`${isoDate}T00:00:00Z`));
}

/** An instant as a day in words and a time: December 1, 2026, 3:04 PM; in `timeZone` if given. */
export function formatWrittenDateTime(
	locale: Locale,
	value: number | string | Date,
	timeZone?: string
): string {
	return new Intl.DateTimeFormat(locale, {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		hour: 'numeric',
		minute: '2-digit',
		timeZone
	}).format(new Date(value));
}

/** A weekday and a time of day: Friday 9:30 AM, viernes, 9:30. */
export function formatDayAndTime(locale: Locale, value: number | string | Date): string {
	return new Intl.DateTimeFormat(locale, {
		weekday: 'long',
		hour: 'numeric',
		minute: '2-digit'
	}).format(new Date(value));
}
