import { sql } from 'drizzle-orm';
import {
	check,
	index,
	integer,
	jsonb,
	pgTable,
	text,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import type { EntryPayload } from '../../../shared/entries';
import type { Finding } from '../../../shared/rules';
import { clinicIdColumn, users } from './clinic';
import { participants } from './people';
import { classSessions } from './schedule';
import { timestampTz, requiredRef } from './columns';

/**
 * What technicians record about participants in a class: append-only. The id is made on the
 * phone, so a retried send hits the primary key and is recognised instead of stored twice. An
 * edit or deletion is a new row that supersedes an earlier one; nothing is updated in place.
 */
export const participantEntries = pgTable(
	'participant_entries',
	{
		id: uuid('id').primaryKey(),
		clinicId: clinicIdColumn(),
		/**
		 * The class it was recorded in. Null only for an outcome test recorded on the participant's
		 * page, about no class (the check below holds every other kind to a class).
		 */
		sessionId: uuid('session_id').references(() => classSessions.id),
		/** Null for an entry about the whole class (the pool headcount-out). */
		participantId: uuid('participant_id').references(() => participants.id),
		kind: text('kind').$type<EntryPayload['kind']>().notNull(),
		payload: jsonb('payload').$type<EntryPayload>().notNull(),
		/** The shape of `payload` and of `findings` (db/stored-json.ts checks them when read). */
		payloadVersion: integer('payload_version').notNull().default(1),
		findingsVersion: integer('findings_version').notNull().default(1),
		supersedes: uuid('supersedes'),
		/** When the technician recorded it (the phone's corrected clock). */
		recordedAt: timestampTz('recorded_at', 3).notNull(),
		/** When the server committed it. */
		receivedAt: timestampTz('received_at', 3).notNull().defaultNow(),
		userId: requiredRef('user_id', () => users.id),
		deviceId: text('device_id').notNull(),
		/** Where the class was when it was recorded: block index and seconds into it. */
		blockIndex: integer('block_index'),
		blockSecond: integer('block_second'),
		/** The clinic's rules applied to it when it was recorded (WARN / HOLD / STOP). */
		findings: jsonb('findings')
			.$type<Finding[]>()
			.notNull()
			.default(sql`'[]'::jsonb`)
	},
	(t) => [
		index('participant_entries_session_idx').on(t.sessionId, t.participantId),
		index('participant_entries_supersedes_idx').on(t.supersedes),
		// Exports and reports read a participant's or a clinic's entries by date.
		index('participant_entries_participant_time_idx').on(t.participantId, t.recordedAt),
		index('participant_entries_clinic_time_idx').on(t.clinicId, t.recordedAt),
		// Reports (issue 14). The attendance, tolerance and outcomes reports read each class's
		// entries of one kind; the clinic is in the index too, or PGlite (no statistics) ANDs in
		// the clinic-wide index above and reads the whole clinic once per class.
		index('participant_entries_session_kind_idx').on(t.sessionId, t.kind, t.clinicId),
		// The safety report counts adverse events and entries with findings only: a few hundred
		// a year among a hundred thousand. Its query repeats this condition to use it.
		index('participant_entries_safety_idx')
			.on(t.sessionId, t.clinicId)
			.where(sql`${t.kind} = 'adverse_event' or ${t.findings} <> '[]'::jsonb`),
		// A clinic's entries of one kind by date: the outcomes report's tests recorded on a
		// participant's page (no class), the safety report's last serious adverse event.
		index('participant_entries_clinic_kind_time_idx').on(t.clinicId, t.kind, t.recordedAt),
		check(
			'participant_entries_in_a_class',
			sql`${t.sessionId} is not null or ${t.kind} = 'outcome_test'`
		)
	]
);

/** What staff can do about a STOP or HOLD alert on their phones. */
export const ALERT_ACTIONS = ['seen', 'sit_out', 'recheck', 'stop_class'] as const;
export type AlertAction = (typeof ALERT_ACTIONS)[number];

/**
 * Who saw an alert and who acted on it. An alert is the entry whose findings raised it; each
 * phone that showed it writes 'seen' once, and each action is a row of its own. The id is made
 * on the phone, so a retried send is recognised instead of stored twice.
 */
export const classAlertActions = pgTable(
	'class_alert_actions',
	{
		id: uuid('id').primaryKey(),
		clinicId: clinicIdColumn(),
		sessionId: requiredRef('session_id', () => classSessions.id),
		entryId: requiredRef('entry_id', () => participantEntries.id),
		userId: requiredRef('user_id', () => users.id),
		action: text('action').$type<AlertAction>().notNull(),
		at: timestampTz('at', 3).notNull().defaultNow()
	},
	(t) => [
		index('class_alert_actions_session_idx').on(t.sessionId, t.entryId),
		uniqueIndex('class_alert_actions_seen_once')
			.on(t.entryId, t.userId)
			.where(sql`${t.action} = 'seen'`),
		check(
			'class_alert_actions_action',
			sql`${t.action} in ('seen', 'sit_out', 'recheck', 'stop_class')`
		)
	]
);
