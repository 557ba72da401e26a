import { and, eq, gte, lt, ne } from 'drizzle-orm';
import { bookingConflicts, type Booking, type Names } from '../../shared/planning/conflicts';
import {
	HORIZON_WEEKS,
	WEEKDAY_CODES,
	occurrencesBetween,
	weeklyRule,
	type WeekdayCode
} from '../../shared/planning/recurrence';
import { addDays, localDate, weekdayOf, zonedTimeToInstant } from '../../shared/time-zone';
import type { Database } from '../db/client';
import { classSeries, classSessions, clinics } from '../db/schema';
import { bookingsBetween } from './bookings';
import { activeInClinic } from './clinic-scope';

/**
 * When a time is refused for a clash (the room double-booked, a technician busy), the nearest
 * times that week when the same room and the same staff are free for the same length. The clinic
 * keeps no opening hours: its day is read from its own classes (the earliest start and the latest
 * end of the coming weeks, never narrower than 8:00-18:00), and its days are the weekdays it holds
 * classes on (Monday to Friday when it has none yet). Times step by a quarter hour.
 */

/** A free time: for a series, its weekdays (and the first date); for a session, its date. */
export type FreeSlot = {
	date: string;
	days: WeekdayCode[];
	startTime: string;
	/** The first occurrence's start, to word in the reader's language. */
	startsAt: string;
};

const STEP_MINUTES = 15;
const DEFAULT_DAY = { first: 8 * 60, last: 18 * 60 };
/** Suggestions offered, and at most how many on one day (so they spread over the week). */
const MAX_SLOTS = 5;
const PER_DAY = 2;
const NO_NAMES: Names = { room: () => '', user: () => '' };

/** Codes of the refusals a different time can cure. */
export const TIME_CLASHES = new Set(['planning.clash-room', 'planning.clash-staff']);

export function refusedForTime(problems: Record<string, { code: string } | undefined>): boolean {
	return Object.values(problems).some((p) => p && TIME_CLASHES.has(p.code));
}

const toMinutes = (time: string) => {
	const [h, m] = time.split(':').map(Number);
	return h! * 60 + m!;
};
const toTime = (minutes: number) =>
	`${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const codeOf = (date: string) => WEEKDAY_CODES[(weekdayOf(date) + 6) % 7]!;
/** The Monday of the week `date` is in. */
const mondayOf = (date: string) => addDays(date, -((weekdayOf(date) + 6) % 7));

/** The clinic's working day and weekdays, read from its classes around `from`. */
async function clinicHours(db: Database, clinicId: string, timeZone: string, from: string) {
	const start = zonedTimeToInstant(addDays(from, -28), '00:00', timeZone);
	const end = zonedTimeToInstant(addDays(from, HORIZON_WEEKS * 7), '00:00', timeZone);
	const sessions = await db
		.select({ startsAt: classSessions.startsAt, minutes: classSessions.durationMinutes })
		.from(classSessions)
		.where(
			and(
				eq(classSessions.clinicId, clinicId),
				ne(classSessions.status, 'cancelled'),
				gte(classSessions.startsAt, start),
				lt(classSessions.startsAt, end)
			)
		);
	const series = await db
		.select({ startTime: classSeries.startTime, minutes: classSeries.durationMinutes })
		.from(classSeries)
		.where(activeInClinic(classSeries, clinicId));
	let { first, last } = DEFAULT_DAY;
	const days = new Set<WeekdayCode>();
	const clock = new Intl.DateTimeFormat('en-GB', {
		timeZone,
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	});
	for (const s of sessions) {
		const minutes = toMinutes(clock.format(s.startsAt));
		first = Math.min(first, minutes);
		last = Math.max(last, minutes + s.minutes);
		days.add(codeOf(localDate(timeZone, s.startsAt)));
	}
	for (const s of series) {
		const minutes = toMinutes(s.startTime.slice(0, 5));
		first = Math.min(first, minutes);
		last = Math.max(last, minutes + s.minutes);
	}
	const open = days.size ? days : new Set<WeekdayCode>(['MO', 'TU', 'WE', 'TH', 'FR']);
	return { first, last: Math.min(last, 24 * 60), days: open };
}

type Wanted = {
	roomId: string;
	leadUserId: string | null;
	assistantUserIds: string[];
	durationMinutes: number;
	/** The refused time, which the suggestions are nearest to. */
	date: string;
	startTime: string;
};

/** Ranks times by closeness to the refused one: its own day first, then the days nearest it. */
function nearest(
	slots: { date: string; minutes: number }[],
	wanted: Wanted
): { date: string; minutes: number }[] {
	const want = toMinutes(wanted.startTime);
	const dayGap = (date: string) =>
		Math.abs(weekdayOf(date) - weekdayOf(wanted.date)) +
		(date === wanted.date ? 0 : date < wanted.date ? 0.5 : 0);
	const ranked = [...slots].sort(
		(a, b) =>
			dayGap(a.date) - dayGap(b.date) ||
			Math.abs(a.minutes - want) - Math.abs(b.minutes - want) ||
			a.minutes - b.minutes
	);
	const perDay = new Map<string, number>();
	const chosen: { date: string; minutes: number }[] = [];
	for (const slot of ranked) {
		const count = perDay.get(slot.date) ?? 0;
		if (count >= PER_DAY) continue;
		perDay.set(slot.date, count + 1);
		chosen.push(slot);
		if (chosen.length === MAX_SLOTS) break;
	}
	return chosen.sort((a, b) => a.date.localeCompare(b.date) || a.minutes - b.minutes);
}

async function timeZoneOf(db: Database, clinicId: string) {
	const [clinic] = await db
		.select({ timeZone: clinics.timeZone })
		.from(clinics)
		.where(eq(clinics.id, clinicId));
	return clinic!.timeZone;
}

const candidateOf = (wanted: Wanted, key: string, startsAt: Date): Booking => ({
	key,
	name: '',
	roomId: wanted.roomId,
	leadUserId: wanted.leadUserId,
	assistantUserIds: wanted.assistantUserIds,
	startsAt,
	endsAt: new Date(startsAt.getTime() + wanted.durationMinutes * 60_000)
});

/**
 * Free times for moving one session, in the week of the refused date: the same room (the one
 * asked for), its lead and assistants, its length. The session itself does not block them.
 */
export async function freeSessionSlots(
	db: Database,
	clinicId: string,
	sessionId: string,
	move: { date: string; startTime: string; roomId: string },
	now = new Date()
): Promise<FreeSlot[]> {
	const [session] = await db
		.select()
		.from(classSessions)
		.where(and(eq(classSessions.id, sessionId), eq(classSessions.clinicId, clinicId)));
	if (!session) return [];
	const timeZone = await timeZoneOf(db, clinicId);
	const wanted: Wanted = {
		roomId: move.roomId,
		leadUserId: session.leadUserId,
		assistantUserIds: session.assistantUserIds,
		durationMinutes: session.durationMinutes,
		date: move.date,
		startTime: move.startTime
	};
	const monday = mondayOf(move.date);
	const range = {
		from: monday,
		to: addDays(monday, 7),
		start: zonedTimeToInstant(monday, '00:00', timeZone),
		end: zonedTimeToInstant(addDays(monday, 8), '00:00', timeZone)
	};
	const others = await bookingsBetween(db, clinicId, timeZone, range, now);
	const hours = await clinicHours(db, clinicId, timeZone, monday);
	const free: { date: string; minutes: number }[] = [];
	for (let day = 0; day < 7; day++) {
		const date = addDays(monday, day);
		if (!hours.days.has(codeOf(date)) && date !== move.date) continue;
		for (let m = hours.first; m + wanted.durationMinutes <= hours.last; m += STEP_MINUTES) {
			const startsAt = zonedTimeToInstant(date, toTime(m), timeZone);
			// Where it already is is no move.
			const stays =
				startsAt.getTime() === session.startsAt.getTime() && move.roomId === session.roomId;
			if (startsAt <= now || stays) continue;
			const candidate = candidateOf(wanted, session.id, startsAt);
			if (bookingConflicts(candidate, others, NO_NAMES).length === 0) {
				free.push({ date, minutes: m });
			}
		}
	}
	return nearest(free, wanted).map(({ date, minutes }) => ({
		date,
		days: [codeOf(date)],
		startTime: toTime(minutes),
		startsAt: zonedTimeToInstant(date, toTime(minutes), timeZone).toISOString()
	}));
}

type SeriesWanted = {
	roomId: string;
	leadUserId: string;
	assistantUserIds: string[];
	durationMinutes: number;
	days: WeekdayCode[];
	startTime: string;
	startsOn: string;
	endsOn?: string | null;
};

/**
 * Free times for a weekly series, checked the way saving it is: every occurrence over the rolling
 * horizon must find the room and staff free. A series on one weekday may move to another day of
 * the first week; one on several days keeps its days and looks for another time on them.
 * `seriesId`: the series being changed, whose own sessions do not block it.
 */
export async function freeSeriesSlots(
	db: Database,
	clinicId: string,
	seriesId: string | null,
	form: SeriesWanted,
	now = new Date()
): Promise<FreeSlot[]> {
	const timeZone = await timeZoneOf(db, clinicId);
	const from = [localDate(timeZone, now), form.startsOn].sort()[1]!;
	const to = addDays(from, HORIZON_WEEKS * 7);
	const range = {
		from,
		to,
		start: zonedTimeToInstant(from, '00:00', timeZone),
		end: zonedTimeToInstant(to, '00:00', timeZone)
	};
	const others = await bookingsBetween(db, clinicId, timeZone, range, now, seriesId);
	const hours = await clinicHours(db, clinicId, timeZone, from);
	// The first week's date of each weekday, from the first day the series can meet.
	const week = Array.from({ length: 7 }, (_, i) => addDays(from, i));
	const dateOf = (code: WeekdayCode) => week.find((date) => codeOf(date) === code)!;
	const patterns: WeekdayCode[][] =
		form.days.length === 1
			? WEEKDAY_CODES.filter((code) => hours.days.has(code) || form.days.includes(code)).map(
					(code) => [code]
				)
			: [form.days];
	const wanted: Wanted = { ...form, date: dateOf(form.days[0]!), startTime: form.startTime };

	const free: { date: string; minutes: number }[] = [];
	const daysAt = new Map<string, WeekdayCode[]>();
	for (const days of patterns) {
		for (let m = hours.first; m + form.durationMinutes <= hours.last; m += STEP_MINUTES) {
			const occurrences = occurrencesBetween(
				{
					rrule: weeklyRule(days),
					startTime: toTime(m),
					durationMinutes: form.durationMinutes,
					startsOn: form.startsOn,
					endsOn: form.endsOn ?? null
				},
				timeZone,
				from,
				to
			).filter((o) => o.startsAt > now);
			if (occurrences.length === 0) continue;
			const clash = occurrences.some(
				(o) =>
					bookingConflicts(candidateOf(wanted, `new:${o.date}`, o.startsAt), others, NO_NAMES)
						.length > 0
			);
			if (clash) continue;
			const first = occurrences[0]!.date;
			free.push({ date: first, minutes: m });
			daysAt.set(first, days);
		}
	}
	return nearest(free, wanted).map(({ date, minutes }) => ({
		date,
		days: daysAt.get(date)!,
		startTime: toTime(minutes),
		startsAt: zonedTimeToInstant(date, toTime(minutes), timeZone).toISOString()
	}));
}
