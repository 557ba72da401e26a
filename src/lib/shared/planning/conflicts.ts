import type { Problem } from '../../i18n/problem';

/**
 * Planning conflicts: pure rules, so the server refuses exactly what the tests describe.
 * A refusal names the field it belongs to, for the form to show it there.
 */

export type Booking = {
	/** Session id, or a series occurrence not yet stored ("series:<id>:<date>"). */
	key: string;
	name: string;
	roomId: string;
	leadUserId: string | null;
	assistantUserIds: string[];
	startsAt: Date;
	endsAt: Date;
};

export type ConflictField = 'roomId' | 'leadUserId' | 'assistantUserIds' | 'capacity';
/** A refusal as a catalog key and its parameters (`at`: the clashing class's start, ISO). */
export type Conflict = { field: ConflictField; problem: Problem };

export type Names = { room: (id: string) => string; user: (id: string) => string };

/** Half-open intervals: a class ending at 10:00 does not clash with one starting at 10:00. */
export function overlaps(a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }) {
	return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

function staffOf(booking: Booking): string[] {
	return [...(booking.leadUserId ? [booking.leadUserId] : []), ...booking.assistantUserIds];
}

/**
 * What stops `candidate` from taking place beside `others` (which must exclude the candidate
 * itself and cancelled sessions): the same room at once, or a technician in two classes at once.
 * The clashing class's start goes out as an instant (`at`); the page words it in its reader's
 * language and the clinic's zone.
 */
export function bookingConflicts(
	candidate: Booking,
	others: readonly Booking[],
	names: Names
): Conflict[] {
	const conflicts: Conflict[] = [];
	const seen = new Set<string>();
	const add = (conflict: Conflict) => {
		const id = JSON.stringify(conflict);
		if (!seen.has(id)) conflicts.push(conflict);
		seen.add(id);
	};
	for (const other of others) {
		if (other.key === candidate.key || !overlaps(candidate, other)) continue;
		const at = { name: other.name, at: other.startsAt.toISOString(), more: 0 };
		if (other.roomId === candidate.roomId) {
			add({
				field: 'roomId',
				problem: { code: 'planning.clash-room', params: { room: names.room(other.roomId), ...at } }
			});
		}
		const busy = staffOf(other);
		const staffClash = (field: ConflictField, userId: string) =>
			add({
				field,
				problem: { code: 'planning.clash-staff', params: { person: names.user(userId), ...at } }
			});
		if (candidate.leadUserId && busy.includes(candidate.leadUserId)) {
			staffClash('leadUserId', candidate.leadUserId);
		}
		for (const assistant of candidate.assistantUserIds) {
			if (busy.includes(assistant)) staffClash('assistantUserIds', assistant);
		}
	}
	return conflicts;
}

/** A technician cannot lead and assist the same class, nor be listed twice. */
export function staffingConflicts(
	leadUserId: string | null,
	assistantUserIds: string[]
): Conflict[] {
	if (leadUserId && assistantUserIds.includes(leadUserId)) {
		return [{ field: 'assistantUserIds', problem: { code: 'series.lead-also-assists' } }];
	}
	return [];
}

export type RoomRule = {
	name: string;
	kind: 'gym' | 'pool';
	capacity: number;
	participantsPerStaff: number | null;
};

/**
 * The room's own limits: no more places than the room holds, and in a pool at most
 * `participantsPerStaff` participants per staff member (the lead plus every assistant).
 */
export function roomConflicts(room: RoomRule, capacity: number, assistants: number): Conflict[] {
	const conflicts: Conflict[] = [];
	if (capacity > room.capacity) {
		conflicts.push({
			field: 'capacity',
			problem: { code: 'planning.room-too-small', params: { room: room.name, max: room.capacity } }
		});
	}
	const ratio = room.participantsPerStaff;
	if (room.kind === 'pool' && ratio && capacity / (1 + assistants) > ratio) {
		const needed = Math.ceil(capacity / ratio) - 1;
		conflicts.push({
			field: 'assistantUserIds',
			problem: {
				code: 'planning.pool-ratio',
				params: { room: room.name, ratio, places: capacity, needed }
			}
		});
	}
	return conflicts;
}
