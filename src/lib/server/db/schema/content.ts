import type { ExerciseTranslations } from '../../../shared/exercise-translations';
import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	integer,
	jsonb,
	pgEnum,
	pgTable,
	text,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { BLOCK_KINDS, EXERCISE_CATEGORIES, PHASES, WATER_DEPTHS } from '../../../shared/domain';
import type { Dosing, SupportTierCues } from '../../../shared/dosing';
import { clinicOwned, users } from './clinic';
import { id, createdAt, requiredRef, createdAndArchived } from './columns';

export const exerciseCategoryEnum = pgEnum('exercise_category', EXERCISE_CATEGORIES);
export const waterDepthEnum = pgEnum('water_depth', WATER_DEPTHS);
export const phaseEnum = pgEnum('phase', PHASES);
export const blockKindEnum = pgEnum('block_kind', BLOCK_KINDS);

export const exercises = pgTable(
	'exercises',
	{
		...clinicOwned(),
		name: text('name').notNull(),
		/** Short enough to read on the wall from across the room. */
		displayCue: text('display_cue').notNull(),
		/** For staff only: what to watch, how to progress. */
		technicianNotes: text('technician_notes').notNull().default(''),
		/**
		 * The name, cue and notes in other languages, by locale; the columns above are English.
		 * What a language lacks is shown in English (marked so on staff pages).
		 */
		translations: jsonb('translations').$type<ExerciseTranslations>().notNull().default({}),
		category: exerciseCategoryEnum('category').notNull(),
		dosing: jsonb('dosing').$type<Dosing>().notNull(),
		supportTiers: jsonb('support_tiers').$type<SupportTierCues>().notNull().default({}),
		equipment: text('equipment')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		waterDepth: waterDepthEnum('water_depth'),
		contraindications: text('contraindications')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		/**
		 * An optional picture or short looping video the display shows beside the cue: a file
		 * name inside DATA_DIR/media (never a path from the user) and its checked MIME type.
		 */
		mediaFile: text('media_file'),
		mediaType: text('media_type'),
		/** Where the exercise comes from (Otago, STEADI, Halliwick ...), shown to staff. */
		source: text('source').notNull().default(''),
		...createdAndArchived()
	},
	(t) => [uniqueIndex('exercises_clinic_name_unique').on(t.clinicId, t.name)]
);

export const routines = pgTable(
	'routines',
	{
		...clinicOwned(),
		name: text('name').notNull(),
		description: text('description').notNull().default(''),
		...createdAndArchived()
	},
	(t) => [uniqueIndex('routines_clinic_name_unique').on(t.clinicId, t.name)]
);

/**
 * A routine's blocks are frozen per version: a class keeps the version it ran even after the
 * coordinator edits the routine.
 */
export const routineVersions = pgTable(
	'routine_versions',
	{
		id: id(),
		routineId: requiredRef('routine_id', () => routines.id),
		version: integer('version').notNull(),
		/**
		 * "Get ready" seconds before each exercise that follows another (0: none). The plan puts
		 * them in; coordinators no longer add transition blocks by hand.
		 */
		transitionSeconds: integer('transition_seconds').notNull().default(0),
		/** Every reps block waits for Done instead of moving on at its planned time. */
		waitForDone: boolean('wait_for_done').notNull().default(false),
		createdBy: uuid('created_by').references(() => users.id),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('routine_versions_unique').on(t.routineId, t.version),
		check('routine_versions_transition_range', sql`${t.transitionSeconds} between 0 and 120`)
	]
);

export const routineBlocks = pgTable(
	'routine_blocks',
	{
		id: id(),
		routineVersionId: requiredRef('routine_version_id', () => routineVersions.id, {
			onDelete: 'cascade'
		}),
		position: integer('position').notNull(),
		phase: phaseEnum('phase').notNull(),
		kind: blockKindEnum('kind').notNull(),
		exerciseId: uuid('exercise_id').references(() => exercises.id),
		/** Overrides the exercise's default dosing for this block only. */
		dosing: jsonb('dosing').$type<Dosing>(),
		/** Length of a rest or transition block. */
		seconds: integer('seconds'),
		label: text('label').notNull().default('')
	},
	(t) => [
		uniqueIndex('routine_blocks_position_unique').on(t.routineVersionId, t.position),
		check(
			'routine_blocks_shape',
			sql`(${t.kind} = 'exercise' and ${t.exerciseId} is not null)
				or (${t.kind} <> 'exercise' and ${t.seconds} between 1 and 3600)`
		)
	]
);
