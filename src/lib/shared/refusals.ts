import { DEFAULT_LOCALE, isLocale, type Locale } from '../i18n/locales';
import { isMessageKey } from '../i18n/problem';
import { formatDateTime, formatTime, translate, type MessageKey } from '../i18n/translate';

/**
 * Why the server refused a socket request: a code and its parameters on the wire, never prose.
 * The page picks the words (`refusalText`) from the message catalog, in the reader's language.
 */

export type RefusalParams = Record<string, string | number>;

/** Every code a refusal may carry; its words are the catalog's `refusal.<code>` message. */
export const REFUSAL_CODES = [
	// Any request
	'too-many-requests',
	'too-many-commands',
	'too-many-identifies',
	'too-many-pairing-codes',
	'server-failed',
	'unknown-event',
	'invalid-payload',
	'signed-out',
	'out-of-order',

	// Classes
	'class-not-found',
	'class-not-in-room',
	'class-cancelled',
	'class-completed',
	'room-busy',
	'display-cannot',
	'room-not-found',
	'too-early',
	'too-late',

	// The timeline (shared/timeline/commands.ts)
	'not-a-command',
	'class-ended',
	'class-finished',
	'class-not-started',
	'routine-empty',
	'already-started',
	'already-paused',
	'class-stopped',
	'already-running',
	'already-stopped',
	'resume-first',
	'block-not-in-routine',
	'done-needs-reps',
	'extend-out-of-range',
	'nothing-to-extend',
	'reps-wait-for-done',

	// The pool's checklist and headcounts (shared/pool-start.ts, roster/headcount-gate.ts)
	'pool-check-missing',
	'pool-display-missing',
	'headcount-in-unmarked',
	'headcount-in-empty',
	'headcount-out-missing',
	'headcount-out-mismatch',
	'headcount-out-pool-only',

	// Displays
	'display-already-paired',
	'not-paired-yet',
	'pair-first',
	'pair-again',
	'display-removed',
	'clicker-off',
	'no-live-class',
	'display-not-found',

	// Entries, alerts and the roster
	'entry-id-used',
	'entries-cancelled',
	'entries-closed',
	'entries-not-open',
	'entries-never-started',
	'phone-clock-wrong',
	'replaced-entry-missing',
	'participant-not-in-class',
	'sit-out-alert-missing',
	'action-id-used',
	'alert-not-found',
	'participant-not-found',

	// Class records (issue 13): the participant's note for the class is signed; final, and the
	// phone keeps the entry until someone acts (an addendum carries what it said).
	'note-signed'
] as const;

export type RefusalCode = (typeof REFUSAL_CODES)[number];

// Fails the type check when a code has no message in the catalog.
type Unworded = Exclude<`refusal.${RefusalCode}`, MessageKey>;
const everyCodeWorded: [Unworded] extends [never] ? true : Unworded = true;
void everyCodeWorded;

/** What a refused request is answered with. */
export type Refusal = {
	ok: false;
	code: RefusalCode;
	params?: RefusalParams;
	/** The refusal is passing (the server failed, the phone must sign in again): send it later. */
	retry?: boolean;
};

/** Why, without the envelope: what a check returns before it becomes an answer. */
export type Reason = { code: RefusalCode; params?: RefusalParams };

export function refuse(code: RefusalCode, params?: RefusalParams): Refusal {
	return params ? { ok: false, code, params } : { ok: false, code };
}

/** A check's reason as the answer to the request. */
export function refusedFor(reason: Reason): Refusal {
	return refuse(reason.code, reason.params);
}

export function isRefusalCode(code: unknown): code is RefusalCode {
	return typeof code === 'string' && (REFUSAL_CODES as readonly string[]).includes(code);
}

/**
 * In a browser, the language the page is in (`<html lang>`, set by the server for staff pages
 * and by the display for its class); elsewhere English. Refusals are worded far from any
 * component, so they read it here instead of having a locale passed through every client class.
 */
function pageLocale(): Locale {
	const lang = typeof document === 'undefined' ? undefined : document.documentElement.lang;
	return isLocale(lang) ? lang : DEFAULT_LOCALE;
}

/**
 * The words for a refusal in the reader's language; a code this page does not know (from a newer
 * server) still says something.
 */
export function refusalText(
	reason: { code: string; params?: RefusalParams },
	locale: Locale = pageLocale()
): string {
	if (!isRefusalCode(reason.code)) {
		return translate(locale, 'refusal.unknown-code', { code: reason.code });
	}
	return translate(locale, `refusal.${reason.code}`, wordedParams(reason.params, locale));
}

/** Class-window instants: a day and time, or a time alone (the same day). */
const INSTANT_PARAMS: Record<string, 'date-time' | 'time'> = {
	from: 'date-time',
	until: 'time',
	opens: 'date-time'
};
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T/;

/**
 * Parameters that carry data, not words, worded for the reader: an invalid payload's problem
 * (the schema's message, a catalog key) and class-window instants (ISO, with the clinic's
 * `timeZone`) in the reader's own format.
 */
function wordedParams(
	params: RefusalParams | undefined,
	locale: Locale
): RefusalParams | undefined {
	if (!params) return params;
	const out = { ...params };
	if (typeof out.problem === 'string' && isMessageKey(out.problem)) {
		out.problem = translate(locale, out.problem);
	}
	const timeZone = typeof params.timeZone === 'string' ? params.timeZone : undefined;
	for (const [name, style] of Object.entries(INSTANT_PARAMS)) {
		const value = out[name];
		if (!timeZone || typeof value !== 'string' || !ISO_INSTANT.test(value)) continue;
		out[name] =
			style === 'time'
				? formatTime(locale, value, timeZone)
				: formatDateTime(locale, value, timeZone);
	}
	return out;
}
