import { runtime } from '../../../../server/registry.js';
import type { SocketData } from './socket-auth';

/** Sign-out ends the session's sockets too: a phone left open stops controlling classes. */
export async function disconnectSession(token: string): Promise<void> {
	const io = runtime().io;
	if (!io) return;
	for (const socket of await io.fetchSockets()) {
		if ((socket.data as SocketData).sessionToken === token) {
			socket.emit('session:ended', { reason: 'Signed out' });
			socket.disconnect(true);
		}
	}
}
