import type { SessionEndReason } from '../../shared/events';
import type { SteadyIo, StaffSocket } from './io-types';
import { sessionRoom, userRoom } from './rooms';

/**
 * Ends a staff socket of this process whose session is over. It leaves its class rooms at once,
 * so not one more colleague's note reaches it, is told why, and is cut after the current
 * acknowledgement (if any) has gone out.
 */
export function endStaffSocket(socket: StaffSocket, reason: SessionEndReason): void {
	if (socket.data.ended) return;
	socket.data.ended = true;
	for (const room of socket.rooms) if (room !== socket.id) void socket.leave(room);
	socket.emit('session:ended', { reason });
	setTimeout(() => socket.disconnect(true), 0);
}

/**
 * Every socket in `room`, on whichever process holds it: told why, then cut (the adapter keeps
 * the two in order). A cut socket leaves all its rooms at once.
 */
function endSocketsIn(io: SteadyIo, room: string, reason: SessionEndReason): void {
	io.in(room).emit('session:ended', { reason });
	io.in(room).disconnectSockets(true);
}

/** Sign-out ends the session's sockets too: a phone left open stops controlling classes. */
export function disconnectSession(io: SteadyIo, token: string): void {
	endSocketsIn(io, sessionRoom(token), 'signed-out');
}

/** A disabled account loses every open socket, on every phone, at once. */
export function disconnectUser(io: SteadyIo, userId: string): void {
	endSocketsIn(io, userRoom(userId), 'disabled');
}
