import { and, asc, desc, eq, isNull, ne } from 'drizzle-orm';
import { displayNameOf, type ClassType, type ExertionScale } from '../../../shared/domain';
import { weeklyRule } from '../../../shared/planning/recurrence';
import { hashPassword } from '../../auth/password';
import type { Database } from '../client';
import {
	classSeries,
	classTypes,
	enrollments,
	participants,
	rooms,
	routines,
	routineVersions,
	users
} from '../schema';
import { DEMO_PASSWORD } from './demo';
import { demoSex, newPerson } from './history-people';
import type { Random } from './history-random';

/**
 * Who and what a made-up history is about (history.ts): the staff who lead, the participants,
 * the series and who is enrolled in them from when.
 */

const PATTERNS = [
	['MO', 'WE', 'FR'],
	['TU', 'TH']
] as const;
const SLOTS = ['08:00', '09:00', '10:15', '11:30', '13:00', '14:15', '15:30', '16:45', '18:00'];
const NEW_SERIES_TYPES: ClassType[] = ['balance', 'core', 'aquatic', 'balance', 'core'];

export type Staff = { id: string; name: string; credentials: string };
export type Member = { participantId: string; from: Date; until: Date | null };
type SeriesRow = typeof classSeries.$inferSelect;

export async function insertAll<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
	for (let i = 0; i < rows.length; i += 1000) await insert(rows.slice(i, i + 1000));
}

/** Technicians and therapists who lead classes: the clinic's own, then `extra` new technicians. */
export async function historyStaff(
	db: Database,
	clinicId: string,
	extra: number
): Promise<Staff[]> {
	if (extra > 0) {
		const passwordHash = await hashPassword(DEMO_PASSWORD);
		const tag = clinicId.slice(0, 8);
		const names = ['Alex Kim', 'Bea Ortiz', 'Chris Novak', 'Dana Osei', 'Eli Brandt', 'Fran Ito'];
		await db.insert(users).values(
			Array.from({ length: extra }, (_, i) => ({
				clinicId,
				email: `technician${i + 2}.${tag}@example.org`,
				name: names[i % names.length]! + (i >= names.length ? ` ${i + 1}` : ''),
				role: 'technician' as const,
				credentials: 'PTA',
				passwordHash
			}))
		);
	}
	const rows = await db
		.select({ id: users.id, name: users.name, credentials: users.credentials, role: users.role })
		.from(users)
		.where(
			and(eq(users.clinicId, clinicId), ne(users.role, 'coordinator'), isNull(users.disabledAt))
		)
		.orderBy(asc(users.email));
	if (rows.length === 0) throw new Error('seedHistory: the clinic has no technician');
	return rows;
}

export type Person = {
	id: string;
	firstName: string;
	dateOfBirth: string;
	sex: 'female' | 'male' | 'not_recorded';
	assistiveDevice: (typeof participants.$inferSelect)['assistiveDevice'];
	poolExcluded: boolean;
	made: boolean;
};

/** The clinic's participants (given a sex where none is recorded) and `extra` new ones. */
export async function historyPeople(
	db: Database,
	random: Random,
	clinicId: string,
	today: string,
	extra: number
): Promise<Person[]> {
	const fresh = Array.from({ length: extra }, (_, i) => newPerson(random, i, today));
	if (fresh.length > 0) {
		await insertAll(fresh, (batch) =>
			db.insert(participants).values(
				batch.map((p) => ({
					clinicId,
					...p,
					displayName: displayNameOf(p.firstName, p.lastName),
					goals: 'Fewer falls; walk further without resting',
					aquaticScreening: { screenedOn: today, exclusions: [], precautions: [] }
				}))
			)
		);
	}
	const rows = await db
		.select()
		.from(participants)
		.where(and(eq(participants.clinicId, clinicId), isNull(participants.archivedAt)))
		.orderBy(
			asc(participants.lastName),
			asc(participants.firstName),
			asc(participants.dateOfBirth)
		);
	const madeNames = new Set(fresh.map((p) => `${p.firstName} ${p.lastName}`));
	const people: Person[] = [];
	for (const row of rows) {
		let sex = row.sex;
		if (sex === 'not_recorded' && !madeNames.has(`${row.firstName} ${row.lastName}`)) {
			sex = demoSex(random, row.firstName);
			if (sex !== 'not_recorded') {
				await db.update(participants).set({ sex }).where(eq(participants.id, row.id));
			}
		}
		people.push({
			id: row.id,
			firstName: row.firstName,
			dateOfBirth: row.dateOfBirth,
			sex,
			assistiveDevice: row.assistiveDevice,
			poolExcluded: row.aquaticScreening.exclusions.length > 0,
			made: madeNames.has(`${row.firstName} ${row.lastName}`)
		});
	}
	return people;
}

export type HistorySeries = { row: SeriesRow; versionId: string; pool: boolean; made: boolean };

/**
 * The clinic's own series, started `firstDay` so they have a past, and `extra` new ones in free
 * slots of its rooms (aquatic ones in a pool), each led by one of the staff in turn.
 */
export async function historySeries(
	db: Database,
	random: Random,
	input: { clinicId: string; timeZone: string; firstDay: string; extra: number; staff: Staff[] }
): Promise<HistorySeries[]> {
	const { clinicId, firstDay, staff } = input;
	const roomRows = await db
		.select()
		.from(rooms)
		.where(and(eq(rooms.clinicId, clinicId), isNull(rooms.archivedAt)))
		.orderBy(asc(rooms.name));
	const routineRows = await db
		.select({ id: routines.id, name: routines.name })
		.from(routines)
		.where(and(eq(routines.clinicId, clinicId), isNull(routines.archivedAt)))
		.orderBy(asc(routines.name));
	const typeRows = await db
		.select({ id: classTypes.id, kind: classTypes.kind })
		.from(classTypes)
		.where(and(eq(classTypes.clinicId, clinicId), eq(classTypes.builtin, true)));
	const own = await db
		.select()
		.from(classSeries)
		.where(and(eq(classSeries.clinicId, clinicId), isNull(classSeries.archivedAt)))
		.orderBy(asc(classSeries.name), asc(classSeries.startTime));
	if (routineRows.length === 0 || roomRows.length === 0) {
		throw new Error('seedHistory: the clinic needs a room and a routine');
	}

	// Which room is taken when, so new series do not share a room at one time.
	const busy = new Set<string>();
	const take = (roomId: string, days: readonly string[], time: string) =>
		days.forEach((day) => busy.add(`${roomId} ${day} ${time.slice(0, 5)}`));
	const free = (roomId: string, days: readonly string[], time: string) =>
		days.every((day) => !busy.has(`${roomId} ${day} ${time.slice(0, 5)}`));
	for (const row of own) {
		take(row.roomId, row.rrule.replace(/.*BYDAY=/, '').split(','), row.startTime);
	}

	const routineFor = (type: ClassType) =>
		routineRows.find((r) => r.name.toLowerCase().includes(type === 'aquatic' ? 'aquatic' : type)) ??
		routineRows.find((r) => !r.name.toLowerCase().includes('aquatic')) ??
		routineRows[0]!;
	const pools = roomRows.filter((r) => r.kind === 'pool');
	const gyms = roomRows.filter((r) => r.kind === 'gym');

	const made: SeriesRow[] = [];
	for (let i = 0; i < input.extra; i++) {
		let type = NEW_SERIES_TYPES[i % NEW_SERIES_TYPES.length]!;
		if (type === 'aquatic' && pools.length === 0) type = 'balance';
		const candidates = type === 'aquatic' ? pools : gyms.length > 0 ? gyms : roomRows;
		let placed: { roomId: string; days: readonly string[]; time: string } | undefined;
		for (let k = 0; k < SLOTS.length * PATTERNS.length * candidates.length && !placed; k++) {
			const room = candidates[(i + k) % candidates.length]!;
			const days = PATTERNS[(i + k) % PATTERNS.length]!;
			const time = SLOTS[Math.floor(k / PATTERNS.length + i) % SLOTS.length]!;
			if (free(room.id, days, time)) placed = { roomId: room.id, days, time };
		}
		// A clinic with more series than free slots doubles up: fine for made-up history.
		placed ??= {
			roomId: candidates[0]!.id,
			days: PATTERNS[i % 2]!,
			time: SLOTS[i % SLOTS.length]!
		};
		take(placed.roomId, placed.days, placed.time);
		const lead = staff[i % staff.length]!;
		const assistant = staff[(i + 1) % staff.length]!;
		const routine = routineFor(type);
		const scale: ExertionScale = i % 4 === 3 ? 'borg_cr10' : 'borg_6_20';
		const [row] = await db
			.insert(classSeries)
			.values({
				clinicId,
				name: `${routine.name} ${String.fromCharCode(65 + (i % 26))}${i >= 26 ? Math.floor(i / 26) : ''}`,
				type,
				classTypeId: typeRows.find((t) => t.kind === type)?.id ?? null,
				roomId: placed.roomId,
				routineId: routine.id,
				leadUserId: lead.id,
				assistantUserIds: type === 'aquatic' && assistant.id !== lead.id ? [assistant.id] : [],
				capacity: type === 'aquatic' ? 8 : random.pick([10, 12, 12, 14]),
				exertionScale: scale,
				rrule: weeklyRule(placed.days as never),
				startTime: placed.time,
				durationMinutes: type === 'aquatic' ? 60 : 45,
				startsOn: firstDay
			})
			.returning();
		made.push(row!);
	}
	// The clinic's own series ran before too.
	for (const row of own) {
		if (row.startsOn > firstDay) {
			await db.update(classSeries).set({ startsOn: firstDay }).where(eq(classSeries.id, row.id));
			row.startsOn = firstDay;
		}
	}
	const roomKind = new Map(roomRows.map((r) => [r.id, r.kind]));
	const out: HistorySeries[] = [];
	for (const [row, isNew] of [
		...own.map((r) => [r, false] as const),
		...made.map((r) => [r, true] as const)
	]) {
		const [version] = await db
			.select({ id: routineVersions.id })
			.from(routineVersions)
			.where(eq(routineVersions.routineId, row.routineId))
			.orderBy(desc(routineVersions.version))
			.limit(1);
		out.push({
			row,
			versionId: version!.id,
			pool: roomKind.get(row.roomId) === 'pool',
			made: isNew
		});
	}
	return out;
}

/**
 * Who comes to each series and from when. The clinic's own places count from the start; new
 * series take participants in turn (new ones first), some below capacity, with a waitlist: one
 * member leaves halfway and the first on the waitlist is promoted to the place.
 */
export async function historyEnrolments(
	db: Database,
	random: Random,
	input: {
		clinicId: string;
		series: HistorySeries[];
		people: Person[];
		firstInstant: Date;
		now: Date;
		coordinatorId: string | undefined;
	}
): Promise<Map<string, Member[]>> {
	const { clinicId, firstInstant, now } = input;
	const members = new Map<string, Member[]>();
	const span = now.getTime() - firstInstant.getTime();
	const at = (fraction: number) => new Date(firstInstant.getTime() + span * fraction);
	const queue = [...input.people.filter((p) => p.made), ...input.people.filter((p) => !p.made)];
	let next = 0;
	const places: (typeof enrollments.$inferInsert)[] = [];

	for (const [i, s] of input.series.entries()) {
		if (!s.made) {
			const own = await db
				.select()
				.from(enrollments)
				.where(eq(enrollments.seriesId, s.row.id))
				.orderBy(asc(enrollments.createdAt), asc(enrollments.status));
			// Their places date from the start; those waiting have waited a while.
			for (const place of own) {
				const createdAt =
					place.status === 'waitlisted' ? at(random.between(0.3, 0.9)) : firstInstant;
				await db
					.update(enrollments)
					.set({ createdAt, updatedAt: createdAt })
					.where(eq(enrollments.id, place.id));
			}
			members.set(
				s.row.id,
				own
					.filter((p) => p.status === 'enrolled')
					.map((p) => ({ participantId: p.participantId, from: firstInstant, until: null }))
			);
			continue;
		}
		const wanted = Math.max(3, s.row.capacity - (i % 3));
		const list: Member[] = [];
		const chosen = new Set<string>();
		const draw = () => {
			for (let tries = 0; tries < queue.length; tries++) {
				const person = queue[next++ % queue.length]!;
				if (chosen.has(person.id) || (s.pool && person.poolExcluded)) continue;
				chosen.add(person.id);
				return person;
			}
			return undefined;
		};
		for (let k = 0; k < wanted; k++) {
			const person = draw();
			if (!person) break;
			const joined = k < wanted - 2 ? firstInstant : at(random.between(0, 0.4));
			list.push({ participantId: person.id, from: joined, until: null });
		}
		const waiting = i % 2 === 0 ? [draw(), draw()].filter((p) => p !== undefined) : [];
		const leaver = waiting.length > 0 && list.length >= s.row.capacity ? list[0] : undefined;
		const promotedAt = at(random.between(0.45, 0.7));
		for (const member of list) {
			const left = member === leaver;
			if (left) member.until = promotedAt;
			places.push({
				clinicId,
				participantId: member.participantId,
				seriesId: s.row.id,
				status: left ? 'cancelled' : 'enrolled',
				createdAt: member.from,
				updatedAt: left ? promotedAt : member.from
			});
		}
		waiting.forEach((person, w) => {
			const asked = at(random.between(0.1, 0.4));
			// The first on the waitlist takes the place of the one who left (or of a place never
			// filled); the second is still waiting.
			const promoted = w === 0;
			if (promoted) list.push({ participantId: person.id, from: promotedAt, until: null });
			places.push({
				clinicId,
				participantId: person.id,
				seriesId: s.row.id,
				status: promoted ? 'enrolled' : 'waitlisted',
				createdAt: asked,
				updatedAt: promoted ? promotedAt : asked,
				promotedAt: promoted ? promotedAt : null
			});
		});
		members.set(s.row.id, list);
	}
	await insertAll(places, (batch) => db.insert(enrollments).values(batch));
	return members;
}
