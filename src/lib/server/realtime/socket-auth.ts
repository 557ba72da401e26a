import { parse } from 'cookie';
import type { Socket } from 'socket.io';
import { SESSION_COOKIE, validateSession, type StaffUser } from '../auth/session';
import type { App } from '../app';

export type SocketData = { user: StaffUser };

/**
 * SvelteKit hooks never see socket traffic, so sockets are authenticated here from the same
 * session cookie, by the same validateSession that hooks.server.ts uses.
 */
export async function authenticateSocket(app: App, socket: Socket): Promise<void> {
	const cookies = parse(socket.handshake.headers.cookie ?? '');
	const session = await validateSession(app.db, cookies[SESSION_COOKIE]);
	if (!session) {
		const error = new Error('Not signed in: sign in again to connect') as Error & {
			data?: unknown;
		};
		error.data = { code: 'unauthenticated' };
		throw error;
	}
	(socket.data as SocketData).user = session.user;
}
