/** "2 Nov 2026" (or "2 Nov") for a local date 'YYYY-MM-DD', in the reader's language. */
export function shortDay(locale: string, isoDate: string, withYear: boolean): string {
	return new Intl.DateTimeFormat(locale, {
		day: 'numeric',
		month: 'short',
		...(withYear ? { year: 'numeric' } : {}),
		timeZone: 'UTC'
	}).format(new Date(`${isoDate.slice(0, 10)}T12:00:00Z`));
}
