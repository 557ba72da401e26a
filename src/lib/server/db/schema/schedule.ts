import { sql } from 'drizzle-orm';
import {
	check,
	date,
	index,
	integer,
	jsonb,
	boolean,
	numeric,
	pgEnum,
	pgTable,
	text,
	time,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import {
	CLASS_SESSION_STATUSES,
	CLASS_TYPES,
	ENROLLMENT_STATUSES,
	EXERTION_SCALES
} from '../../../shared/domain';
import type { VitalRule } from '../../../shared/rules';
import type { RoutinePlan } from '../../../shared/timeline';
import { clinicOwned, localeEnum, rooms, users } from './clinic';
import { routines, routineVersions } from './content';
import { participants } from './people';
import { timestampTz, createdAt, requiredRef, createdAndArchived } from './columns';

export const classTypeEnum = pgEnum('class_type', CLASS_TYPES);
export const exertionScaleEnum = pgEnum('exertion_scale', EXERTION_SCALES);
export const classSessionStatusEnum = pgEnum('class_session_status', CLASS_SESSION_STATUSES);
export const enrollmentStatusEnum = pgEnum('enrollment_status', ENROLLMENT_STATUSES);

/**
 * A clinic's class types: the three built-in ones (balance, core, aquatic: `builtin`, worded by the
 * catalog while `name` is null) and the coordinator's own. Each has a `kind`, the built-in type
 * whose rules it follows (an aquatic kind needs a pool, its checks and its staff ratio).
 */
export const classTypes = pgTable(
	'class_types',
	{
		...clinicOwned(),
		/** The coordinator's name; null for a built-in type not renamed (worded by the catalog). */
		name: text('name'),
		kind: classTypeEnum('kind').notNull(),
		builtin: boolean('builtin').notNull().default(false),
		...createdAndArchived()
	},
	(t) => [
		uniqueIndex('class_types_builtin_unique')
			.on(t.clinicId, t.kind)
			.where(sql`${t.builtin}`),
		uniqueIndex('class_types_name_unique')
			.on(t.clinicId, sql`lower(${t.name})`)
			.where(sql`${t.name} is not null and ${t.archivedAt} is null`),
		check('class_types_named', sql`${t.builtin} or ${t.name} is not null`)
	]
);

/** Who runs a class: the lead, and technicians assisting (they count towards a pool's ratio). */
const classStaff = () => ({
	leadUserId: uuid('lead_user_id').references(() => users.id),
	assistantUserIds: uuid('assistant_user_ids')
		.array()
		.notNull()
		.default(sql`'{}'::uuid[]`)
});

/** A weekly class: its sessions are expanded from an iCalendar RRULE in the clinic's zone. */
export const classSeries = pgTable('class_series', {
	...clinicOwned(),
	name: text('name').notNull(),
	/** The rules' basis: the kind of its class type. */
	type: classTypeEnum('type').notNull(),
	/** The clinic's class type it was scheduled as; null: the built-in type of `type`. */
	classTypeId: uuid('class_type_id').references(() => classTypes.id),
	roomId: requiredRef('room_id', () => rooms.id),
	routineId: requiredRef('routine_id', () => routines.id),
	...classStaff(),
	capacity: integer('capacity').notNull(),
	exertionScale: exertionScaleEnum('exertion_scale').notNull().default('borg_6_20'),
	/** What the wall display shows and says during this series' classes; null: the clinic's. */
	language: localeEnum('language'),
	/** e.g. FREQ=WEEKLY;BYDAY=MO,WE,FR */
	rrule: text('rrule').notNull(),
	startTime: time('start_time').notNull(),
	durationMinutes: integer('duration_minutes').notNull(),
	startsOn: date('starts_on', { mode: 'string' }).notNull(),
	endsOn: date('ends_on', { mode: 'string' }),
	...createdAndArchived()
});

/** One class on one day: what a technician starts and a display runs. */
export const classSessions = pgTable(
	'class_sessions',
	{
		...clinicOwned(),
		seriesId: uuid('series_id').references(() => classSeries.id),
		name: text('name').notNull(),
		type: classTypeEnum('type').notNull(),
		/** As on its series; null: the built-in type of `type`. */
		classTypeId: uuid('class_type_id').references(() => classTypes.id),
		roomId: requiredRef('room_id', () => rooms.id),
		/** The exact routine version this session runs (or ran). */
		routineVersionId: requiredRef('routine_version_id', () => routineVersions.id),
		...classStaff(),
		/**
		 * The series occurrence (local date) this session is, kept when the session is moved or
		 * cancelled so the series never makes it again. Null for a one-off session.
		 */
		occurrenceDate: date('occurrence_date', { mode: 'string' }),
		/** Why a single session was cancelled or moved (holidays), for the schedule to show. */
		changeReason: text('change_reason'),
		capacity: integer('capacity').notNull(),
		exertionScale: exertionScaleEnum('exertion_scale').notNull().default('borg_6_20'),
		startsAt: timestampTz('starts_at').notNull(),
		durationMinutes: integer('duration_minutes').notNull(),
		status: classSessionStatusEnum('status').notNull().default('scheduled'),
		/** The routine as it ran, frozen at start, so a restarted server replays the same class. */
		plan: jsonb('plan').$type<RoutinePlan>(),
		/** The shape of `plan` (and of the frozen `vital_rules`), checked when read. */
		planVersion: integer('plan_version').notNull().default(1),
		/**
		 * The clinic's vital-sign rules, frozen at start like the plan: a coordinator's change
		 * applies to classes started afterwards, never halfway through one.
		 */
		vitalRules: jsonb('vital_rules').$type<VitalRule[]>(),
		startedAt: timestampTz('started_at'),
		endedAt: timestampTz('ended_at'),
		/**
		 * Which run of the class counts: a coordinator's reopen (class_session_reopenings) moves it
		 * on, and only class_commands of this epoch drive the class; older ones stay for the record.
		 */
		logEpoch: integer('log_epoch').notNull().default(0),
		createdAt: createdAt()
	},
	(t) => [
		index('class_sessions_clinic_start_idx').on(t.clinicId, t.startsAt),
		index('class_sessions_room_start_idx').on(t.roomId, t.startsAt),
		uniqueIndex('class_sessions_occurrence_unique')
			.on(t.seriesId, t.occurrenceDate)
			.where(sql`${t.occurrenceDate} is not null`),
		// One live class per room, whatever the application gets wrong.
		uniqueIndex('class_sessions_one_live_per_room')
			.on(t.roomId)
			.where(sql`${t.status} = 'live'`),
		check('class_sessions_capacity_positive', sql`${t.capacity} between 1 and 100`)
	]
);

/**
 * A participant's place in a whole series or in one session. Waitlisted places keep their
 * order by `createdAt`.
 */
export const enrollments = pgTable(
	'enrollments',
	{
		...clinicOwned(),
		participantId: requiredRef('participant_id', () => participants.id),
		seriesId: uuid('series_id').references(() => classSeries.id),
		sessionId: uuid('session_id').references(() => classSessions.id),
		status: enrollmentStatusEnum('status').notNull().default('enrolled'),
		/**
		 * A coordinator's written reason for enrolling despite a refusal (double-booked, aquatic
		 * exclusion), kept with who gave it.
		 */
		overrideReason: text('override_reason'),
		overrideBy: uuid('override_by').references(() => users.id),
		/** Set when a waitlisted place was promoted automatically, so the coordinator sees it. */
		promotedAt: timestampTz('promoted_at'),
		createdAt: createdAt(),
		updatedAt: timestampTz('updated_at').notNull().defaultNow()
	},
	(t) => [
		check('enrollments_target', sql`(${t.seriesId} is null) <> (${t.sessionId} is null)`),
		uniqueIndex('enrollments_series_unique')
			.on(t.participantId, t.seriesId)
			.where(sql`${t.seriesId} is not null`),
		uniqueIndex('enrollments_session_unique')
			.on(t.participantId, t.sessionId)
			.where(sql`${t.sessionId} is not null`),
		// Outcomes report (issue 14): a test recorded on a participant's page counts for each
		// series they are enrolled in, a join by participant the partial indexes above cannot serve.
		index('enrollments_participant_idx').on(t.participantId, t.status)
	]
);

/**
 * The pool check before an aquatic class may start: water and chemistry against the clinic's
 * ranges, safety equipment, a rescuer on deck. Out-of-range values need a written reason.
 */
export const poolChecks = pgTable('pool_checks', {
	...clinicOwned(),
	sessionId: requiredRef('session_id', () => classSessions.id),
	waterTempC: numeric('water_temp_c', { precision: 4, scale: 1, mode: 'number' }).notNull(),
	freeChlorinePpm: numeric('free_chlorine_ppm', {
		precision: 4,
		scale: 2,
		mode: 'number'
	}).notNull(),
	ph: numeric('ph', { precision: 3, scale: 1, mode: 'number' }).notNull(),
	emergencyEquipmentChecked: boolean('emergency_equipment_checked').notNull(),
	rescuerPresent: boolean('rescuer_present').notNull(),
	overrideReason: text('override_reason'),
	userId: requiredRef('user_id', () => users.id),
	recordedAt: timestampTz('recorded_at').notNull().defaultNow()
});

/**
 * A class started by mistake (or ended too early), put back to scheduled by a coordinator: who,
 * when, why, and what it was. The reopened run's commands keep `epoch` in class_commands.
 */
export const classSessionReopenings = pgTable(
	'class_session_reopenings',
	{
		...clinicOwned(),
		sessionId: requiredRef('session_id', () => classSessions.id),
		userId: requiredRef('user_id', () => users.id),
		reason: text('reason').notNull(),
		/** The run that was set aside, and how far it had got. */
		epoch: integer('epoch').notNull(),
		previousStatus: classSessionStatusEnum('previous_status').notNull(),
		startedAt: timestampTz('started_at'),
		endedAt: timestampTz('ended_at'),
		createdAt: createdAt()
	},
	(t) => [index('class_session_reopenings_session_idx').on(t.sessionId)]
);
