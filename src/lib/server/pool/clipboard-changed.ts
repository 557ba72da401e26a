import type { SteadyIo } from '../realtime/io-types';
import { classRoom } from '../realtime/rooms';

/**
 * Something on the class's clipboard changed outside a socket handler (a pool check recorded
 * through a form post): the class's phones fetch it again. Staff sockets only.
 */
export function clipboardChanged(io: SteadyIo, sessionId: string): void {
	io.to(classRoom(sessionId)).emit('roster:changed', { sessionId });
}
