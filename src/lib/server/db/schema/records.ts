import { sql } from 'drizzle-orm';
import {
	check,
	index,
	integer,
	jsonb,
	pgTable,
	pgView,
	text,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { clinicIdColumn, clinicOwned, users } from './clinic';
import { timestampTz, createdAt, requiredRef } from './columns';
import { participants } from './people';
import { classSessions } from './schedule';
import { participantEntries } from './entries';

/**
 * A class turned into its record (issue 13): one note per attending participant, drafted when the
 * class ends, reviewed and signed by the lead, co-signed by a therapist where the clinic asks for
 * it, amended only by addenda kept beside the original.
 */

export const NOTE_STATES = ['open', 'signed', 'amended'] as const;
export type NoteState = (typeof NOTE_STATES)[number];

export const classNotes = pgTable(
	'class_notes',
	{
		...clinicOwned(),
		sessionId: requiredRef('session_id', () => classSessions.id),
		participantId: requiredRef('participant_id', () => participants.id),
		state: text('state').$type<NoteState>().notNull().default('open'),
		/** What Steady drafted from the class (NoteDraft); its shape is `draft_version`. */
		draft: jsonb('draft').notNull(),
		draftVersion: integer('draft_version').notNull().default(1),
		draftedAt: timestampTz('drafted_at', 3).notNull().defaultNow(),
		/** The lead's own words: response, cues, link to goals, plan for the next visit. */
		response: text('response').notNull().default(''),
		cues: text('cues').notNull().default(''),
		goals: text('goals').notNull().default(''),
		plan: text('plan').notNull().default(''),
		updatedAt: timestampTz('updated_at', 3).notNull().defaultNow(),
		updatedBy: uuid('updated_by').references(() => users.id),
		/** Name and credentials as they were at signing: a later rename does not change a record. */
		signedBy: uuid('signed_by').references(() => users.id),
		signedAt: timestampTz('signed_at', 3),
		signerName: text('signer_name'),
		signerCredentials: text('signer_credentials'),
		cosignedBy: uuid('cosigned_by').references(() => users.id),
		cosignedAt: timestampTz('cosigned_at', 3),
		cosignerName: text('cosigner_name'),
		cosignerCredentials: text('cosigner_credentials')
	},
	(t) => [
		uniqueIndex('class_notes_session_participant_unique').on(t.sessionId, t.participantId),
		index('class_notes_participant_idx').on(t.participantId),
		index('class_notes_unsigned_idx').on(t.clinicId, t.state, t.draftedAt),
		check('class_notes_state', sql`${t.state} in ('open', 'signed', 'amended')`),
		check('class_notes_signed_has_signer', sql`(${t.state} = 'open') = (${t.signedAt} is null)`)
	]
);

/** A change after signing: kept beside the note, never written into it. */
export const classNoteAddenda = pgTable(
	'class_note_addenda',
	{
		...clinicOwned(),
		noteId: requiredRef('note_id', () => classNotes.id),
		text: text('text').notNull(),
		userId: requiredRef('user_id', () => users.id),
		authorName: text('author_name').notNull(),
		authorCredentials: text('author_credentials').notNull().default(''),
		at: createdAt()
	},
	(t) => [index('class_note_addenda_note_idx').on(t.noteId, t.at)]
);

/** An identifier of a participant in another system (MRN, EHR id), for FHIR Patient.identifier. */
export const IDENTIFIER_KINDS = ['mrn', 'ehr'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

export const participantIdentifiers = pgTable(
	'participant_identifiers',
	{
		...clinicOwned(),
		participantId: requiredRef('participant_id', () => participants.id),
		kind: text('kind').$type<IdentifierKind>().notNull(),
		/** The issuing system, a URI (FHIR Identifier.system). */
		system: text('system').notNull(),
		value: text('value').notNull(),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('participant_identifiers_unique').on(t.clinicId, t.system, t.value),
		index('participant_identifiers_participant_idx').on(t.participantId),
		check('participant_identifiers_kind', sql`${t.kind} in ('mrn', 'ehr')`)
	]
);

/** What the audit log records about a record. */
export const AUDIT_ACTIONS = [
	'viewed',
	'created',
	'changed',
	'signed',
	'cosigned',
	'amended',
	'exported',
	'link_created',
	'link_opened',
	'link_revoked'
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_SUBJECTS = [
	'note',
	'entry',
	'participant',
	'session',
	'export',
	'handout'
] as const;
export type AuditSubject = (typeof AUDIT_SUBJECTS)[number];

/**
 * Who viewed, created, changed, signed, amended and exported what, when, from which device.
 * Append-only. `detail` holds ids, counts and ranges, never clinical text or names (no PHI).
 */
export const recordAudit = pgTable(
	'record_audit',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		clinicId: clinicIdColumn(),
		at: timestampTz('at', 3).notNull().defaultNow(),
		/** Null for an opening of a handout link, which needs no account. */
		userId: uuid('user_id').references(() => users.id),
		/** The phone's device id, or a short description of the browser. */
		device: text('device').notNull().default(''),
		action: text('action').$type<AuditAction>().notNull(),
		subject: text('subject').$type<AuditSubject>().notNull(),
		participantId: uuid('participant_id').references(() => participants.id),
		sessionId: uuid('session_id').references(() => classSessions.id),
		/** The note, entry or link acted on, when there is one. */
		subjectId: uuid('subject_id'),
		detail: jsonb('detail')
			.notNull()
			.default(sql`'{}'::jsonb`)
	},
	(t) => [
		index('record_audit_participant_idx').on(t.clinicId, t.participantId, t.at),
		index('record_audit_session_idx').on(t.clinicId, t.sessionId, t.at),
		check(
			'record_audit_action',
			sql`${t.action} in ('viewed', 'created', 'changed', 'signed', 'cosigned', 'amended', 'exported', 'link_created', 'link_opened', 'link_revoked')`
		)
	]
);

/**
 * A handout handed over in class: a QR code opens it for 7 days without an account. Only the
 * SHA-256 of the link's token is stored; a coordinator or technician may revoke it.
 */
export const handoutLinks = pgTable(
	'handout_links',
	{
		...clinicOwned(),
		participantId: requiredRef('participant_id', () => participants.id),
		/** The class it was handed over in, if any: its exercises and tiers are the handout's. */
		sessionId: uuid('session_id').references(() => classSessions.id),
		tokenHash: text('token_hash').notNull(),
		createdBy: requiredRef('created_by', () => users.id),
		createdAt: createdAt(),
		expiresAt: timestampTz('expires_at').notNull(),
		revokedAt: timestampTz('revoked_at'),
		revokedBy: uuid('revoked_by').references(() => users.id)
	},
	(t) => [
		uniqueIndex('handout_links_token_unique').on(t.tokenHash),
		index('handout_links_participant_idx').on(t.participantId)
	]
);

/**
 * The entries that still count: not superseded by a later edit or retraction, and not
 * themselves a retraction. Notes, exports and reports read this, not the raw log. The
 * supersedes index makes the NOT EXISTS an index probe.
 */
export const currentEntries = pgView('current_participant_entries').as((qb) =>
	qb
		.select()
		.from(participantEntries)
		.where(
			sql`${participantEntries.kind} <> 'retraction' and not exists (select 1 from participant_entries later where later.supersedes = ${participantEntries.id})`
		)
);
