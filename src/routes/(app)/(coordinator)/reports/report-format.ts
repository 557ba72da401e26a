import type { ChartDatum, ChartFormat } from '$lib/components/charts/chart-types';
import type { I18n } from '$lib/i18n/i18n.svelte';

/**
 * How the reports write weeks, days and numbers, in the reader's language: the same functions
 * make a chart's titles and its table (chart-style.ts), so they always say the same thing.
 */

/** A local date (YYYY-MM-DD) as the instant a chart's time axis puts it at (UTC midnight). */
export const dayPoint = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);

const isoOf = (x: ChartDatum['x']) =>
	x instanceof Date ? x.toISOString().slice(0, 10) : String(x).slice(0, 10);

export function shortDay(i18n: I18n, x: ChartDatum['x'], withYear = true): string {
	return new Intl.DateTimeFormat(i18n.locale, {
		day: 'numeric',
		month: 'short',
		year: withYear ? 'numeric' : undefined,
		timeZone: 'UTC'
	}).format(dayPoint(isoOf(x)));
}

/** Weeks on x ("Week of 3 Nov 2026", ticks "3 Nov"), `y` as given. */
export function weekFormat(i18n: I18n, y: (value: number) => string): ChartFormat {
	return {
		x: (x) => i18n.t('reports.week-of', { date: shortDay(i18n, x) }),
		tick: (x) => shortDay(i18n, x, false),
		y
	};
}

/** Classes on x ("3 Nov 2026"), `y` as given. */
export function dayFormat(i18n: I18n, y: (value: number) => string): ChartFormat {
	return { x: (x) => shortDay(i18n, x), tick: (x) => shortDay(i18n, x, false), y };
}

export const percent = (i18n: I18n) => (value: number) => i18n.t('reports.percent', { value });
export const count = (value: number) => String(value);
