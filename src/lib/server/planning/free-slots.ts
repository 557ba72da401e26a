import { runsClasses } from '../../shared/domain';
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
import { listStaff } from './staff';

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
	/** After a pool refused for its ratio: the staff free to assist then, for the form to tick. */
	assistants?: { id: string; name: string }[];
};

const STEP_MINUTES = 15;
const DEFAULT_DAY = { first: 8 * 60, last: 18 * 60 };
/** Suggestions offered, and at most how many on one day (so they spread over the week). */
const MAX_SLOTS = 5;
const PER_DAY = 2;
const NO_NAMES: Names = { room: () => '', user: () => '' };

/** Codes of the refusals a different time can cure. */
export const TIME_CLASHES = new Set(['planning.clash-room', 'planning.clash-staff']);

type Problems = Record<string, { code: string; params?: Record<string, unknown> } | undefined>;

export function refusedForTime(problems: Problems): boolean {
	return Object.values(problems).some((p) => p && TIME_CLASHES.has(p.code));
}

/** How many more assistants a pool refused for its staff ratio needs (0: not refused so). */
export function assistantsShort(problems: Problems, assistants: number): number {
	const ratio = problems.assistantUserIds;
	if (ratio?.code !== 'planning.pool-ratio') return 0;
	return Math.max(0, Number(ratio.params?.needed ?? 0) - assistants);
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
function nearest<T extends { date: string; minutes: number }>(slots: T[], wanted: Wanted): T[] {
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
	const chosen: T[] = [];
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

/** A time a series could meet at: its weekdays, start (minutes) and occurrences to come. */
type SeriesTime = {
	days: WeekdayCode[];
	date: string;
	minutes: number;
	occurrences: { date: string; startsAt: Date }[];
};

/**
 * Every time a series could meet at, checked the way saving it is: over the rolling horizon.
 * A series on one weekday may move to another day of the first week; one on several days keeps
 * its days and looks for another time on them. `seriesId`: the series being changed, whose own
 * sessions do not block it.
 */
async function seriesTimes(
	db: Database,
	clinicId: string,
	seriesId: string | null,
	form: SeriesWanted,
	now: Date
) {
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
	const times: SeriesTime[] = [];
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
			if (occurrences.length) {
				times.push({ days, date: occurrences[0]!.date, minutes: m, occurrences });
			}
		}
	}
	return { timeZone, others, wanted, times };
}

type Scan = Awaited<ReturnType<typeof seriesTimes>>;

/** Whether `wanted` (its room, lead and assistants) clashes with anything at `time`. */
const clashesAt = (scan: Scan, wanted: Wanted, time: SeriesTime) =>
	time.occurrences.some(
		(o) =>
			bookingConflicts(candidateOf(wanted, `new:${o.date}`, o.startsAt), scan.others, NO_NAMES)
				.length > 0
	);

/** Whether one staff member is free for every occurrence of `time`. */
const freeAt = (scan: Scan, userId: string, time: SeriesTime) =>
	!clashesAt(
		scan,
		{ ...scan.wanted, roomId: '', leadUserId: null, assistantUserIds: [userId] },
		time
	);

const slotsOf = (
	scan: Scan,
	free: (SeriesTime & { assistants?: FreeSlot['assistants'] })[]
): FreeSlot[] =>
	nearest(free, scan.wanted).map(({ date, minutes, days, assistants }) => ({
		date,
		days,
		startTime: toTime(minutes),
		startsAt: zonedTimeToInstant(date, toTime(minutes), scan.timeZone).toISOString(),
		...(assistants ? { assistants } : {})
	}));

/**
 * Free times for a weekly series: every occurrence over the rolling horizon must find the room
 * and staff free.
 */
export async function freeSeriesSlots(
	db: Database,
	clinicId: string,
	seriesId: string | null,
	form: SeriesWanted,
	now = new Date()
): Promise<FreeSlot[]> {
	const scan = await seriesTimes(db, clinicId, seriesId, form, now);
	return slotsOf(
		scan,
		scan.times.filter((time) => !clashesAt(scan, scan.wanted, time))
	);
}

/**
 * For a pool series refused for its staff ratio, which more staff cures: the nearest times that
 * week (the refused time first, when it works) when the room, lead and assistants are free and
 * `short` more technicians are free to assist too, every week of the horizon, with who they are.
 */
export async function freeRatioSlots(
	db: Database,
	clinicId: string,
	seriesId: string | null,
	form: SeriesWanted,
	short: number,
	now = new Date()
): Promise<FreeSlot[]> {
	const scan = await seriesTimes(db, clinicId, seriesId, form, now);
	const taken = new Set([form.leadUserId, ...form.assistantUserIds]);
	const helpers = (await listStaff(db, clinicId)).filter(
		(person) => runsClasses(person.role) && !taken.has(person.id)
	);
	const free = scan.times.flatMap((time) => {
		if (clashesAt(scan, scan.wanted, time)) return [];
		const assistants = helpers
			.filter((person) => freeAt(scan, person.id, time))
			.slice(0, short)
			.map(({ id, name }) => ({ id, name }));
		return assistants.length === short ? [{ ...time, assistants }] : [];
	});
	const slots = slotsOf(scan, free);
	const refused = (slot: FreeSlot) =>
		slot.startTime === form.startTime && slot.days.join() === form.days.join();
	return [...slots.filter(refused), ...slots.filter((slot) => !refused(slot))];
}

/**
 * The suggestions a refused series gets: other times for a clash, more staff for a pool's ratio
 * (with `reason` saying which, for the form's wording); none for anything else.
 */
export async function seriesSuggestions(
	db: Database,
	clinicId: string,
	seriesId: string | null,
	form: SeriesWanted,
	problems: Problems
): Promise<{ freeSlots: FreeSlot[]; freeSlotsFor?: 'ratio' }> {
	const short = assistantsShort(problems, form.assistantUserIds.length);
	if (short > 0) {
		const freeSlots = await freeRatioSlots(db, clinicId, seriesId, form, short);
		return { freeSlots, freeSlotsFor: 'ratio' };
	}
	if (refusedForTime(problems)) {
		return { freeSlots: await freeSeriesSlots(db, clinicId, seriesId, form) };
	}
	return { freeSlots: [] };
}
