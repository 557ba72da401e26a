import { parse } from 'cookie';
import type { Socket } from 'socket.io';
import {
	SESSION_COOKIE,
	validateSession,
	type StaffUser,
	type ValidSession
} from '../auth/session';
import type { App } from '../app';
import { clientAddressOf } from './client-address';
import type { DisplaySocketData } from './display';

/**
 * The token stays with the socket so every event can check the session is still alive; the
 * session's own times tell when to look again (staff-session.ts).
 */
export type SocketData = {
	user: StaffUser;
	sessionToken: string;
	session: ValidSession;
	/** Set once the session ended: the socket is on its way out and answers nothing more. */
	ended?: boolean;
};

/** A person has a phone, a tablet and a few tabs; more sockets than this is someone scripting. */
export const MAX_SOCKETS_PER_USER = 20;
/** A clinic has a handful of screens being paired at once; more from one address is a flood. */
export const MAX_UNPAIRED_DISPLAYS_PER_ADDRESS = 20;

function refusal(message: string, code: string): Error {
	const error = new Error(message) as Error & { data?: unknown };
	error.data = { code };
	return error;
}

/**
 * SvelteKit hooks never see socket traffic, so staff sockets are authenticated here from the
 * same session cookie, by the same validateSession that hooks.server.ts uses.
 */
export async function authenticateSocket(app: App, socket: Socket): Promise<void> {
	try {
		if (socket.nsp.name === '/display') return await authenticateDisplay(app, socket);
		return await authenticateStaff(app, socket);
	} catch (error) {
		if ((error as { data?: unknown }).data) throw error;
		// A database hiccup: log it here, tell the client only that it may try again.
		app.log.error({ err: error }, 'socket authentication failed');
		throw refusal('Could not check the sign-in; trying again', 'unavailable');
	}
}

async function authenticateStaff(app: App, socket: Socket): Promise<void> {
	const cookies = parse(socket.handshake.headers.cookie ?? '');
	const session = await validateSession(app.db, cookies[SESSION_COOKIE]);
	if (!session) throw refusal('Not signed in: sign in again to connect', 'unauthenticated');
	const open = [...socket.nsp.sockets.values()].filter(
		(other) => (other.data as SocketData).user?.id === session.user.id
	);
	if (open.length >= MAX_SOCKETS_PER_USER) {
		throw refusal('Too many open connections for this account; close some tabs', 'busy');
	}
	const data = socket.data as SocketData;
	data.user = session.user;
	data.sessionToken = cookies[SESSION_COOKIE]!;
	data.session = session;
}

/**
 * Displays carry a device token, never a staff login. Without one the socket may only pair; with
 * a revoked or unknown one it is refused so the display forgets it and shows a pairing code.
 */
async function authenticateDisplay(app: App, socket: Socket): Promise<void> {
	const token = (socket.handshake.auth as { token?: unknown }).token;
	const data = socket.data as DisplaySocketData;
	if (token === undefined || token === null || token === '') {
		const address = clientAddressOf(socket);
		const unpaired = [...socket.nsp.sockets.values()].filter(
			(other) =>
				(other.data as DisplaySocketData).display === null && clientAddressOf(other) === address
		);
		if (unpaired.length >= MAX_UNPAIRED_DISPLAYS_PER_ADDRESS) {
			throw refusal('Too many displays waiting to pair from this address', 'busy');
		}
		data.display = null;
		return;
	}
	const display = typeof token === 'string' ? await app.pairing.identify(token) : null;
	if (!display) throw refusal('This display was removed: pair it again', 'unpaired');
	data.display = display;
}
