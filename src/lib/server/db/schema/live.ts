import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	index,
	integer,
	jsonb,
	pgTable,
	text,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import type { Command } from '../../../shared/timeline';
import { clinicOwned, rooms, users } from './clinic';
import { classSessions } from './schedule';
import { timestampTz, requiredRef } from './columns';

/**
 * A wall display or pool TV bound to one room. It holds a long-lived device token (only its
 * SHA-256 is stored here), never a staff login.
 */
export const displays = pgTable(
	'displays',
	{
		...clinicOwned(),
		roomId: requiredRef('room_id', () => rooms.id),
		/** What staff call it ("Gym A left TV"); shown on phones and flashed by Identify. */
		name: text('name').notNull().default(''),
		tokenHash: text('token_hash').notNull(),
		pairedBy: uuid('paired_by').references(() => users.id),
		pairedAt: timestampTz('paired_at').notNull().defaultNow(),
		lastSeenAt: timestampTz('last_seen_at'),
		revokedAt: timestampTz('revoked_at'),
		volume: integer('volume').notNull().default(80),
		muted: boolean('muted').notNull().default(false)
	},
	(t) => [
		uniqueIndex('displays_token_unique').on(t.tokenHash),
		check('displays_volume_range', sql`${t.volume} between 0 and 100`)
	]
);

/**
 * A code an unpaired display shows. The display proves it is the one that asked with a secret
 * only it knows; the device token waits here (at most 10 minutes) until that display collects it.
 */
export const pairingCodes = pgTable('pairing_codes', {
	code: text('code').primaryKey(),
	claimSecretHash: text('claim_secret_hash').notNull(),
	expiresAt: timestampTz('expires_at').notNull(),
	displayId: uuid('display_id').references(() => displays.id, { onDelete: 'cascade' }),
	deviceToken: text('device_token')
});

/**
 * A live class is this append-only log: every command with its per-class sequence number,
 * written before anyone hears of it. The state of the class is computed from it.
 */
export const classCommands = pgTable(
	'class_commands',
	{
		...clinicOwned(),
		sessionId: requiredRef('session_id', () => classSessions.id),
		/** The run of the class (class_sessions.log_epoch when written); seq restarts in each. */
		epoch: integer('epoch').notNull().default(0),
		seq: integer('seq').notNull(),
		at: timestampTz('at', 3).notNull(),
		command: jsonb('command').$type<Command>().notNull(),
		/** The shape of `command`, checked when read. */
		commandVersion: integer('command_version').notNull().default(1),
		/** Who gave it: a signed-in staff member, or a paired display's clicker (never both). */
		userId: uuid('user_id').references(() => users.id),
		displayId: uuid('display_id').references(() => displays.id),
		/** Made by the phone: a retried command is recognised, never applied twice. */
		clientCommandId: uuid('client_command_id').notNull()
	},
	(t) => [
		uniqueIndex('class_commands_seq_unique').on(t.sessionId, t.epoch, t.seq),
		uniqueIndex('class_commands_client_id_unique').on(t.clientCommandId),
		index('class_commands_session_idx').on(t.sessionId),
		check('class_commands_one_actor', sql`(${t.userId} is null) <> (${t.displayId} is null)`)
	]
);
