import type { Server } from 'socket.io';
import type { Presence, StaffLogEntry } from '../../shared/live';
import { runtime } from '../../../../server/registry.js';
import type { Database } from '../db/client';
import { displaySnapshot } from '../displays/snapshot';
import type { LiveBroadcast, LiveClassService, LoadedClass } from '../live/live-classes';
import type { Logger } from '../log';
import type { SocketData } from './socket-auth';
import { classRoom, displayDevice, displayRoom } from './rooms';

/**
 * Sends what a committed change means to each audience: phones get the entry with who sent it,
 * displays the same entry without a name.
 */
export function createBroadcast(deps: {
	db: Database;
	log: Logger;
	live: () => LiveClassService;
}): LiveBroadcast {
	const io = (): Server | undefined => runtime().io;
	return {
		command(live: LoadedClass, entry: StaffLogEntry) {
			const server = io();
			if (!server) return;
			server
				.to(classRoom(live.sessionId))
				.emit('class:command', { sessionId: live.sessionId, entry });
			const { seq, at, command } = entry;
			server
				.of('/display')
				.to(displayRoom(live.roomId))
				.emit('class:command', { sessionId: live.sessionId, entry: { seq, at, command } });
		},
		changed(live: LoadedClass) {
			void refreshDisplays(live.roomId).catch((error: unknown) =>
				deps.log.error({ err: error }, 'display refresh failed')
			);
			io()?.to(classRoom(live.sessionId)).emit('class:changed', { sessionId: live.sessionId });
		}
	};

	/** Each display in the room gets its own snapshot (settings differ per display). */
	async function refreshDisplays(roomId: string) {
		const server = io();
		if (!server) return;
		const sockets = await server.of('/display').in(displayRoom(roomId)).fetchSockets();
		for (const socket of sockets) {
			const display = (
				socket.data as { display?: { id: string; clinicId: string; roomId: string } }
			).display;
			if (!display) continue;
			const snapshot = await displaySnapshot(deps.db, deps.live(), display);
			if (snapshot) socket.emit('display:snapshot', snapshot);
		}
	}
}

/** Who is connected to a class: phones by name, and how many displays watch its room. */
export async function presenceOf(io: Server, live: LoadedClass): Promise<Presence> {
	const phones = await io.in(classRoom(live.sessionId)).fetchSockets();
	const screens = await io.of('/display').in(displayRoom(live.roomId)).fetchSockets();
	return {
		sessionId: live.sessionId,
		phones: phones.map((socket) => ({
			id: socket.id,
			name: (socket.data as SocketData).user.name
		})),
		displays: screens.length
	};
}

export async function connectedDisplayIds(io: Server, ids: string[]): Promise<Set<string>> {
	const connected = new Set<string>();
	for (const id of ids) {
		if ((await io.of('/display').in(displayDevice(id)).fetchSockets()).length) connected.add(id);
	}
	return connected;
}
