/**
 * The languages Steady speaks. A locale here is a bare language code: the catalogs say "es", not
 * "es-MX", and `Intl` formats with it. Adding one is adding its catalog (catalog/index.ts).
 */
export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** Each language by its own name, as a chooser lists them. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', es: 'Español' };

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The first language of an Accept-Language header that Steady speaks, by the header's weights;
 * English when none is.
 */
export function negotiateLocale(header: string | null | undefined): Locale {
	const wanted = (header ?? '')
		.split(',')
		.map((part, index) => {
			const [tag = '', ...rest] = part.trim().split(';');
			const q = rest.map((p) => p.trim()).find((p) => p.startsWith('q='));
			const weight = q ? Number(q.slice(2)) : 1;
			return { language: tag.trim().toLowerCase().split('-')[0], weight, index };
		})
		.filter((w) => w.language && Number.isFinite(w.weight) && w.weight > 0)
		.sort((a, b) => b.weight - a.weight || a.index - b.index);
	return wanted.map((w) => w.language).find(isLocale) ?? DEFAULT_LOCALE;
}
