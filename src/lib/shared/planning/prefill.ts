import type { ClassType, ExerciseCategory } from '../domain';
import { addDays, weekdayOf } from '../time-zone';
import { WEEKDAY_CODES, type WeekdayCode } from './recurrence';

/** The series form's limits on a class's length (seriesFormSchema). */
export const SERIES_MINUTES_MIN = 10;
export const SERIES_MINUTES_MAX = 240;

/**
 * A class's length for a routine planned to take `plannedMs`: rounded up to whole 5 minutes
 * (a class has room for its routine), within the form's limits.
 */
export function classMinutesFor(plannedMs: number): number {
	const minutes = Math.ceil(Math.max(0, plannedMs) / 60_000 / 5) * 5;
	return Math.min(SERIES_MINUTES_MAX, Math.max(SERIES_MINUTES_MIN, minutes));
}

/** What the class type is inferred from: each exercise block's exercise. */
export type BlockExercise = { category: ExerciseCategory; waterDepth: string | null };

/**
 * The built-in class type a routine's content suggests: aquatic as soon as one exercise is done
 * in the water (an aquatic method, or one that asks for a water depth: the class needs a pool);
 * else core when most exercise blocks are core work; else balance (the clinic's default class).
 */
export function classTypeFor(blocks: readonly BlockExercise[]): ClassType {
	if (blocks.some((b) => b.category === 'aquatic_method' || b.waterDepth !== null)) {
		return 'aquatic';
	}
	const core = blocks.filter((b) => b.category === 'core').length;
	return core * 2 > blocks.length ? 'core' : 'balance';
}

/** The first weekday (Monday to Friday) after `today`: a new series' first day. */
export function nextWeekday(today: string): string {
	let date = addDays(today, 1);
	while ([0, 6].includes(weekdayOf(date))) date = addDays(date, 1);
	return date;
}

/** A date's weekday as the series form's day code. */
export function weekdayCodeOf(date: string): WeekdayCode {
	return WEEKDAY_CODES[(weekdayOf(date) + 6) % 7]!;
}
