import { attendanceOf, headcount } from './clipboard';
import type { RosterMember, StoredEntry } from './roster';

/**
 * The checklist before a pool class starts, the same on the phone (Start stays disabled) and on
 * the server (the start is refused): the pool check, a display on in the room (the class's
 * timing and cues are on it), and the headcount in (everyone expected is marked, someone is in).
 */

export const START_WITHOUT_CHECK = 'Record the pool check before starting';
export const START_WITHOUT_DISPLAY = 'Turn on a display in the pool room before starting';

export type HeadcountIn = { here: number; unmarked: string[] };

/** Who is in the water at the start, and who on the list has no attendance mark yet. */
export function headcountIn(active: StoredEntry[], roster: RosterMember[]): HeadcountIn {
	const expected = roster.filter((m) => m.place !== 'waitlisted');
	return {
		here: headcount(
			active,
			roster.map((m) => m.participantId)
		).here,
		unmarked: expected
			.filter((m) => !attendanceOf(active, m.participantId))
			.map((m) => m.displayName)
	};
}

export function headcountInProblem(count: HeadcountIn): string | null {
	if (count.unmarked.length > 0) {
		const n = count.unmarked.length;
		return `Headcount in: mark attendance for ${n} more (${count.unmarked.join(', ')})`;
	}
	if (count.here === 0) return 'Headcount in: no one is marked present';
	return null;
}

export type StartItem = { id: 'pool_check' | 'display' | 'headcount'; done: boolean; text: string };

export function poolStartItems(state: {
	poolCheck: { by: string; time: string } | null;
	displaysOnline: number;
	count: HeadcountIn;
}): StartItem[] {
	const { poolCheck, displaysOnline, count } = state;
	const problem = headcountInProblem(count);
	return [
		{
			id: 'pool_check',
			done: poolCheck !== null,
			text: poolCheck
				? `Pool check recorded ${poolCheck.time} by ${poolCheck.by}`
				: 'Pool check: not recorded yet'
		},
		{
			id: 'display',
			done: displaysOnline > 0,
			text:
				displaysOnline > 0
					? `Display online in the room (${displaysOnline})`
					: 'Display: none online in the room'
		},
		{
			id: 'headcount',
			done: problem === null,
			text: problem ?? `Headcount in: ${count.here} in the water`
		}
	];
}

/** The first reason the server gives for refusing the start, in checklist order, or null. */
export function poolStartProblem(state: {
	poolCheckDone: boolean;
	displaysOnline: number;
	count: HeadcountIn;
}): string | null {
	if (!state.poolCheckDone) return START_WITHOUT_CHECK;
	if (state.displaysOnline === 0) return START_WITHOUT_DISPLAY;
	return headcountInProblem(state.count);
}
