import { LOCALE_NAMES, LOCALES } from '$lib/i18n/locales';
import type { SelectOption } from './select-field.svelte';

/**
 * A language chooser's options: first "the clinic's language" (sent empty, so a later change of
 * the clinic's language follows), then each language named in itself.
 */
export function languageOptions(clinicDefault: string): SelectOption[] {
	return [
		{ value: '', label: clinicDefault },
		...LOCALES.map((locale) => ({ value: locale, label: LOCALE_NAMES[locale], lang: locale }))
	];
}
