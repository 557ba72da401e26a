import { and, asc, desc, eq, gt, or } from 'drizzle-orm';
import type { DisplaySnapshot } from '../../shared/live';
import type { Database } from '../db/client';
import { classSeries, classSessions, clinics, displays, rooms } from '../db/schema';
import { LiveClassService } from '../live/live-classes';
import type { DisplayIdentity } from './pairing';

/** How long a display keeps the "Class complete" screen before going back to idle. */
export const COMPLETE_SCREEN_MS = 60_000;

/**
 * Everything a paired display shows, and nothing else: room, settings, the next class's name
 * and time, and the live class's plan and command log without who sent what.
 */
export async function displaySnapshot(
	db: Database,
	live: LiveClassService,
	display: DisplayIdentity,
	now = new Date()
): Promise<DisplaySnapshot | null> {
	const [row] = await db
		.select({
			roomName: rooms.name,
			roomKind: rooms.kind,
			speakExerciseNames: rooms.speakExerciseNames,
			controls: rooms.displayControls,
			name: displays.name,
			volume: displays.volume,
			muted: displays.muted,
			clinicLanguage: clinics.language
		})
		.from(displays)
		.innerJoin(rooms, eq(rooms.id, displays.roomId))
		.innerJoin(clinics, eq(clinics.id, displays.clinicId))
		.where(eq(displays.id, display.id));
	if (!row) return null;

	const recentCutoff = new Date(now.getTime() - COMPLETE_SCREEN_MS);
	const [current] = await db
		.select({ id: classSessions.id, language: classSeries.language })
		.from(classSessions)
		.leftJoin(classSeries, eq(classSeries.id, classSessions.seriesId))
		.where(
			and(
				eq(classSessions.roomId, display.roomId),
				or(
					eq(classSessions.status, 'live'),
					and(eq(classSessions.status, 'completed'), gt(classSessions.endedAt, recentCutoff))
				)
			)
		)
		.orderBy(desc(classSessions.startedAt))
		.limit(1);
	const loaded = current ? await live.get(current.id, display.clinicId) : null;

	const [next] = await db
		.select({
			name: classSessions.name,
			startsAt: classSessions.startsAt,
			language: classSeries.language
		})
		.from(classSessions)
		.leftJoin(classSeries, eq(classSeries.id, classSessions.seriesId))
		.where(
			and(
				eq(classSessions.roomId, display.roomId),
				eq(classSessions.status, 'scheduled'),
				gt(classSessions.startsAt, now)
			)
		)
		.orderBy(asc(classSessions.startsAt))
		.limit(1);

	return {
		room: { id: display.roomId, name: row.roomName, kind: row.roomKind },
		settings: { volume: row.volume, muted: row.muted, speakExerciseNames: row.speakExerciseNames },
		nextClass: next ? { name: next.name, startsAt: next.startsAt.toISOString() } : null,
		display: { name: row.name, controls: row.controls },
		live: loaded
			? LiveClassService.view(loaded, ({ seq, at, command }) => ({ seq, at, command }))
			: null,
		language: (current ? current.language : next?.language) ?? row.clinicLanguage,
		serverTime: Date.now()
	};
}
