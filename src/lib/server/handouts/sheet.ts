import type { MessageKey } from '../../i18n/catalog';
import type { SheetData } from '../../components/handout/sheet-data';
import type { Handout } from '../participants/handout';

/** The stop symptoms of clinical.md section 2, as the sheet says them to a participant. */
export const SAFETY_KEYS: MessageKey[] = [
	'handout.safety.chest-pain',
	'handout.safety.dizziness',
	'handout.safety.breath',
	'handout.safety.skin',
	'handout.safety.pulse',
	'handout.safety.leg-pain'
];

/** The class's date as the participant reads it: their language, the clinic's calendar. */
export function classDate(handout: Handout): string {
	if (!handout.session) return '';
	return new Intl.DateTimeFormat(handout.language, {
		dateStyle: 'long',
		timeZone: handout.timeZone
	}).format(handout.session.startsAt);
}

/** A file name that names no one: `handout-2026-11-26.pdf`. */
export function pdfFileName(handout: Handout, now: Date): string {
	const day = handout.session?.startsAt ?? now;
	return `handout-${day.toISOString().slice(0, 10)}.pdf`;
}

/**
 * The sheet as a page gets it. `name`: the full name for staff; first name and last initial for
 * a page opened from a link.
 */
export function sheetOf(handout: Handout, name: 'full' | 'short'): SheetData {
	return {
		name: name === 'full' ? handout.name : handout.shortName,
		clinicName: handout.clinicName,
		clinicContact: handout.clinicContact,
		language: handout.language,
		routineName: handout.routineName,
		session: handout.session ? { tier: handout.session.tier } : null,
		classDate: classDate(handout),
		exercises: handout.exercises
	};
}
