import { and, eq } from 'drizzle-orm';
import { normalizePairingCode } from '../../shared/pairing-code';
import type { Database } from '../db/client';
import { classSessions } from '../db/schema';
import type { LiveClassService } from '../live/live-classes';
import { displaysOf, type SteadyIo } from '../realtime/io-types';
import { classRoom, displayDevice, displayRoom, pairingRoom } from '../realtime/rooms';
import { displaySnapshot } from './snapshot';

/** What sending to displays needs: the app has all three. */
type Deps = { db: Database; io: SteadyIo; live: LiveClassService };

/** Tells the display showing `code` that it was paired, so it collects its token. */
export function notifyPaired(io: SteadyIo, code: string): void {
	const normalized = normalizePairingCode(code);
	displaysOf(io).to(pairingRoom(normalized)).emit('pairing:paired', { code: normalized });
}

/** A removed display forgets its token and goes back to showing a pairing code. */
export function notifyRevoked(io: SteadyIo, displayId: string): void {
	const device = displaysOf(io).to(displayDevice(displayId));
	device.emit('display:revoked', {});
	device.disconnectSockets(true);
}

/**
 * Each display in the room gets a fresh snapshot of its own (settings and names differ per
 * display): after a class starts or ends, a display is renamed, or the room's clicker setting
 * changes.
 */
export async function refreshRoomDisplays(deps: Deps, roomId: string): Promise<void> {
	const sockets = await displaysOf(deps.io).in(displayRoom(roomId)).fetchSockets();
	for (const socket of sockets) {
		const display = socket.data.display;
		if (!display) continue;
		const snapshot = await displaySnapshot(deps.db, deps.live, display);
		if (snapshot) socket.emit('display:snapshot', snapshot);
	}
}

/**
 * A room's settings changed (its clicker setting, a display's name): its displays get fresh
 * snapshots, and the phones in its running class load the class again, so the display panel
 * shows what the wall now does.
 */
export async function roomChanged(deps: Deps, roomId: string): Promise<void> {
	await refreshRoomDisplays(deps, roomId);
	const running = await deps.db
		.select({ id: classSessions.id })
		.from(classSessions)
		.where(and(eq(classSessions.roomId, roomId), eq(classSessions.status, 'live')));
	for (const { id } of running) deps.io.to(classRoom(id)).emit('class:changed', { sessionId: id });
}
