import { and, eq, gt, lt } from 'drizzle-orm';
import { classSessions } from '../db/schema';
import type { App } from '../app';
import { presenceOf } from './broadcast';
import { classRoom } from './rooms';

/** At most one presence update per class in this window: a join/leave storm costs one message. */
export const PRESENCE_WINDOW_MS = 500;

type Slot = { again: boolean };
const slots = new Map<string, Slot>();

/**
 * Tells a class's phones who is connected. The first change goes out at once; changes within
 * the next window are folded into one update at its end, read when it is sent so it is current.
 */
export function announcePresence(app: App, sessionId: string, clinicId: string): void {
	const slot = slots.get(sessionId);
	if (slot) {
		slot.again = true;
		return;
	}
	const fresh: Slot = { again: false };
	slots.set(sessionId, fresh);
	send();
	const tick = () => {
		if (!fresh.again) return void slots.delete(sessionId);
		fresh.again = false;
		send();
		setTimeout(tick, PRESENCE_WINDOW_MS).unref?.();
	};
	setTimeout(tick, PRESENCE_WINDOW_MS).unref?.();

	function send() {
		void app.live
			.get(sessionId, clinicId)
			.then(async (live) => {
				if (live) {
					app.io.to(classRoom(sessionId)).emit('class:presence', await presenceOf(app.io, live));
				}
			})
			.catch((error: unknown) => app.log.warn({ err: error, sessionId }, 'presence failed'));
	}
}

/**
 * Classes of a room that phones may have open now: a display coming or going changes them. Any
 * class on today's date, in any time zone: twelve hours missed a 9:30 class's phones after 21:30
 * (its pool checklist then never saw the display come online).
 */
const ROOM_DAY_MS = 36 * 60 * 60 * 1000;

/**
 * A display came or went: the phones of the room's classes around now hear the new presence
 * (the pool start checklist waits for a display online in the room).
 */
export async function announceRoomPresence(
	app: App,
	roomId: string,
	clinicId: string
): Promise<void> {
	const now = Date.now();
	const sessions = await app.db
		.select({ id: classSessions.id })
		.from(classSessions)
		.where(
			and(
				eq(classSessions.roomId, roomId),
				eq(classSessions.clinicId, clinicId),
				gt(classSessions.startsAt, new Date(now - ROOM_DAY_MS)),
				lt(classSessions.startsAt, new Date(now + ROOM_DAY_MS))
			)
		);
	for (const { id } of sessions) {
		// Only classes a phone has open: announcing loads the class, and most have none.
		const phones = await app.io.in(classRoom(id)).fetchSockets();
		if (phones.length > 0) announcePresence(app, id, clinicId);
	}
}
