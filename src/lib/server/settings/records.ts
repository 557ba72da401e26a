import { z } from 'zod';
import { problemsOf } from '../../i18n/problem';
import { RECORD_CONTACT_MAX, SETTINGS } from '../../shared/clinic-settings';
import type { Database } from '../db/client';
import { clinics } from '../db/schema';
import { clinicColumns, replaceClinicSetting, settingSaver } from './clinic-setting';

/**
 * The clinic's record settings (Settings → Records), audited like the others: whether a signed
 * class note also needs a therapist's co-signature, and the contact a handout prints.
 */
export type RecordSettings = { requireCosign: boolean; contact: string };

export const recordSettingsSchema = z.object({
	// A checkbox: present ("on") when ticked, absent otherwise.
	requireCosign: z.enum(['on', '']).transform((value) => value === 'on'),
	contact: z
		.string()
		.trim()
		.max(RECORD_CONTACT_MAX, 'records.settings.contact-too-long')
		// One line of printable text: no tabs, line breaks or other control characters.
		.refine(
			(text) => [...text].every((c) => c >= ' ' && c !== '\u007f'),
			'records.settings.contact-one-line'
		)
});

const columns = { requireCosign: clinics.requireCosign, contact: clinics.contact };

export async function clinicRecordSettings(
	db: Database,
	clinicId: string
): Promise<RecordSettings> {
	const row = await clinicColumns(db, clinicId, columns);
	if (!row) throw new Error(`No clinic ${clinicId}`);
	return row;
}

export const saveRecordSettings = settingSaver(
	recordSettingsSchema,
	problemsOf,
	(db, clinicId, userId, next: RecordSettings) =>
		replaceClinicSetting(db, clinicId, userId, {
			setting: SETTINGS.records,
			columns,
			unchanged: (stored) =>
				stored.requireCosign === next.requireCosign && stored.contact === next.contact,
			set: { requireCosign: next.requireCosign, contact: next.contact },
			before: (stored) => stored,
			after: next
		})
);
