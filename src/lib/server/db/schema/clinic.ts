import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	index,
	integer,
	jsonb,
	numeric,
	pgEnum,
	pgTable,
	text,
	uniqueIndex
} from 'drizzle-orm/pg-core';
import { LOCALES } from '../../../i18n/locales';
import { ROLES, ROOM_KINDS, type ExertionScale } from '../../../shared/domain';
import type { PoolRanges } from '../../../shared/pool';
import type { RuleSetting } from '../../../shared/rule-settings';
import { id, timestampTz, createdAt, requiredRef, createdAndArchived } from './columns';

/** A language Steady speaks (i18n/locales.ts); a new one is `ALTER TYPE locale ADD VALUE`. */
export const localeEnum = pgEnum('locale', LOCALES);

/** A site. Every room, user, participant and class belongs to exactly one. */
export const clinics = pgTable('clinics', {
	id: id(),
	name: text('name').notNull(),
	/** IANA zone: "today" and class times are read in the clinic's own time. */
	timeZone: text('time_zone').notNull(),
	/**
	 * The coordinator's thresholds, actions and on/off for the vital-sign rules (RuleSetting);
	 * null means the shipped defaults (clinical.md §2). Wording and sources stay in the code.
	 */
	vitalRules: jsonb('vital_rules').$type<RuleSetting[]>(),
	/** Pool water and chemistry ranges; null = the shipped defaults (clinical.md section 4). */
	poolRanges: jsonb('pool_ranges').$type<PoolRanges>(),
	defaultExertionScale: text('default_exertion_scale')
		.$type<ExertionScale>()
		.notNull()
		.default('borg_6_20'),
	/**
	 * When a class may be started: this many minutes before to this many after its scheduled
	 * start, and only on its own day in the clinic's zone (a class next week cannot be run now).
	 */
	startWindowBeforeMinutes: integer('start_window_before_minutes').notNull().default(60),
	startWindowAfterMinutes: integer('start_window_after_minutes').notNull().default(60),
	/** Entries are taken for a class this many hours after it ended, then it is closed. */
	documentationWindowHours: integer('documentation_window_hours').notNull().default(72),
	/** The language of the clinic's displays and classes, unless a class series says otherwise. */
	language: localeEnum('language').notNull().default('en'),
	/** Class notes need a supervising therapist's co-signature as well as the lead's signature. */
	requireCosign: boolean('require_cosign').notNull().default(false),
	/** How participants reach the clinic (phone, address): printed on every handout. */
	contact: text('contact').notNull().default(''),
	createdAt: createdAt()
});

/** Every row belongs to one clinic; no query crosses clinics. */
export const clinicIdColumn = () => requiredRef('clinic_id', () => clinics.id);

/** The first columns of a table a clinic owns: the row's own id and its clinic's. */
export const clinicOwned = () => ({ id: id(), clinicId: clinicIdColumn() });

export const roleEnum = pgEnum('role', ROLES);

export const users = pgTable(
	'users',
	{
		...clinicOwned(),
		email: text('email').notNull(),
		name: text('name').notNull(),
		role: roleEnum('role').notNull(),
		/** Printed after the name where this person signs a note, e.g. "PTA" or "DPT". */
		credentials: text('credentials').notNull().default(''),
		/** The language of this person's pages; null: their browser's (Accept-Language). */
		language: localeEnum('language'),
		passwordHash: text('password_hash').notNull(),
		createdAt: createdAt(),
		disabledAt: timestampTz('disabled_at')
	},
	(t) => [uniqueIndex('users_email_unique').on(sql`lower(${t.email})`)]
);

/** A signed-in browser. Only the SHA-256 of the cookie's token is stored. */
export const sessions = pgTable(
	'sessions',
	{
		tokenHash: text('token_hash').primaryKey(),
		userId: requiredRef('user_id', () => users.id, { onDelete: 'cascade' }),
		createdAt: createdAt(),
		/** Absolute end, fixed at sign-in. */
		expiresAt: timestampTz('expires_at').notNull(),
		/** Idle expiry counts from here. */
		lastSeenAt: timestampTz('last_seen_at').notNull().defaultNow()
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

/**
 * Counters of rate-limiter-flexible's Drizzle store: failed sign-ins per email or address,
 * wrong pairing codes per address. Keys are prefixed by what they limit.
 */
export const rateLimits = pgTable('rate_limits', {
	key: text('key').primaryKey(),
	points: integer('points').notNull().default(0),
	expire: timestampTz('expire')
});

export const roomKindEnum = pgEnum('room_kind', ROOM_KINDS);

export const rooms = pgTable(
	'rooms',
	{
		...clinicOwned(),
		name: text('name').notNull(),
		kind: roomKindEnum('kind').notNull(),
		capacity: integer('capacity').notNull(),
		/** Pools only: the water temperature the room is run at. */
		waterTempMinC: numeric('water_temp_min_c', { precision: 4, scale: 1, mode: 'number' }),
		waterTempMaxC: numeric('water_temp_max_c', { precision: 4, scale: 1, mode: 'number' }),
		/** Pools only: at most this many participants per staff member in the water. */
		participantsPerStaff: integer('participants_per_staff'),
		/** Displays in this room speak each exercise's name (browser speech synthesis). */
		speakExerciseNames: boolean('speak_exercise_names').notNull().default(true),
		/**
		 * A clicker or keyboard on a paired display may run the class (pause, next, back, a long
		 * press to stop). Off until a coordinator allows it for the room.
		 */
		displayControls: boolean('display_controls').notNull().default(false),
		...createdAndArchived()
	},
	(t) => [
		uniqueIndex('rooms_clinic_name_unique').on(t.clinicId, t.name),
		check('rooms_capacity_positive', sql`${t.capacity} between 1 and 100`)
	]
);

/** Every change to a clinic's settings: who, when, what it was and what it became. */
export const clinicSettingChanges = pgTable(
	'clinic_setting_changes',
	{
		...clinicOwned(),
		userId: requiredRef('user_id', () => users.id),
		setting: text('setting').notNull(),
		before: jsonb('before'),
		after: jsonb('after'),
		createdAt: createdAt()
	},
	(t) => [index('clinic_setting_changes_clinic_idx').on(t.clinicId, t.createdAt)]
);
