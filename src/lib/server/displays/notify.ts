import { and, eq } from 'drizzle-orm';
import { runtime } from '../../../../server/registry.js';
import { normalizePairingCode } from '../../shared/pairing-code';
import type { Database } from '../db/client';
import { classSessions } from '../db/schema';
import type { LiveClassService } from '../live/live-classes';
import { connectedDisplayIds } from '../realtime/broadcast';
import { classRoom, displayDevice, displayRoom, pairingRoom } from '../realtime/rooms';
import type { DisplayIdentity } from './pairing';
import { displaySnapshot } from './snapshot';

/** Tells the display showing `code` that it was paired, so it collects its token. */
export function notifyPaired(code: string): void {
	const normalized = normalizePairingCode(code);
	runtime()
		.io?.of('/display')
		.to(pairingRoom(normalized))
		.emit('pairing:paired', { code: normalized });
}

/** A removed display forgets its token and goes back to showing a pairing code. */
export function notifyRevoked(displayId: string): void {
	const room = runtime().io?.of('/display').to(displayDevice(displayId));
	room?.emit('display:revoked', {});
	room?.disconnectSockets(true);
}

/**
 * Each display in the room gets a fresh snapshot of its own (settings and names differ per
 * display): after a class starts or ends, a display is renamed, or the room's clicker setting
 * changes.
 */
export async function refreshRoomDisplays(
	deps: { db: Database; live: LiveClassService },
	roomId: string
): Promise<void> {
	const io = runtime().io;
	if (!io) return;
	const sockets = await io.of('/display').in(displayRoom(roomId)).fetchSockets();
	for (const socket of sockets) {
		const display = (socket.data as { display?: DisplayIdentity | null }).display;
		if (!display) continue;
		const snapshot = await displaySnapshot(deps.db, deps.live, display);
		if (snapshot) socket.emit('display:snapshot', snapshot);
	}
}

/** Which of these displays have a socket open now (on any process, with an adapter). */
export async function onlineDisplays(ids: string[]): Promise<Set<string>> {
	const io = runtime().io;
	return io ? connectedDisplayIds(io, ids) : new Set();
}

/**
 * A room's settings changed (its clicker setting, a display's name): its displays get fresh
 * snapshots, and the phones in its running class load the class again, so the display panel
 * shows what the wall now does.
 */
export async function roomChanged(
	deps: { db: Database; live: LiveClassService },
	roomId: string
): Promise<void> {
	await refreshRoomDisplays(deps, roomId);
	const io = runtime().io;
	if (!io) return;
	const running = await deps.db
		.select({ id: classSessions.id })
		.from(classSessions)
		.where(and(eq(classSessions.roomId, roomId), eq(classSessions.status, 'live')));
	for (const { id } of running) io.to(classRoom(id)).emit('class:changed', { sessionId: id });
}
