import type { Locale } from '../locales';
import { en, type MessageKey } from './en';
import { es } from './es';

export type { MessageKey };

/** Every locale's catalog; a locale without one here fails the type check. */
export const CATALOGS: Record<Locale, Record<MessageKey, string>> = { en, es };
