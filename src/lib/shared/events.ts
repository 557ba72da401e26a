import { z } from 'zod';
import type { Role } from './domain';

/**
 * Every socket event, typed for both ends, with the schema that guards its payload.
 * The server parses every inbound payload before anything else; a client never trusts a frame.
 */

export type AckResult<T> = ({ ok: true } & T) | { ok: false; error: string };
export type Ack<T = object> = (result: AckResult<T>) => void;

export const clientEventSchemas = {
	/** Who does the server think this socket is? */
	'session:whoami': z.object({}).strict()
} as const;

export type ClientEventName = keyof typeof clientEventSchemas;

export type WhoAmI = { user: { name: string; role: Role }; clinicName: string };

export type ClientToServerEvents = {
	'session:whoami': (
		payload: z.infer<(typeof clientEventSchemas)['session:whoami']>,
		ack: Ack<WhoAmI>
	) => void;
};

export type ServerToClientEvents = {
	/** The server ended this socket's session (sign-out elsewhere, expiry). */
	'session:ended': (payload: { reason: string }) => void;
};

/** Reasons the server refuses a connection, in `connect_error`'s `data.code`. */
export const CONNECT_ERROR_CODES = ['starting', 'unauthenticated'] as const;
export type ConnectErrorCode = (typeof CONNECT_ERROR_CODES)[number];
