import { and, eq, gte, inArray, lt, ne } from 'drizzle-orm';
import {
	bookingConflicts,
	type Booking,
	type Conflict,
	type Names
} from '../../shared/planning/conflicts';
import { occurrencesBetween } from '../../shared/planning/recurrence';
import type { Problems } from '../../i18n/problem';
import type { Database } from '../db/client';
import { classSeries, classSessions, rooms, users } from '../db/schema';
import { ownedBySeries } from './expansion';
import { activeInClinic } from './clinic-scope';

/**
 * Everything that occupies rooms and staff between two instants: stored sessions that are not
 * cancelled, and the occurrences active series will create there but have not stored yet (a
 * series starting after the horizon still blocks its slots). `exceptSeries`: the series being
 * saved, whose own owned sessions are about to be rewritten.
 */
export async function bookingsBetween(
	db: Database,
	clinicId: string,
	timeZone: string,
	range: { from: string; to: string; start: Date; end: Date },
	now: Date,
	exceptSeries: string | null = null
): Promise<Booking[]> {
	const sessions = await db
		.select()
		.from(classSessions)
		.where(
			and(
				eq(classSessions.clinicId, clinicId),
				ne(classSessions.status, 'cancelled'),
				gte(classSessions.startsAt, new Date(range.start.getTime() - 24 * 3600_000)),
				lt(classSessions.startsAt, range.end)
			)
		);
	const kept = sessions.filter(
		(row) => !(exceptSeries && row.seriesId === exceptSeries && ownedBySeries(row, now))
	);
	const bookings: Booking[] = kept.map((row) => ({
		key: row.id,
		name: row.name,
		roomId: row.roomId,
		leadUserId: row.leadUserId,
		assistantUserIds: row.assistantUserIds,
		startsAt: row.startsAt,
		endsAt: new Date(row.startsAt.getTime() + row.durationMinutes * 60_000)
	}));

	const seriesRows = await db
		.select()
		.from(classSeries)
		.where(activeInClinic(classSeries, clinicId));
	const storedDates = await storedOccurrenceDates(
		db,
		seriesRows.map((s) => s.id),
		range.from
	);
	for (const series of seriesRows) {
		if (series.id === exceptSeries) continue;
		for (const o of occurrencesBetween(series, timeZone, range.from, range.to)) {
			if (o.startsAt <= now || storedDates.has(`${series.id}|${o.date}`)) continue;
			bookings.push({
				key: `series:${series.id}:${o.date}`,
				name: series.name,
				roomId: series.roomId,
				leadUserId: series.leadUserId,
				assistantUserIds: series.assistantUserIds,
				startsAt: o.startsAt,
				endsAt: o.endsAt
			});
		}
	}
	return bookings;
}

async function storedOccurrenceDates(db: Database, seriesIds: string[], from: string) {
	if (seriesIds.length === 0) return new Set<string>();
	const rows = await db
		.select({ seriesId: classSessions.seriesId, date: classSessions.occurrenceDate })
		.from(classSessions)
		.where(
			and(inArray(classSessions.seriesId, seriesIds), gte(classSessions.occurrenceDate, from))
		);
	return new Set(rows.map((row) => `${row.seriesId}|${row.date}`));
}

/** Room and staff names of the clinic, for conflict messages. */
export async function clinicNames(db: Database, clinicId: string): Promise<Names> {
	const [roomRows, userRows] = await Promise.all([
		db.select({ id: rooms.id, name: rooms.name }).from(rooms).where(eq(rooms.clinicId, clinicId)),
		db.select({ id: users.id, name: users.name }).from(users).where(eq(users.clinicId, clinicId))
	]);
	const roomNames = new Map(roomRows.map((r) => [r.id, r.name]));
	const userNames = new Map(userRows.map((u) => [u.id, u.name]));
	return {
		room: (id) => roomNames.get(id) ?? '?',
		user: (id) => userNames.get(id) ?? '?'
	};
}

/**
 * Conflicts of several candidate occurrences, one problem per field: the first clash, with how
 * many other dates clash the same way (`more`).
 */
export function summarize(candidates: Booking[], others: Booking[], names: Names): Problems {
	const byField = new Map<string, { first: Conflict; dates: Set<string> }>();
	for (const candidate of candidates) {
		for (const conflict of bookingConflicts(candidate, others, names)) {
			const entry = byField.get(conflict.field) ?? { first: conflict, dates: new Set<string>() };
			entry.dates.add(candidate.key);
			byField.set(conflict.field, entry);
		}
	}
	const problems: Problems = {};
	for (const [field, { first, dates }] of byField) {
		const { code, params } = first.problem;
		problems[field] = { code, params: { ...params, more: dates.size - 1 } };
	}
	return problems;
}
