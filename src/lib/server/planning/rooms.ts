import { and, count, eq, gt, ne } from 'drizzle-orm';
import type { Problem, Problems } from '../../i18n/problem';
import type { RoomForm } from '../../shared/planning/forms';
import type { Database } from '../db/client';
import { SETTINGS } from '../../shared/clinic-settings';
import { classSeries, classSessions, clinicSettingChanges, rooms } from '../db/schema';
import { activeInClinic } from './clinic-scope';

/** `notFound`: the room is not one of this clinic's (or is archived): nothing was written. */
export type SaveRoomResult =
	{ ok: true; id: string } | { ok: false; problems: Problems; notFound?: true };

const UNIQUE_VIOLATION = '23505';

function isUniqueViolation(error: unknown): boolean {
	const cause = (error as { cause?: { code?: string } })?.cause;
	return (
		(error as { code?: string })?.code === UNIQUE_VIOLATION || cause?.code === UNIQUE_VIOLATION
	);
}

/**
 * Creates (roomId null) or changes a room of the clinic (the route has parsed the form). A changed
 * pool staff ratio is a clinic rule: it is audited as in Settings (`userId` says who).
 */
export async function saveRoom(
	db: Database,
	clinicId: string,
	roomId: string | null,
	room: RoomForm,
	userId?: string
): Promise<SaveRoomResult> {
	const values = {
		name: room.name,
		kind: room.kind,
		capacity: room.capacity,
		waterTempMinC: room.waterTempMinC ?? null,
		waterTempMaxC: room.waterTempMaxC ?? null,
		participantsPerStaff: room.participantsPerStaff ?? null,
		displayControls: room.displayControls
	};
	try {
		if (!roomId) {
			const [created] = await db
				.insert(rooms)
				.values({ ...values, clinicId })
				.returning({ id: rooms.id });
			return { ok: true, id: created!.id };
		}
		return await db.transaction(async (tx) => {
			const [before] = await tx
				.select({
					name: rooms.name,
					ratio: rooms.participantsPerStaff,
					controls: rooms.displayControls
				})
				.from(rooms)
				.where(activeInClinic(rooms, clinicId, roomId))
				.for('update');
			if (!before) {
				return { ok: false, problems: { form: { code: 'rooms.not-found' } }, notFound: true };
			}
			await tx.update(rooms).set(values).where(eq(rooms.id, roomId));
			// The pool's staff ratio, and who let a clicker run classes in this room (and when), are
			// audited like the clinic's rules.
			const audited = [
				{ setting: SETTINGS.staffRatios, from: before.ratio, to: values.participantsPerStaff },
				{ setting: SETTINGS.displayControls, from: before.controls, to: values.displayControls }
			];
			for (const { setting, from, to } of audited) {
				if (!userId || from === to) continue;
				await tx.insert(clinicSettingChanges).values({
					clinicId,
					userId,
					setting,
					before: { [values.name]: from },
					after: { [values.name]: to }
				});
			}
			return { ok: true as const, id: roomId };
		});
	} catch (error) {
		if (isUniqueViolation(error)) {
			return { ok: false, problems: { name: { code: 'rooms.name-taken' } } };
		}
		throw error;
	}
}

/**
 * Archives a room no class needs any more: refused while an active series meets there or a
 * session still to come is booked in it, so nothing is left without a room.
 */
export async function archiveRoom(
	db: Database,
	clinicId: string,
	roomId: string,
	now = new Date()
): Promise<{ ok: true } | { ok: false; problem: Problem; notFound?: true }> {
	const [series] = await db
		.select({ n: count() })
		.from(classSeries)
		.where(and(eq(classSeries.roomId, roomId), activeInClinic(classSeries, clinicId)));
	const [sessions] = await db
		.select({ n: count() })
		.from(classSessions)
		.where(
			and(
				eq(classSessions.roomId, roomId),
				eq(classSessions.clinicId, clinicId),
				ne(classSessions.status, 'cancelled'),
				ne(classSessions.status, 'completed'),
				gt(classSessions.startsAt, now)
			)
		);
	if (series!.n > 0 || sessions!.n > 0) {
		return {
			ok: false,
			problem: { code: 'rooms.in-use', params: { series: series!.n, sessions: sessions!.n } }
		};
	}
	const archived = await db
		.update(rooms)
		.set({ archivedAt: now })
		.where(activeInClinic(rooms, clinicId, roomId))
		.returning({ id: rooms.id });
	return archived.length
		? { ok: true }
		: { ok: false, problem: { code: 'rooms.not-found' }, notFound: true };
}
