import type { MessageKey } from '$lib/i18n/catalog';
import type { Problems } from '$lib/i18n/problem';

/**
 * What one section's form was answered: a saved code, or its problems and what was typed
 * (`typed`, shaped as that section's action reads it). Null when another section was posted.
 */
export type Answer<T = Record<string, string>> = {
	done?: MessageKey;
	problems?: Problems;
	typed?: T | null;
} | null;
