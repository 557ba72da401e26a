import type { Locale } from '../i18n/locales';

/** An exercise's words in one language; any left out are shown in English. */
export type ExerciseWords = { name?: string; displayCue?: string; technicianNotes?: string };

/** By locale, English excepted (it is the exercise's own columns). */
export type ExerciseTranslations = Partial<Record<Exclude<Locale, 'en'>, ExerciseWords>>;

type English = { name: string; displayCue: string; technicianNotes?: string };

/**
 * The exercise's words in `locale`, each falling back to English on its own, with which ones
 * did (so a staff page can mark them).
 */
export function exerciseWordsIn<E extends English>(
	exercise: E,
	translations: ExerciseTranslations | null | undefined,
	locale: Locale
): E & { untranslated: (keyof ExerciseWords)[] } {
	if (locale === 'en') return { ...exercise, untranslated: [] };
	const words = translations?.[locale] ?? {};
	const untranslated: (keyof ExerciseWords)[] = [];
	const pick = <K extends keyof ExerciseWords>(key: K, english: string | undefined) => {
		const own = words[key]?.trim();
		if (own) return own;
		if (english !== undefined) untranslated.push(key);
		return english;
	};
	return {
		...exercise,
		name: pick('name', exercise.name)!,
		displayCue: pick('displayCue', exercise.displayCue)!,
		...(exercise.technicianNotes !== undefined
			? { technicianNotes: pick('technicianNotes', exercise.technicianNotes) }
			: {}),
		untranslated
	};
}
