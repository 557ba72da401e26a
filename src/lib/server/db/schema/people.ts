import { date, index, jsonb, pgEnum, pgTable, text } from 'drizzle-orm/pg-core';
import { ASSISTIVE_DEVICES, type AquaticScreening } from '../../../shared/domain';
import { NORM_SEXES } from '../../../shared/outcomes';
import { clinicOwned, localeEnum } from './clinic';
import { createdAndArchived } from './columns';

export const assistiveDeviceEnum = pgEnum('assistive_device', ASSISTIVE_DEVICES);
export const normSexEnum = pgEnum('norm_sex', NORM_SEXES);

/**
 * A patient who joins classes. Everything here except the display name is PHI: it reaches
 * signed-in staff of the same clinic only, never a wall display or a log line.
 */
export const participants = pgTable(
	'participants',
	{
		...clinicOwned(),
		firstName: text('first_name').notNull(),
		lastName: text('last_name').notNull(),
		/** First name + last initial by default; the only name a shared screen may show. */
		displayName: text('display_name').notNull(),
		dateOfBirth: date('date_of_birth', { mode: 'string' }).notNull(),
		/** Only for the outcome tests' norms (STEADI chair stand cut-offs differ by sex). */
		sex: normSexEnum('sex').notNull().default('not_recorded'),
		precautions: text('precautions').notNull().default(''),
		assistiveDevice: assistiveDeviceEnum('assistive_device').notNull().default('none'),
		aquaticScreening: jsonb('aquatic_screening')
			.$type<AquaticScreening>()
			.notNull()
			.default({ screenedOn: null, exclusions: [], precautions: [] }),
		goals: text('goals').notNull().default(''),
		emergencyContact: text('emergency_contact').notNull().default(''),
		/** The language of this person's handouts; null: the clinic's. */
		preferredLanguage: localeEnum('preferred_language'),
		...createdAndArchived()
	},
	(t) => [index('participants_clinic_idx').on(t.clinicId, t.lastName)]
);
