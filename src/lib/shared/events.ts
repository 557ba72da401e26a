import { z } from 'zod';
import { LOCALES } from '../i18n/locales';
import type { Role } from './domain';
import type {
	ControlSnapshot,
	DisplaySettings,
	DisplaySnapshot,
	Presence,
	StaffLogEntry
} from './live';
import { alertActSchema, type AlertActionView } from './alerts';
import { DISPLAY_COMMANDS } from './displays';
import { entrySchema } from './entries';
import type { ClassClipboard, ParticipantMatch, StoredEntry } from './roster';
import type { Refusal } from './refusals';
import type { Finding } from './rules';
import type { LogEntry } from './timeline';

/**
 * Every socket event, typed for both ends, with the schema that guards its payload.
 * The server parses every inbound payload before anything else; a client never trusts a frame.
 * A request (client to server, answered) and a broadcast (server to clients) never share a name:
 * requests are verbs (`class:command`), broadcasts say what happened (`class:applied`).
 */

/**
 * A refusal carries a code and parameters (shared/refusals.ts), never words: the page chooses
 * them. `retry`: the refusal is passing, so an outbox keeps the entry and sends it later.
 */
export type AckResult<T> = ({ ok: true } & T) | Refusal;
export type Ack<T = object> = (result: AckResult<T>) => void;

const id = z.uuid('refusal.problem.not-an-id');

export const commandSchema = z.discriminatedUnion('type', [
	z.object({ type: z.literal('start') }).strict(),
	z.object({ type: z.literal('pause') }).strict(),
	z.object({ type: z.literal('resume') }).strict(),
	z.object({ type: z.literal('next') }).strict(),
	z.object({ type: z.literal('back') }).strict(),
	z.object({ type: z.literal('done') }).strict(),
	z
		.object({
			type: z.literal('extend'),
			seconds: z
				.number('refusal.extend-out-of-range')
				.int('refusal.extend-out-of-range')
				.min(-600, 'refusal.extend-out-of-range')
				.max(600, 'refusal.extend-out-of-range')
				.refine((s) => s !== 0, 'refusal.extend-out-of-range')
		})
		.strict(),
	z.object({ type: z.literal('jump'), blockIndex: z.number().int().min(0).max(500) }).strict(),
	z.object({ type: z.literal('end') }).strict(),
	z.object({ type: z.literal('stop') }).strict()
]);

const clockPing = z.object({ t0: z.number().finite() }).strict();
const logSince = z.object({ sessionId: id, afterSeq: z.number().int().min(0) }).strict();

/** Staff phones and pages, on the default namespace. */
export const staffEventSchemas = {
	'session:whoami': z.object({}).strict(),
	'clock:ping': clockPing,
	'class:join': z.object({ sessionId: id }).strict(),
	'class:leave': z.object({ sessionId: id }).strict(),
	'class:command': z
		.object({
			sessionId: id,
			/** Made by the phone; a retry with the same id is answered, not applied again. */
			clientCommandId: id,
			/** Increases with every command this socket sends: replays and reorderings are refused. */
			clientSeq: z.number().int().min(1),
			command: commandSchema
		})
		.strict(),
	'class:log-since': logSince,
	'display:settings': z
		.object({
			displayId: id,
			volume: z.number().int().min(0).max(100).optional(),
			muted: z.boolean().optional()
		})
		.strict(),
	'room:speech': z.object({ roomId: id, enabled: z.boolean() }).strict(),
	/** Flash a display's name on its screen, so staff know which TV is which. */
	'display:identify': z.object({ displayId: id }).strict(),
	/** A participant entry from a phone's outbox; acknowledged only after commit. */
	'entry:record': entrySchema,
	/** The roster and every entry so far: a phone catching up after being offline. */
	'class:clipboard': z.object({ sessionId: id }).strict(),
	'roster:search': z.object({ query: z.string().trim().min(2).max(60) }).strict(),
	'roster:walk-in': z.object({ sessionId: id, participantId: id }).strict(),
	/** Seen, recheck or stop class on an alert (sit out is an entry: `entry:record`). */
	'alert:act': alertActSchema
} as const;

/** Wall displays, on the /display namespace. */
export const displayEventSchemas = {
	'clock:ping': clockPing,
	'pairing:request': z.object({}).strict(),
	'pairing:claim': z
		.object({ code: z.string().min(1).max(20), secret: z.string().min(1).max(100) })
		.strict(),
	'display:hello': z.object({}).strict(),
	'class:log-since': logSince,
	/**
	 * Whether this screen's browser can speak the language it shows: the phones say so when it
	 * cannot (the names are then shown, not spoken). A language and a yes or no, nothing else.
	 */
	'display:voice': z.object({ locale: z.enum(LOCALES), hasVoice: z.boolean() }).strict(),
	/**
	 * A clicker or keyboard on the display runs the class, where the room allows it: the same
	 * idempotent id and ordering as a phone's command, and only the commands a clicker may give.
	 */
	'display:command': z
		.object({
			sessionId: id,
			clientCommandId: id,
			clientSeq: z.number().int().min(1),
			command: z.object({ type: z.enum(DISPLAY_COMMANDS) }).strict()
		})
		.strict()
} as const;

export type StaffEventName = keyof typeof staffEventSchemas;
export type DisplayEventName = keyof typeof displayEventSchemas;
export type StaffPayload<E extends StaffEventName> = z.infer<(typeof staffEventSchemas)[E]>;
export type DisplayPayload<E extends DisplayEventName> = z.infer<(typeof displayEventSchemas)[E]>;

/** Why a staff socket's session ended: signed out (on any device), expired, account disabled. */
export type SessionEndReason = 'signed-out' | 'expired' | 'disabled';

export type WhoAmI = { user: { name: string; role: Role }; clinicName: string };
export type ClockPong = { t0: number; t1: number; t2: number };

/** What each acknowledged event answers with. */
export type StaffAcks = {
	'session:whoami': WhoAmI;
	'clock:ping': ClockPong;
	'class:join': { snapshot: ControlSnapshot };
	'class:leave': object;
	'class:command': { seq: number; duplicate: boolean };
	'class:log-since': { entries: StaffLogEntry[] };
	'display:settings': object;
	'room:speech': object;
	'display:identify': object;
	'entry:record': { duplicate: boolean; findings: Finding[]; at: StoredEntry['at'] };
	'class:clipboard': { clipboard: ClassClipboard };
	'roster:search': { participants: ParticipantMatch[] };
	'roster:walk-in': object;
	'alert:act': { action: AlertActionView; duplicate: boolean };
};

export type DisplayAcks = {
	'clock:ping': ClockPong;
	'pairing:request': { code: string; secret: string; expiresAt: string; pairUrl: string };
	'pairing:claim': { token: string };
	'display:hello': { snapshot: DisplaySnapshot };
	'class:log-since': { entries: LogEntry[] };
	'display:voice': object;
	'display:command': { seq: number; duplicate: boolean };
};

export type StaffClientEvents = {
	[E in StaffEventName]: (payload: StaffPayload<E>, ack: Ack<StaffAcks[E]>) => void;
};
export type DisplayClientEvents = {
	[E in DisplayEventName]: (payload: DisplayPayload<E>, ack: Ack<DisplayAcks[E]>) => void;
};

export type StaffServerEvents = {
	/** A command was stored: every phone in the class applies it. */
	'class:applied': (payload: { sessionId: string; entry: StaffLogEntry }) => void;
	'class:presence': (payload: Presence) => void;
	'class:changed': (payload: { sessionId: string }) => void;
	/** Another technician's entry in this class (staff only: never sent to displays). */
	'entry:recorded': (payload: StoredEntry) => void;
	/** Someone acted on an alert (staff only: never sent to displays). */
	'alert:acted': (payload: { sessionId: string; action: AlertActionView }) => void;
	/** Someone joined the class's list (a walk-in): phones fetch the roster again. */
	'roster:changed': (payload: { sessionId: string }) => void;
	/** The server ended this socket's session (sign-out elsewhere, expiry). */
	'session:ended': (payload: { reason: SessionEndReason }) => void;
};

export type DisplayServerEvents = {
	'pairing:paired': (payload: { code: string }) => void;
	'display:snapshot': (payload: DisplaySnapshot) => void;
	'display:settings-changed': (payload: DisplaySettings) => void;
	'display:revoked': (payload: object) => void;
	/** A phone asked this display to show its name for a few seconds. */
	'display:show-name': (payload: { name: string }) => void;
	/** A command was stored: the display applies it (without the sender's name). */
	'class:applied': (payload: { sessionId: string; entry: LogEntry }) => void;
};

/** Processes of a cluster talk through the adapter only: no events of their own. */
export type InterServerEvents = Record<string, never>;

/**
 * The compiler holds the rule above: a name on both sides of one namespace fails to build here.
 * (`never` when they are apart; the assertion below needs exactly that.)
 */
type Shared<A, B> = Extract<keyof A, keyof B>;
const requestsAndBroadcastsApart: [
	Shared<StaffClientEvents, StaffServerEvents>,
	Shared<DisplayClientEvents, DisplayServerEvents>
] extends [never, never]
	? true
	: false = true;
void requestsAndBroadcastsApart;

/** Reasons the server refuses a connection, in `connect_error`'s `data.code`. */
export const CONNECT_ERROR_CODES = [
	'starting',
	'unauthenticated',
	'unpaired',
	'unavailable',
	/** Too many connections from this account or address: try again later. */
	'busy'
] as const;
export type ConnectErrorCode = (typeof CONNECT_ERROR_CODES)[number];
