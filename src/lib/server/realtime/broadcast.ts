import type { Presence, StaffLogEntry } from '../../shared/live';
import type { Database } from '../db/client';
import { refreshRoomDisplays } from '../displays/notify';
import type { LiveBroadcast, LiveClassService, LoadedClass } from '../live/live-classes';
import type { Logger } from '../log';
import { displaysOf, type SteadyIo } from './io-types';
import { classRoom, displayDevice, displayRoom } from './rooms';

/**
 * Sends what a committed change means to each audience: phones get the entry with who sent it,
 * displays the same entry without a name.
 */
export function createBroadcast(deps: {
	db: Database;
	io: SteadyIo;
	log: Logger;
	live: () => LiveClassService;
}): LiveBroadcast {
	const { io } = deps;
	return {
		command(live: LoadedClass, entry: StaffLogEntry) {
			io.to(classRoom(live.sessionId)).emit('class:applied', { sessionId: live.sessionId, entry });
			const { seq, at, command } = entry;
			displaysOf(io)
				.to(displayRoom(live.roomId))
				.emit('class:applied', { sessionId: live.sessionId, entry: { seq, at, command } });
		},
		changed(live: LoadedClass) {
			void refreshRoomDisplays({ db: deps.db, io, live: deps.live() }, live.roomId).catch(
				(error: unknown) => deps.log.error({ err: error }, 'display refresh failed')
			);
			io.to(classRoom(live.sessionId)).emit('class:changed', { sessionId: live.sessionId });
		}
	};
}

/** Who is connected to a class: phones by name, and how many displays watch its room. */
export async function presenceOf(io: SteadyIo, live: LoadedClass): Promise<Presence> {
	const phones = await io.in(classRoom(live.sessionId)).fetchSockets();
	const screens = await displaysOf(io).in(displayRoom(live.roomId)).fetchSockets();
	const displayIds = screens.flatMap((socket) => {
		const display = socket.data.display;
		return display ? [display.id] : [];
	});
	// A language and a yes or no per screen: what the phones need to say "no Spanish voice".
	const voices = screens.flatMap((socket) => {
		const { display, voice } = socket.data;
		return display && voice ? [{ displayId: display.id, ...voice }] : [];
	});
	return {
		sessionId: live.sessionId,
		phones: phones.map((socket) => ({
			id: socket.id,
			name: socket.data.user.name
		})),
		displays: screens.length,
		displayIds: [...new Set(displayIds)],
		voices
	};
}

/** Which of these displays have a socket open now, on any process of a cluster. */
export async function connectedDisplayIds(io: SteadyIo, ids: string[]): Promise<Set<string>> {
	if (ids.length === 0) return new Set();
	// One query for all of them, answered by every server of a cluster through the adapter.
	const sockets = await displaysOf(io).in(ids.map(displayDevice)).fetchSockets();
	const wanted = new Set(ids);
	return new Set(
		sockets.flatMap((socket) => {
			const id = socket.data.display?.id;
			return id && wanted.has(id) ? [id] : [];
		})
	);
}
