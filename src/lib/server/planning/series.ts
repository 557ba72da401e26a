import { and, asc, desc, eq, gte, inArray } from 'drizzle-orm';
import { roomConflicts, staffingConflicts } from '../../shared/planning/conflicts';
import type { Problems } from '../../i18n/problem';
import type { SeriesForm } from '../../shared/planning/forms';
import {
	HORIZON_WEEKS,
	occurrencesBetween,
	ruleDays,
	weeklyRule
} from '../../shared/planning/recurrence';
import { addDays, localDate, zonedTimeToInstant } from '../../shared/time-zone';
import type { Database } from '../db/client';
import {
	classSeries,
	classSessions,
	classTypes,
	clinics,
	exercises,
	rooms,
	routineBlocks,
	routines,
	routineVersions,
	users
} from '../db/schema';
import { bookingsBetween, clinicNames, summarize } from './bookings';
import { expandSeries, ownedBySeries } from './expansion';
import { newestRoutines } from './lists';
import { enabledStaff, listStaff } from './staff';
import { activeInClinic } from './clinic-scope';
import { listClassTypes, resolveClassType } from '../settings/class-types';
import { classTypeValue } from '../../shared/class-types';
import { classMinutesFor, classTypeFor } from '../../shared/planning/prefill';
import { plannedTotalMs } from '../../shared/timeline';
import { isUuid } from '../../shared/ids';
import { buildPlan } from '../live/plan';

/**
 * What the series form offers: the clinic's class types, rooms, routines (newest version) and
 * staff.
 */
export async function seriesChoices(db: Database, clinicId: string) {
	const [types, roomRows, routineRows, staff, [clinic]] = await Promise.all([
		// Archived ones too: a series scheduled as one keeps it (the form offers it to that series).
		listClassTypes(db, clinicId, { archived: true }),
		db
			.select({
				id: rooms.id,
				name: rooms.name,
				kind: rooms.kind,
				capacity: rooms.capacity,
				participantsPerStaff: rooms.participantsPerStaff
			})
			.from(rooms)
			.where(activeInClinic(rooms, clinicId))
			.orderBy(asc(rooms.name)),
		newestRoutines(db, clinicId),
		listStaff(db, clinicId),
		db
			.select({
				defaultExertionScale: clinics.defaultExertionScale,
				language: clinics.language
			})
			.from(clinics)
			.where(eq(clinics.id, clinicId))
	]);
	return {
		classTypes: types.map((type) => ({
			value: classTypeValue(type),
			name: type.name,
			kind: type.kind,
			archived: type.archived
		})),
		rooms: roomRows,
		routines: routineRows.map(({ id, name, version }) => ({ id, name, version })),
		staff,
		defaultExertionScale: clinic!.defaultExertionScale,
		clinicLanguage: clinic!.language
	};
}

export async function listSeries(db: Database, clinicId: string) {
	const rows = await db
		.select({
			id: classSeries.id,
			name: classSeries.name,
			type: classSeries.type,
			rrule: classSeries.rrule,
			startTime: classSeries.startTime,
			durationMinutes: classSeries.durationMinutes,
			startsOn: classSeries.startsOn,
			endsOn: classSeries.endsOn,
			capacity: classSeries.capacity,
			roomName: rooms.name,
			leadName: users.name
		})
		.from(classSeries)
		.innerJoin(rooms, eq(rooms.id, classSeries.roomId))
		.leftJoin(users, eq(users.id, classSeries.leadUserId))
		.where(activeInClinic(classSeries, clinicId))
		.orderBy(asc(classSeries.name));
	return rows.map(({ rrule, startTime, ...row }) => ({
		...row,
		days: ruleDays(rrule),
		startTime: startTime.slice(0, 5)
	}));
}

/** A stored series as the edit form's values. */
export async function seriesFormValues(db: Database, clinicId: string, seriesId: string) {
	const [found] = await db
		.select()
		.from(classSeries)
		.leftJoin(classTypes, eq(classTypes.id, classSeries.classTypeId))
		.where(activeInClinic(classSeries, clinicId, seriesId));
	if (!found) return null;
	const row = found.class_series;
	return {
		name: row.name,
		// A series from before class types, or a built-in type: its kind.
		type: found.class_types ? classTypeValue(found.class_types) : row.type,
		roomId: row.roomId,
		routineId: row.routineId,
		leadUserId: row.leadUserId ?? '',
		assistantUserIds: row.assistantUserIds,
		capacity: String(row.capacity),
		exertionScale: row.exertionScale,
		language: row.language ?? '',
		days: ruleDays(row.rrule),
		startTime: row.startTime.slice(0, 5),
		durationMinutes: String(row.durationMinutes),
		startsOn: row.startsOn,
		endsOn: row.endsOn ?? ''
	};
}

/** `notFound`: the series is not one of this clinic's (or has ended): nothing was written. */
export type SaveSeriesResult =
	{ ok: true; id: string } | { ok: false; problems: Problems; notFound?: true };

/**
 * Creates (seriesId null) or changes a series (the route has parsed the form) and expands it, in
 * one transaction. Refused, with every problem beside its field, when a reference is not the
 * clinic's, the room's limits or a pool's staff ratio are broken, or any occurrence in the
 * checked window clashes with another class's room or staff. Nothing is written on a refusal.
 */
export async function saveSeries(
	db: Database,
	clinicId: string,
	seriesId: string | null,
	form: SeriesForm,
	now = new Date()
): Promise<SaveSeriesResult> {
	return db.transaction(async (tx) => {
		const problems: Problems = {};
		const [clinic] = await tx
			.select({ timeZone: clinics.timeZone })
			.from(clinics)
			.where(eq(clinics.id, clinicId))
			// Saves in one clinic take turns, so two coordinators cannot book one slot at once.
			.for('update');
		const timeZone = clinic!.timeZone;

		let keepType: string | null = null;
		if (seriesId) {
			const [existing] = await tx
				.select({ id: classSeries.id, classTypeId: classSeries.classTypeId })
				.from(classSeries)
				.where(activeInClinic(classSeries, clinicId, seriesId));
			if (!existing) {
				return { ok: false, problems: { form: { code: 'series.not-found' } }, notFound: true };
			}
			keepType = existing.classTypeId;
		}
		// The type's kind is what the rules go by (an aquatic kind needs a pool).
		const classType = await resolveClassType(tx, clinicId, form.type, keepType);
		if (!classType) problems.type = { code: 'field.choose' };
		const kind = classType?.kind;

		const [room] = await tx
			.select()
			.from(rooms)
			.where(activeInClinic(rooms, clinicId, form.roomId));
		if (!room) problems.roomId = { code: 'field.choose' };
		const [routine] = await tx
			.select({ id: routines.id })
			.from(routines)
			.innerJoin(routineVersions, eq(routineVersions.routineId, routines.id))
			.where(activeInClinic(routines, clinicId, form.routineId))
			.limit(1);
		if (!routine) problems.routineId = { code: 'field.choose' };
		const staffIds = [form.leadUserId, ...form.assistantUserIds];
		const staff = await tx
			.select({ id: users.id })
			.from(users)
			.where(and(inArray(users.id, staffIds), enabledStaff(clinicId)));
		const known = new Set(staff.map((u) => u.id));
		if (!known.has(form.leadUserId)) problems.leadUserId = { code: 'field.choose' };
		if (form.assistantUserIds.some((id) => !known.has(id))) {
			problems.assistantUserIds = { code: 'field.choose' };
		}
		if (kind === 'aquatic' && room && room.kind !== 'pool') {
			problems.roomId = { code: 'planning.aquatic-needs-pool' };
		}
		if (kind && kind !== 'aquatic' && room?.kind === 'pool') {
			problems.type = { code: 'series.pool-is-aquatic' };
		}
		const rules = [
			...staffingConflicts(form.leadUserId, form.assistantUserIds),
			...(room ? roomConflicts(room, form.capacity, form.assistantUserIds.length) : [])
		];
		for (const conflict of rules) problems[conflict.field] ??= conflict.problem;
		if (Object.keys(problems).length) return { ok: false, problems };

		const values = {
			clinicId,
			name: form.name,
			type: kind!,
			classTypeId: classType!.id,
			roomId: form.roomId,
			routineId: form.routineId,
			leadUserId: form.leadUserId,
			assistantUserIds: form.assistantUserIds,
			capacity: form.capacity,
			exertionScale: form.exertionScale,
			language: form.language ?? null,
			rrule: weeklyRule(form.days),
			startTime: form.startTime,
			durationMinutes: form.durationMinutes,
			startsOn: form.startsOn,
			endsOn: form.endsOn ?? null
		};

		// Checked over the rolling horizon from today, or from the first day of a series that
		// starts later: a weekly rule repeats, so those weeks show every clash it will have.
		const from = [localDate(timeZone, now), form.startsOn].sort()[1]!;
		const to = addDays(from, HORIZON_WEEKS * 7);
		// Dates the series no longer owns (started, cancelled or moved by hand) will not change.
		const fixed = seriesId ? await handChangedDates(tx, seriesId, from, now) : new Set<string>();
		const candidates = occurrencesBetween(values, timeZone, from, to)
			.filter((o) => o.startsAt > now && !fixed.has(o.date))
			.map((o) => ({
				key: `new:${o.date}`,
				name: form.name,
				roomId: form.roomId,
				leadUserId: form.leadUserId,
				assistantUserIds: form.assistantUserIds,
				startsAt: o.startsAt,
				endsAt: o.endsAt
			}));
		const range = {
			from,
			to,
			start: zonedTimeToInstant(from, '00:00', timeZone),
			end: zonedTimeToInstant(to, '00:00', timeZone)
		};
		const others = await bookingsBetween(tx, clinicId, timeZone, range, now, seriesId);
		const clashes = summarize(candidates, others, await clinicNames(tx, clinicId));
		if (Object.keys(clashes).length) return { ok: false, problems: clashes };

		let id = seriesId;
		if (id) {
			await tx.update(classSeries).set(values).where(eq(classSeries.id, id));
		} else {
			const [created] = await tx
				.insert(classSeries)
				.values(values)
				.returning({ id: classSeries.id });
			id = created!.id;
		}
		await expandSeries(tx, clinicId, id, now);
		return { ok: true, id };
	});
}

async function handChangedDates(db: Database, seriesId: string, from: string, now: Date) {
	const rows = await db
		.select()
		.from(classSessions)
		.where(and(eq(classSessions.seriesId, seriesId), gte(classSessions.occurrenceDate, from)));
	return new Set(rows.filter((row) => !ownedBySeries(row, now)).map((row) => row.occurrenceDate!));
}

/**
 * Ends a series: its future sessions it still owns are withdrawn; past and changed ones stay.
 * False when no active series of this clinic has that id (nothing changed).
 */
export async function archiveSeries(
	db: Database,
	clinicId: string,
	seriesId: string,
	now = new Date()
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const updated = await tx
			.update(classSeries)
			.set({ archivedAt: now })
			.where(activeInClinic(classSeries, clinicId, seriesId))
			.returning({ id: classSeries.id });
		if (updated.length) await expandSeries(tx, clinicId, seriesId, now);
		return updated.length > 0;
	});
}

/**
 * What the series form starts from to schedule a routine: its name, a length that fits its
 * newest version's planned total (rounded up to 5 minutes) and the built-in class type its
 * exercises suggest. Null when the id is not one of the clinic's routines in use (nothing said
 * about another clinic's).
 */
export async function routinePrefill(db: Database, clinicId: string, routineId: string) {
	if (!isUuid(routineId)) return null;
	const [routine] = await db
		.select({ id: routines.id, name: routines.name, versionId: routineVersions.id })
		.from(routines)
		.innerJoin(routineVersions, eq(routineVersions.routineId, routines.id))
		.where(activeInClinic(routines, clinicId, routineId))
		.orderBy(desc(routineVersions.version))
		.limit(1);
	if (!routine) return null;
	const [plan, blocks] = await Promise.all([
		buildPlan(db, routine.versionId),
		db
			.select({ category: exercises.category, waterDepth: exercises.waterDepth })
			.from(routineBlocks)
			.innerJoin(exercises, eq(exercises.id, routineBlocks.exerciseId))
			.where(
				and(
					eq(routineBlocks.routineVersionId, routine.versionId),
					eq(routineBlocks.kind, 'exercise')
				)
			)
	]);
	return {
		routineId: routine.id,
		name: routine.name,
		durationMinutes: classMinutesFor(plannedTotalMs(plan)),
		type: classTypeFor(blocks)
	};
}
