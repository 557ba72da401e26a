import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { rooms } from '../db/schema';
import type { CommandGates } from '../live/live-classes';
import type { SteadyIo } from '../realtime/io-types';
import { poolEndBlocked } from '../roster/headcount-gate';
import { poolStartRefusal } from './start-gate';

/**
 * A pool class starts only after its checklist and ends only when everyone is counted out. The
 * live service runs these inside the command's transaction, so the answer still holds when the
 * command is stored, whichever server took it. A gym class answers with one indexed read: the
 * checklists load the class's whole clipboard, which no gym start or end should wait for under
 * the room's lock.
 */
export function poolGates(io: SteadyIo): CommandGates {
	return {
		beforeStart: async (tx, live) =>
			(await isPoolRoom(tx, live.roomId))
				? poolStartRefusal(tx, io, live.clinicId, live.sessionId)
				: null,
		beforeEnd: async (tx, live) =>
			(await isPoolRoom(tx, live.roomId)) ? poolEndBlocked(tx, live.clinicId, live.sessionId) : null
	};
}

async function isPoolRoom(tx: Database, roomId: string): Promise<boolean> {
	const [room] = await tx.select({ kind: rooms.kind }).from(rooms).where(eq(rooms.id, roomId));
	return room?.kind === 'pool';
}
