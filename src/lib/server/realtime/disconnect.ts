import type { Socket } from 'socket.io';
import { runtime } from '../../../../server/registry.js';
import type { SocketData } from './socket-auth';

/**
 * Ends a staff socket whose session is over. It leaves its class rooms at once, so not one more
 * colleague's note reaches it, is told why, and is cut after the current acknowledgement (if
 * any) has gone out.
 */
export function endStaffSocket(socket: Socket, reason: string): void {
	const data = socket.data as SocketData;
	if (data.ended) return;
	data.ended = true;
	for (const room of socket.rooms) if (room !== socket.id) void socket.leave(room);
	socket.emit('session:ended', { reason });
	setTimeout(() => socket.disconnect(true), 0);
}

function staffSockets(): Socket[] {
	const io = runtime().io;
	return io ? [...io.of('/').sockets.values()] : [];
}

/** Sign-out ends the session's sockets too: a phone left open stops controlling classes. */
export async function disconnectSession(token: string): Promise<void> {
	for (const socket of staffSockets()) {
		if ((socket.data as SocketData).sessionToken === token) endStaffSocket(socket, 'Signed out');
	}
}

/** A disabled account loses every open socket, on every phone, at once. */
export function disconnectUser(userId: string, reason: string): void {
	for (const socket of staffSockets()) {
		if ((socket.data as SocketData).user?.id === userId) endStaffSocket(socket, reason);
	}
}
