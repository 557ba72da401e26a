import * as rrulePackage from 'rrule';
import { zonedTimeToInstant } from '../time-zone';

/*
 * rrule 2.8 ships CommonJS for Node (no "exports" map) and ES modules for bundlers: Node's ESM
 * loader exposes only a default export, Vite the named ones. Take whichever this runtime gave.
 */
type RRuleModule = typeof import('rrule');
const lib: RRuleModule =
	'RRule' in rrulePackage && rrulePackage.RRule
		? (rrulePackage as RRuleModule)
		: (rrulePackage as unknown as { default: RRuleModule }).default;
const { RRule } = lib;

/** iCalendar weekday codes, Monday first as a clinic's week is. */
export const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type WeekdayCode = (typeof WEEKDAY_CODES)[number];

/** Weeks of sessions kept in the database ahead of today (see docs/readme-parts/schedule.md). */
export const HORIZON_WEEKS = 12;

/** What a series says about when it meets; times are wall-clock in the clinic's zone. */
export type WeeklyRecurrence = {
	/** The RRULE body without DTSTART/UNTIL, e.g. FREQ=WEEKLY;BYDAY=MO,WE */
	rrule: string;
	startTime: string;
	durationMinutes: number;
	startsOn: string;
	endsOn: string | null;
};

export type Occurrence = { date: string; startsAt: Date; endsAt: Date };

/** FREQ=WEEKLY;BYDAY=... for the chosen days, written by the rrule library. */
export function weeklyRule(days: readonly WeekdayCode[]): string {
	const byweekday = WEEKDAY_CODES.filter((code) => days.includes(code)).map((code) => RRule[code]);
	return new RRule({ freq: RRule.WEEKLY, byweekday }).toString().replace(/^RRULE:/, '');
}

/** The weekday codes of a stored rule (for the edit form). */
export function ruleDays(rule: string): WeekdayCode[] {
	const options = RRule.parseString(rule);
	const days = [options.byweekday ?? []].flat();
	const codes = days.map((day) =>
		typeof day === 'string' ? day : WEEKDAY_CODES[typeof day === 'number' ? day : day.weekday]
	);
	return WEEKDAY_CODES.filter((code) => codes.includes(code));
}

/**
 * The series' occurrences whose local date lies in [from, to) ('YYYY-MM-DD').
 *
 * The rule is expanded on "floating" dates (UTC midnight standing for a local calendar day), so
 * it only decides which days; each day's start is then the wall time in the clinic's zone. A
 * 10:00 class therefore stays 10:00 local across daylight-saving changes, whatever the UTC offset.
 */
export function occurrencesBetween(
	recurrence: WeeklyRecurrence,
	timeZone: string,
	from: string,
	to: string
): Occurrence[] {
	const rule = new RRule({
		...RRule.parseString(recurrence.rrule),
		dtstart: floating(recurrence.startsOn),
		until: recurrence.endsOn ? floating(recurrence.endsOn) : null
	});
	const last = new Date(floating(to).getTime() - 1);
	return rule.between(floating(from), last, true).map((day) => {
		const date = day.toISOString().slice(0, 10);
		const startsAt = zonedTimeToInstant(date, recurrence.startTime, timeZone);
		return {
			date,
			startsAt,
			endsAt: new Date(startsAt.getTime() + recurrence.durationMinutes * 60_000)
		};
	});
}

function floating(date: string): Date {
	return new Date(`${date}T00:00:00Z`);
}
