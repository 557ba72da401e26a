import { and, eq, isNull, ne } from 'drizzle-orm';
import { problemsOf, type Problem } from '../../i18n/problem';
import { displayNameSchema, suggestDisplayName } from '../../shared/displays';
import type { Database } from '../db/client';
import { displays, rooms } from '../db/schema';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
export type NameResult = { ok: true; name: string } | { ok: false; problem: Problem };

/** The names of the room's paired displays (removed ones free their names). */
async function namesInRoom(db: Database | Tx, roomId: string, except?: string) {
	const rows = await db
		.select({ name: displays.name })
		.from(displays)
		.where(
			and(
				eq(displays.roomId, roomId),
				isNull(displays.revokedAt),
				except ? ne(displays.id, except) : undefined
			)
		);
	return rows.map((row) => row.name);
}

/** The name the pairing form offers for each room: "<room> TV" and the first free number. */
export async function suggestedNames(
	db: Database,
	roomList: { id: string; name: string }[]
): Promise<Map<string, string>> {
	const suggestions = new Map<string, string>();
	for (const room of roomList) {
		suggestions.set(room.id, suggestDisplayName(room.name, await namesInRoom(db, room.id)));
	}
	return suggestions;
}

/**
 * The name a display gets in `roomId`: the one typed (checked, and unique in the room,
 * ignoring case) or, left blank, the suggestion. Runs inside the caller's transaction after
 * the room row is locked, so two phones pairing at once cannot take the same name.
 */
export async function chooseName(
	tx: Tx,
	roomId: string,
	typed: string | undefined,
	except?: string
): Promise<NameResult> {
	const [room] = await tx
		.select({ name: rooms.name })
		.from(rooms)
		.where(eq(rooms.id, roomId))
		.for('update');
	if (!room) return { ok: false, problem: { code: 'pair.room-not-in-clinic' } };
	const taken = await namesInRoom(tx, roomId, except);
	if (typed === undefined || typed.trim() === '') {
		return { ok: true, name: suggestDisplayName(room.name, taken) };
	}
	const parsed = displayNameSchema.safeParse(typed);
	if (!parsed.success) return { ok: false, problem: Object.values(problemsOf(parsed.error))[0]! };
	const name = parsed.data;
	if (taken.some((other) => other.toLowerCase() === name.toLowerCase())) {
		return {
			ok: false,
			problem: { code: 'displays.name-taken', params: { room: room.name, name } }
		};
	}
	return { ok: true, name };
}

/** Renames a paired display of the clinic; bad or duplicate names change nothing. */
export async function renameDisplay(
	db: Database,
	clinicId: string,
	displayId: string,
	typed: string
): Promise<NameResult | { ok: false; notFound: true; problem: Problem }> {
	if (typed.trim() === '') return { ok: false, problem: { code: 'displays.name-required' } };
	return db.transaction(async (tx) => {
		const [display] = await tx
			.select({ roomId: displays.roomId })
			.from(displays)
			.where(
				and(eq(displays.id, displayId), eq(displays.clinicId, clinicId), isNull(displays.revokedAt))
			);
		if (!display) {
			return {
				ok: false as const,
				notFound: true as const,
				problem: { code: 'displays.not-in-clinic' } as Problem
			};
		}
		const chosen = await chooseName(tx, display.roomId, typed, displayId);
		if (!chosen.ok) return chosen;
		await tx.update(displays).set({ name: chosen.name }).where(eq(displays.id, displayId));
		return chosen;
	});
}
