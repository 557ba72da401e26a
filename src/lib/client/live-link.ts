import type { Socket } from 'socket.io-client';
import type { AckResult, ConnectErrorCode } from '../shared/events';
import type { ClockSync } from './clock-sync';
import { ask, refusalCode } from './socket';

/** The payload a client event sends, as its event map types it. */
type PayloadOf<F> = F extends (payload: infer P, ...rest: never[]) => void ? P : never;

/** `ask` on one socket, typed by its client events (C) and their answers (A). */
export type Asker<C, A> = <E extends keyof C & keyof A & string>(
	event: E,
	payload: PayloadOf<C[E]>,
	timeoutMs?: number
) => Promise<AckResult<A[E]> | null>;

export function askerFor<C, A>(socket: Socket): Asker<C, A> {
	return (event, payload, timeoutMs = 5000) => ask(socket, event, payload, timeoutMs);
}

/** What a live socket's owner (a phone's class control, a wall display) shows of its link. */
type Link = { online: boolean; readonly clock: ClockSync };

/**
 * Keeps `online` in step with the socket and syncs the clock on every (re)connect; the owner
 * says what else each event means to it (join the class, greet the server, forget a token).
 */
export function followConnection(
	socket: Socket,
	link: Link,
	on: {
		connected: () => void;
		refused: (code: ConnectErrorCode | undefined) => void;
		disconnected?: (reason: Socket.DisconnectReason) => void;
	}
): void {
	socket.on('connect', () => {
		link.online = true;
		link.clock.start();
		on.connected();
	});
	socket.on('disconnect', (reason) => {
		link.online = false;
		on.disconnected?.(reason);
	});
	socket.on('connect_error', (error) => {
		link.online = false;
		on.refused(refusalCode(error));
	});
}

/** Ends a live socket for good: its clock, its timers, its listeners and the connection. */
export function closeLink(socket: Socket, clock: ClockSync, cleanups: (() => void)[]): void {
	clock.stop();
	for (const cleanup of cleanups) cleanup();
	socket.removeAllListeners();
	socket.disconnect();
}
