import { attendanceOf, headcount } from './clipboard';
import { refusalText, type Reason } from './refusals';
import type { RosterMember, StoredEntry } from './roster';

/**
 * The checklist before a pool class starts, the same on the phone (Start stays disabled) and on
 * the server (the start is refused): the pool check, a display on in the room (the class's
 * timing and cues are on it), and the headcount in (everyone expected is marked, someone is in).
 */

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

export function headcountInProblem(count: HeadcountIn): Reason | null {
	if (count.unmarked.length > 0) {
		const params = { count: count.unmarked.length, names: count.unmarked.join(', ') };
		return { code: 'headcount-in-unmarked', params };
	}
	if (count.here === 0) return { code: 'headcount-in-empty' };
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
			text: problem ? refusalText(problem) : `Headcount in: ${count.here} in the water`
		}
	];
}

/** The first reason the server gives for refusing the start, in checklist order, or null. */
export function poolStartProblem(state: {
	poolCheckDone: boolean;
	displaysOnline: number;
	count: HeadcountIn;
}): Reason | null {
	if (!state.poolCheckDone) return { code: 'pool-check-missing' };
	if (state.displaysOnline === 0) return { code: 'pool-display-missing' };
	return headcountInProblem(state.count);
}
