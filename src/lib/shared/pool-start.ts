import { attendanceOf, headcount } from './clipboard';
import type { Problem } from '../i18n/problem';
import type { Reason } from './refusals';
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

/** `text`: a catalog key and its parameters; the phone words it in its reader's language. */
export type StartItem = {
	id: 'pool_check' | 'display' | 'headcount';
	done: boolean;
	text: Problem;
};

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
				? { code: 'controller.pool.start-check-done', params: poolCheck }
				: { code: 'controller.pool.start-check-missing' }
		},
		{
			id: 'display',
			done: displaysOnline > 0,
			text:
				displaysOnline > 0
					? { code: 'controller.pool.start-display', params: { count: displaysOnline } }
					: { code: 'controller.pool.start-no-display' }
		},
		{
			id: 'headcount',
			done: problem === null,
			text: problem
				? { code: `refusal.${problem.code}`, ...(problem.params ? { params: problem.params } : {}) }
				: { code: 'controller.pool.start-headcount', params: { count: count.here } }
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
