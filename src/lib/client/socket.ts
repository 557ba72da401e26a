import { io, type Socket } from 'socket.io-client';
import type { AckResult, ClockPong, ConnectErrorCode } from '../shared/events';
import { ClockSync } from './clock-sync';

/**
 * One socket per page, connected explicitly (autoConnect off) once listeners are in place.
 * Websocket first for low latency; polling stays as a fallback for picky networks.
 */
export function createSocket<S, C>(
	namespace: '/' | '/display',
	options: { auth?: (cb: (data: object) => void) => void } = {}
): Socket<S & Record<string, never>, C & Record<string, never>> {
	return io(namespace === '/' ? '/' : '/display', {
		autoConnect: false,
		transports: ['websocket', 'polling'],
		reconnectionDelay: 500,
		reconnectionDelayMax: 4000,
		timeout: 8000,
		...options
	}) as never;
}

/** socket.io does not retry after a middleware refusal: this does, after a pause. */
export function retryAfterRefusal(socket: Socket, delayMs = 2000): () => void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const onError = () => {
		if (socket.active) return; // socket.io is already retrying by itself
		clearTimeout(timer);
		timer = setTimeout(() => socket.connect(), delayMs);
	};
	socket.on('connect_error', onError);
	return () => {
		clearTimeout(timer);
		socket.off('connect_error', onError);
	};
}

/**
 * Emits and waits for the acknowledgement; null when none came in time (the caller decides
 * whether that means "offline"). Typed by the event maps of the socket it is given.
 */
export async function ask<Result>(
	socket: Socket,
	event: string,
	payload: unknown,
	timeoutMs = 5000
): Promise<Result | null> {
	try {
		return (await socket.timeout(timeoutMs).emitWithAck(event, payload)) as Result;
	} catch {
		return null;
	}
}

/** The reason code the server attached to a refused connection, if any. */
export function refusalCode(error: Error): ConnectErrorCode | undefined {
	return (error as Error & { data?: { code?: ConnectErrorCode } }).data?.code;
}

/** A clock synced against the server over this socket's `clock:ping`. */
export function clockOver(socket: Socket): ClockSync {
	return new ClockSync(async (t0) => {
		const pong = await ask<AckResult<ClockPong>>(socket, 'clock:ping', { t0 });
		return pong?.ok ? pong : null;
	});
}
