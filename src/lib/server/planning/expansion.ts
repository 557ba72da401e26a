import { and, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import { HORIZON_WEEKS, occurrencesBetween } from '../../shared/planning/recurrence';
import { addDays, localDate } from '../../shared/time-zone';
import type { Database } from '../db/client';
import { classSeries, classSessions, routineVersions } from '../db/schema';
import { clinicTimeZone } from '../classes/calendar';
import { activeInClinic, inClinic } from './clinic-scope';

type SessionRow = typeof classSessions.$inferSelect;

/**
 * Whether expanding the series may still rewrite this session. A session belongs to its series
 * until it starts or a coordinator changes it by hand (a cancel or a move always carries a
 * reason): those are left exactly as they are, so a holiday stays cancelled and a moved class
 * stays moved. A session the series withdrew itself (cancelled, no reason) may come back.
 */
export function ownedBySeries(session: SessionRow, now: Date): boolean {
	return (
		session.changeReason === null &&
		session.startedAt === null &&
		(session.status === 'scheduled' || session.status === 'cancelled') &&
		session.startsAt > now
	);
}

/** The first and last+1 local dates the database holds sessions for, from today. */
export function horizon(timeZone: string, now: Date) {
	const today = localDate(timeZone, now);
	return { from: today, to: addDays(today, HORIZON_WEEKS * 7) };
}

export type ExpansionResult = { created: number; updated: number; withdrawn: number };

/**
 * Brings the series' stored sessions in line with its rule for the rolling horizon: creates
 * missing occurrences, rewrites the ones it still owns, withdraws owned ones the rule no longer
 * has. Idempotent: the unique (series_id, occurrence_date) index makes a second run, or two at
 * once, create nothing more. Run inside the caller's transaction when saving a series.
 */
export async function expandSeries(
	db: Database,
	clinicId: string,
	seriesId: string,
	now = new Date()
): Promise<ExpansionResult> {
	const [series] = await db
		.select()
		.from(classSeries)
		.where(inClinic(classSeries, clinicId, seriesId));
	if (!series) throw new Error(`No series ${seriesId} in this clinic`);
	const timeZone = await clinicTimeZone(db, clinicId);
	const { from, to } = horizon(timeZone, now);

	const [version] = await db
		.select({ id: routineVersions.id })
		.from(routineVersions)
		.where(eq(routineVersions.routineId, series.routineId))
		.orderBy(desc(routineVersions.version))
		.limit(1);
	if (!version) throw new Error(`Routine ${series.routineId} has no version`);

	const wanted = series.archivedAt
		? []
		: occurrencesBetween(series, timeZone, from, to).filter((o) => o.startsAt > now);
	const stored = await db
		.select()
		.from(classSessions)
		.where(and(eq(classSessions.seriesId, series.id), gte(classSessions.occurrenceDate, from)));
	const storedByDate = new Map(stored.map((row) => [row.occurrenceDate!, row]));

	const fields = {
		clinicId,
		seriesId: series.id,
		name: series.name,
		type: series.type,
		classTypeId: series.classTypeId,
		roomId: series.roomId,
		routineVersionId: version.id,
		leadUserId: series.leadUserId,
		assistantUserIds: series.assistantUserIds,
		capacity: series.capacity,
		exertionScale: series.exertionScale,
		durationMinutes: series.durationMinutes,
		status: 'scheduled' as const
	};
	const result: ExpansionResult = { created: 0, updated: 0, withdrawn: 0 };

	const missing = wanted.filter((o) => !storedByDate.has(o.date));
	if (missing.length) {
		const inserted = await db
			.insert(classSessions)
			.values(missing.map((o) => ({ ...fields, occurrenceDate: o.date, startsAt: o.startsAt })))
			.onConflictDoNothing()
			.returning({ id: classSessions.id });
		result.created = inserted.length;
	}

	for (const occurrence of wanted) {
		const row = storedByDate.get(occurrence.date);
		if (!row || !ownedBySeries(row, now) || sameAs(row, fields, occurrence.startsAt)) continue;
		await db
			.update(classSessions)
			.set({ ...fields, startsAt: occurrence.startsAt })
			.where(eq(classSessions.id, row.id));
		result.updated++;
	}

	const wantedDates = new Set(wanted.map((o) => o.date));
	const gone = stored.filter(
		(row) =>
			!wantedDates.has(row.occurrenceDate!) && ownedBySeries(row, now) && row.status !== 'cancelled'
	);
	if (gone.length) {
		// Cancelled without a reason: withdrawn by the series, not by a person. Kept rather than
		// deleted because a session may already have single-class bookings or notes.
		await db
			.update(classSessions)
			.set({ status: 'cancelled' })
			.where(
				inArray(
					classSessions.id,
					gone.map((row) => row.id)
				)
			);
		result.withdrawn = gone.length;
	}
	return result;
}

function sameAs(row: SessionRow, fields: Partial<SessionRow>, startsAt: Date): boolean {
	return (
		row.startsAt.getTime() === startsAt.getTime() &&
		(Object.keys(fields) as (keyof SessionRow)[]).every(
			(key) => JSON.stringify(row[key]) === JSON.stringify(fields[key])
		)
	);
}

/** Rolls every active series of the clinic forward to the horizon (the schedule page runs it). */
export async function expandClinicSeries(db: Database, clinicId: string, now = new Date()) {
	const active = await db
		.select({ id: classSeries.id })
		.from(classSeries)
		.where(activeInClinic(classSeries, clinicId));
	for (const series of active) {
		await db.transaction(async (tx) => {
			// One expansion per series at a time: the row lock makes a second one wait, then find
			// everything already there.
			await tx.execute(
				sql`select 1 from ${classSeries} where ${classSeries.id} = ${series.id} for update`
			);
			await expandSeries(tx, clinicId, series.id, now);
		});
	}
}
