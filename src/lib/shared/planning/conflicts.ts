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
export type Conflict = { field: ConflictField; message: string };

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
 * `when` formats the clashing class's start for the message.
 */
export function bookingConflicts(
	candidate: Booking,
	others: readonly Booking[],
	names: Names,
	when: (instant: Date) => string
): Conflict[] {
	const conflicts: Conflict[] = [];
	const seen = new Set<string>();
	const add = (conflict: Conflict) => {
		const id = `${conflict.field}|${conflict.message}`;
		if (!seen.has(id)) conflicts.push(conflict);
		seen.add(id);
	};
	for (const other of others) {
		if (other.key === candidate.key || !overlaps(candidate, other)) continue;
		const at = `"${other.name}" on ${when(other.startsAt)}`;
		if (other.roomId === candidate.roomId) {
			add({ field: 'roomId', message: `${names.room(other.roomId)} is already booked for ${at}.` });
		}
		const busy = staffOf(other);
		if (candidate.leadUserId && busy.includes(candidate.leadUserId)) {
			add({
				field: 'leadUserId',
				message: `${names.user(candidate.leadUserId)} already works in ${at}.`
			});
		}
		for (const assistant of candidate.assistantUserIds) {
			if (busy.includes(assistant)) {
				add({
					field: 'assistantUserIds',
					message: `${names.user(assistant)} already works in ${at}.`
				});
			}
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
		return [{ field: 'assistantUserIds', message: 'The lead technician cannot also assist.' }];
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
			message: `${room.name} holds at most ${room.capacity} participants.`
		});
	}
	const ratio = room.participantsPerStaff;
	if (room.kind === 'pool' && ratio && capacity / (1 + assistants) > ratio) {
		const needed = Math.ceil(capacity / ratio) - 1;
		conflicts.push({
			field: 'assistantUserIds',
			message:
				`${room.name} allows at most ${ratio} participants per staff member: ` +
				`${capacity} places need the lead and at least ${needed} assistant${needed === 1 ? '' : 's'}.`
		});
	}
	return conflicts;
}
