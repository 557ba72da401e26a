/**
 * The one rule for who holds which place in a class on a day: a session-level row (a one-day
 * booking, walk-in or cancellation) wins over the participant's series row. The roster phones
 * see and the coordinators' enrollment service both go through here, so they never disagree.
 */
export function effectivePlaces<T extends { participantId: string; forSession: string | null }>(
	rows: Iterable<T>
): Map<string, T> {
	const byParticipant = new Map<string, T>();
	for (const row of rows) {
		const known = byParticipant.get(row.participantId);
		if (!known || (row.forSession && !known.forSession)) byParticipant.set(row.participantId, row);
	}
	return byParticipant;
}

/** Statuses that take up one of the class's places. */
export const TAKES_A_PLACE = new Set(['enrolled', 'walk_in']);
