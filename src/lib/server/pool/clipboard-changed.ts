import { runtime } from '../../../../server/registry.js';
import { classRoom } from '../realtime/rooms';

/**
 * Something on the class's clipboard changed outside a socket handler (a pool check recorded
 * through a form post): the class's phones fetch it again. Staff sockets only.
 */
export function clipboardChanged(sessionId: string): void {
	runtime().io?.to(classRoom(sessionId)).emit('roster:changed', { sessionId });
}
