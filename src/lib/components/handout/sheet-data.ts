import type { Locale } from '$lib/i18n/locales';
import type { SupportTier } from '$lib/shared/domain';
import type { Dosing } from '$lib/shared/dosing';

/**
 * What a handout sheet shows, and nothing more: a page opened without an account gets exactly
 * this (the name it may show, no ids, notes or precautions).
 */
export type SheetData = {
	name: string;
	clinicName: string;
	clinicContact: string;
	language: Locale;
	routineName: string | null;
	session: { tier: SupportTier } | null;
	/** The class's date in the participant's language; empty without a class. */
	classDate: string;
	exercises: {
		name: string;
		displayCue: string;
		dosing: Dosing;
		untranslated: string[];
		picture: { file: string; type: string } | null;
		tierCue: string | null;
	}[];
};
