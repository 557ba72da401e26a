import { and, asc, count, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { classSeries, enrollments, rooms } from '../db/schema';
import { activeInClinic } from './clinic-scope';

const WEEKDAYS = new Set(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU']);
export type WeekdayCode = 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU';

/** The weekday codes of an RRULE's BYDAY (the page words them); none when it has no BYDAY. */
export function weekdaysOf(rrule: string): WeekdayCode[] {
	const byDay = /BYDAY=([A-Z,]+)/.exec(rrule)?.[1];
	return (byDay?.split(',') ?? []).filter((d): d is WeekdayCode => WEEKDAYS.has(d));
}

/** Every active series of the clinic, with this participant's place in it (if any). */
export async function seriesPlacesOf(db: Database, clinicId: string, participantId: string) {
	const [series, own, counts] = await Promise.all([
		db
			.select({
				id: classSeries.id,
				name: classSeries.name,
				rrule: classSeries.rrule,
				startTime: classSeries.startTime,
				capacity: classSeries.capacity,
				roomName: rooms.name,
				roomKind: rooms.kind
			})
			.from(classSeries)
			.innerJoin(rooms, eq(rooms.id, classSeries.roomId))
			.where(activeInClinic(classSeries, clinicId))
			.orderBy(asc(classSeries.name)),
		db
			.select({
				seriesId: enrollments.seriesId,
				status: enrollments.status,
				overrideReason: enrollments.overrideReason,
				promotedAt: enrollments.promotedAt
			})
			.from(enrollments)
			.where(and(eq(enrollments.clinicId, clinicId), eq(enrollments.participantId, participantId))),
		db
			.select({ seriesId: enrollments.seriesId, n: count() })
			.from(enrollments)
			.where(and(eq(enrollments.clinicId, clinicId), eq(enrollments.status, 'enrolled')))
			.groupBy(enrollments.seriesId)
	]);
	return series.map((s) => {
		const place = own.find((p) => p.seriesId === s.id);
		return {
			...s,
			days: weekdaysOf(s.rrule),
			startTime: s.startTime.slice(0, 5),
			enrolled: counts.find((c) => c.seriesId === s.id)?.n ?? 0,
			status: place?.status ?? null,
			overrideReason: place?.overrideReason ?? null,
			promoted: place?.promotedAt != null && place.status === 'enrolled'
		};
	});
}
