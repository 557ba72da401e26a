import { and, eq, isNull } from 'drizzle-orm';
import { activeEntries } from '../../shared/clipboard';
import { headcountIn, poolStartProblem } from '../../shared/pool-start';
import type { Database } from '../db/client';
import { classSessions, displays } from '../db/schema';
import { connectedDisplayIds } from '../realtime/broadcast';
import { classClipboard } from '../roster/roster';
import type { Reason } from '../../shared/refusals';
import type { SteadyIo } from '../realtime/io-types';

/**
 * Why a pool class may not start yet, or null (always null for a gym class): the same checklist
 * the phone shows, checked again here because the phone's Start button is only a convenience.
 */
export async function poolStartRefusal(
	db: Database,
	io: SteadyIo,
	clinicId: string,
	sessionId: string
): Promise<Reason | null> {
	const clipboard = await classClipboard(db, clinicId, sessionId);
	if (!clipboard?.pool) return null;
	return poolStartProblem({
		poolCheckDone: clipboard.poolCheck !== null,
		displaysOnline: await displaysOnline(db, io, clinicId, sessionId),
		count: headcountIn(activeEntries(clipboard.entries), clipboard.roster)
	});
}

/** Paired displays of the class's room with a live socket now. */
async function displaysOnline(db: Database, io: SteadyIo, clinicId: string, sessionId: string) {
	const rows = await db
		.select({ id: displays.id })
		.from(displays)
		.innerJoin(classSessions, eq(classSessions.roomId, displays.roomId))
		.where(
			and(
				eq(classSessions.id, sessionId),
				eq(displays.clinicId, clinicId),
				isNull(displays.revokedAt)
			)
		);
	return (
		await connectedDisplayIds(
			io,
			rows.map((r) => r.id)
		)
	).size;
}
