import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';

/**
 * The first key of Steady's room locks, so they never meet another application's advisory locks
 * on a shared PostgreSQL server ("STDY" in ASCII).
 */
const ROOM_LOCK_SPACE = 0x53544459;

/**
 * Takes the room's lock until the transaction ends. Every command for any class of the room
 * runs under it, in whichever process receives it: PostgreSQL, not process memory, decides the
 * order of a class's log and that only one class of a room is live at a time.
 */
export async function lockRoom(tx: Database, roomId: string): Promise<void> {
	await tx.execute(sql`select pg_advisory_xact_lock(${ROOM_LOCK_SPACE}, hashtext(${roomId}))`);
}

/** A unique index refused the insert: another process got there first (a lock was missed). */
export function isUniqueViolation(error: unknown): boolean {
	for (let cause = error; cause && typeof cause === 'object'; cause = (cause as Error).cause) {
		if ((cause as { code?: unknown }).code === '23505') return true;
	}
	return false;
}
