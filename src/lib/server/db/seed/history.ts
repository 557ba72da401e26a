import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, isNull, ne } from 'drizzle-orm';
import { displayNameOf, type ClassType, type ExertionScale } from '../../../shared/domain';
import { findingsForEntry } from '../../../shared/clipboard';
import type { EntryPayload } from '../../../shared/entries';
import { occurrencesBetween, weeklyRule } from '../../../shared/planning/recurrence';
import type { Finding, VitalRule } from '../../../shared/rules';
import { expandBlock, segmentsPlannedMs } from '../../../shared/timeline/segments';
import type { RoutinePlan } from '../../../shared/timeline/types';
import { addDays, localDate, zonedTimeToInstant } from '../../../shared/time-zone';
import type { Vitals } from '../../../shared/vitals';
import { hashPassword } from '../../auth/password';
import { buildPlan } from '../../live/plan';
import { expandSeries } from '../../planning/expansion';
import { clinicRules } from '../../settings/rules';
import type { Database } from '../client';
import {
	classAlertActions,
	classCommands,
	classNotes,
	classSeries,
	classSessions,
	classTypes,
	clinics,
	enrollments,
	participantEntries,
	participants,
	poolChecks,
	rooms,
	routines,
	routineVersions,
	users
} from '../schema';
import { CURRENT } from '../stored-json';
import { DEMO_PASSWORD } from './demo';
import {
	demoSex,
	exerciseVitals,
	exertion,
	newPerson,
	outcomeResults,
	pain,
	profileOf,
	restingVitals,
	type Profile
} from './history-people';
import { seededRandom, type Random } from './history-random';

/**
 * Past classes for an existing clinic, as if it had been running them for `weeks` weeks: class
 * series across its rooms led by several technicians and a therapist, enrolments (waitlisted
 * ones too, some promoted), cancelled classes, and for every class that ran what its phones
 * would have recorded: attendance, vital signs with the clinic's real rule findings (some HOLD
 * and STOP, with the sit-outs they led to), exertion, pain, changes, rare adverse events, and
 * outcome tests about every six weeks. For reports to have something to show, for benches, and
 * for the demo ('demo-history'). Deterministic for a seed: no clock, no unseeded randomness
 * except row ids.
 */
export type HistoryOptions = {
	clinicId: string;
	/** The end of the history: classes that ended before it ran; later ones stay scheduled. */
	now: Date;
	weeks: number;
	/** New participants, aged 60-95, besides the clinic's own. */
	extraParticipants?: number;
	/** New weekly class series besides the clinic's own (which get the history as well). */
	extraSeries?: number;
	/** New technicians who lead classes with the clinic's own staff (password: the demo's). */
	technicians?: number;
	/** A signed note for every attending participant (the exports bench reads them). */
	notes?: boolean;
	seed?: number;
};

export type HistorySummary = {
	participants: number;
	series: number;
	technicians: number;
	sessions: number;
	cancelled: number;
	entries: number;
	outcomeTests: number;
	notes: number;
	seconds: number;
};

/** STEADY_SEED=demo-history: the demo clinic's last ten weeks, with a few more people and staff. */
export const DEMO_HISTORY = {
	weeks: 10,
	extraParticipants: 8,
	extraSeries: 2,
	technicians: 2
} as const;

const DEVICE = 'history-seed';
const BATCH = 1000;
const PATTERNS = [
	['MO', 'WE', 'FR'],
	['TU', 'TH']
] as const;
const SLOTS = ['08:00', '09:00', '10:15', '11:30', '13:00', '14:15', '15:30', '16:45', '18:00'];
const CANCEL_REASONS = ['Public holiday', 'Staff illness', 'Room maintenance', 'Pool closed'];
const NEW_SERIES_TYPES: ClassType[] = ['balance', 'core', 'aquatic', 'balance', 'core'];

type Entry = typeof participantEntries.$inferInsert;
type Staff = { id: string; name: string; credentials: string };
type Member = { participantId: string; from: Date; until: Date | null };
type SeriesRow = typeof classSeries.$inferSelect;

export async function seedHistory(db: Database, options: HistoryOptions): Promise<HistorySummary> {
	const started = performance.now();
	const random = seededRandom(options.seed ?? 14);
	const { clinicId, now } = options;
	const [clinic] = await db.select().from(clinics).where(eq(clinics.id, clinicId));
	if (!clinic) throw new Error('seedHistory: no such clinic');
	const timeZone = clinic.timeZone;
	const today = localDate(timeZone, now);
	const firstDay = addDays(today, -options.weeks * 7);
	const firstInstant = zonedTimeToInstant(firstDay, '00:00', timeZone);

	const staff = await historyStaff(db, clinicId, options.technicians ?? 0);
	const coordinator = (
		await db
			.select({ id: users.id })
			.from(users)
			.where(and(eq(users.clinicId, clinicId), eq(users.role, 'coordinator')))
			.orderBy(asc(users.email))
			.limit(1)
	)[0];
	const people = await historyPeople(db, random, clinicId, today, options.extraParticipants ?? 0);
	const profiles = new Map(people.map((p) => [p.id, profileOf(random, p, today)]));

	const series = await historySeries(db, random, {
		clinicId,
		timeZone,
		firstDay,
		extra: options.extraSeries ?? 0,
		staff
	});
	const members = await historyEnrolments(db, random, {
		clinicId,
		series,
		people,
		firstInstant,
		now,
		coordinatorId: coordinator?.id
	});

	const rules = await clinicRules(db, clinicId);
	const plans = new Map<string, RoutinePlan>();
	const rows = {
		sessions: [] as (typeof classSessions.$inferInsert)[],
		commands: [] as (typeof classCommands.$inferInsert)[],
		pool: [] as (typeof poolChecks.$inferInsert)[],
		entries: [] as Entry[],
		alerts: [] as (typeof classAlertActions.$inferInsert)[],
		notes: [] as (typeof classNotes.$inferInsert)[]
	};
	let cancelled = 0;
	let outcomeTests = 0;
	/** When each participant is next due an outcome test (their first class is the baseline). */
	const testDue = new Map<string, number>();

	for (const s of series) {
		const stored = await db
			.select({ date: classSessions.occurrenceDate })
			.from(classSessions)
			.where(eq(classSessions.seriesId, s.row.id));
		const taken = new Set(stored.map((row) => row.date));
		const occurrences = occurrencesBetween(s.row, timeZone, firstDay, addDays(today, 1)).filter(
			(o) => o.endsAt <= now && !taken.has(o.date)
		);
		const plan = plans.get(s.versionId) ?? (await buildPlan(db, s.versionId, clinic.language));
		plans.set(s.versionId, plan);
		const blockEnds = blockEndsOf(plan);
		const planMs = blockEnds.at(-1) ?? 0;

		for (const occurrence of occurrences) {
			const sessionId = randomUUID();
			const covering = random.chance(0.08) ? random.pick(staff) : undefined;
			const lead = covering ?? staff.find((u) => u.id === s.row.leadUserId) ?? staff[0]!;
			const base = {
				id: sessionId,
				clinicId,
				seriesId: s.row.id,
				name: s.row.name,
				type: s.row.type,
				classTypeId: s.row.classTypeId,
				roomId: s.row.roomId,
				routineVersionId: s.versionId,
				leadUserId: lead.id,
				assistantUserIds: s.row.assistantUserIds,
				occurrenceDate: occurrence.date,
				capacity: s.row.capacity,
				exertionScale: s.row.exertionScale,
				startsAt: occurrence.startsAt,
				durationMinutes: s.row.durationMinutes
			};
			if (random.chance(0.03)) {
				cancelled++;
				rows.sessions.push({
					...base,
					status: 'cancelled',
					changeReason: random.pick(CANCEL_REASONS)
				});
				continue;
			}
			const startedAt = new Date(occurrence.startsAt.getTime() + random.int(0, 240) * 1000);
			const classMs = Math.max(planMs, 10 * 60_000);
			const endedAt = new Date(startedAt.getTime() + classMs + random.int(0, 120) * 1000);
			rows.sessions.push({
				...base,
				status: 'completed',
				plan,
				planVersion: CURRENT.plan,
				vitalRules: rules,
				startedAt,
				endedAt
			});
			rows.commands.push(
				command(clinicId, sessionId, lead.id, 1, startedAt, 'start'),
				command(clinicId, sessionId, lead.id, 2, endedAt, 'end')
			);
			const session: SessionFacts = {
				id: sessionId,
				clinicId,
				startsAt: occurrence.startsAt,
				startedAt,
				endedAt,
				classMs,
				blockEnds,
				lead,
				scale: s.row.exertionScale,
				rules
			};
			const atClass = members
				.get(s.row.id)!
				.filter(
					(m) => m.from <= occurrence.startsAt && (!m.until || m.until > occurrence.startsAt)
				);
			let inWater = 0;
			for (const member of atClass) {
				const profile = profiles.get(member.participantId)!;
				const made = classEntries(random, session, member.participantId, profile, {
					coordinatorId: coordinator?.id ?? lead.id,
					testDue
				});
				rows.entries.push(...made.entries);
				rows.alerts.push(...made.alerts);
				outcomeTests += made.outcomeTests;
				if (made.attended) inWater++;
				if (made.attended && options.notes) {
					rows.notes.push(signedNote(clinicId, sessionId, member.participantId, lead, endedAt));
				}
			}
			if (s.pool) {
				rows.pool.push({
					clinicId,
					sessionId,
					waterTempC: Math.round(random.between(33, 35) * 10) / 10,
					freeChlorinePpm: Math.round(random.between(1.5, 3) * 100) / 100,
					ph: Math.round(random.between(7.2, 7.6) * 10) / 10,
					emergencyEquipmentChecked: true,
					rescuerPresent: true,
					userId: lead.id,
					recordedAt: new Date(occurrence.startsAt.getTime() - 15 * 60_000)
				});
				rows.entries.push({
					...entryBase(clinicId, sessionId, null, lead.id),
					kind: 'headcount_out',
					payload: { kind: 'headcount_out', count: inWater },
					recordedAt: new Date(endedAt.getTime() - 30_000),
					...where(session, classMs - 60_000)
				});
			}
		}
	}

	await insertAll(rows.sessions, (batch) => db.insert(classSessions).values(batch));
	await insertAll(rows.commands, (batch) => db.insert(classCommands).values(batch));
	await insertAll(rows.pool, (batch) => db.insert(poolChecks).values(batch));
	await insertAll(rows.entries, (batch) => db.insert(participantEntries).values(batch));
	await insertAll(rows.alerts, (batch) => db.insert(classAlertActions).values(batch));
	await insertAll(rows.notes, (batch) => db.insert(classNotes).values(batch));
	// The new series go on from today like any other: their coming classes, as saving them makes.
	for (const s of series) if (s.made) await expandSeries(db, clinicId, s.row.id, now);

	return {
		participants: people.length,
		series: series.length,
		technicians: staff.length,
		sessions: rows.sessions.length,
		cancelled,
		entries: rows.entries.length,
		outcomeTests,
		notes: rows.notes.length,
		seconds: (performance.now() - started) / 1000
	};
}

async function insertAll<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
	for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

/** Technicians and therapists who lead classes: the clinic's own, then `extra` new technicians. */
async function historyStaff(db: Database, clinicId: string, extra: number): Promise<Staff[]> {
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

type Person = {
	id: string;
	firstName: string;
	dateOfBirth: string;
	sex: 'female' | 'male' | 'not_recorded';
	assistiveDevice: (typeof participants.$inferSelect)['assistiveDevice'];
	poolExcluded: boolean;
	made: boolean;
};

/** The clinic's participants (given a sex where none is recorded) and `extra` new ones. */
async function historyPeople(
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

type HistorySeries = { row: SeriesRow; versionId: string; pool: boolean; made: boolean };

/**
 * The clinic's own series, started `firstDay` so they have a past, and `extra` new ones in free
 * slots of its rooms (aquatic ones in a pool), each led by one of the staff in turn.
 */
async function historySeries(
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
async function historyEnrolments(
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

/** Where each block of the plan ends, in ms from the start of the class. */
function blockEndsOf(plan: RoutinePlan): number[] {
	let total = 0;
	return plan.blocks.map((block) => (total += segmentsPlannedMs(expandBlock(block))));
}

type SessionFacts = {
	id: string;
	clinicId: string;
	startsAt: Date;
	startedAt: Date;
	endedAt: Date;
	classMs: number;
	blockEnds: number[];
	lead: Staff;
	scale: ExertionScale;
	rules: VitalRule[];
};

/** The block a moment of the class fell in, as a phone would have stamped it. */
function where(session: SessionFacts, offsetMs: number) {
	const offset = Math.max(0, Math.min(offsetMs, session.classMs - 1));
	const index = session.blockEnds.findIndex((end) => offset < end);
	if (index < 0) return { blockIndex: null, blockSecond: null };
	const start = index === 0 ? 0 : session.blockEnds[index - 1]!;
	return { blockIndex: index, blockSecond: Math.floor((offset - start) / 1000) };
}

function entryBase(
	clinicId: string,
	sessionId: string | null,
	participantId: string | null,
	userId: string
) {
	return {
		id: randomUUID(),
		clinicId,
		sessionId,
		participantId,
		userId,
		deviceId: DEVICE,
		payloadVersion: CURRENT.payload,
		findingsVersion: CURRENT.findings
	};
}

/**
 * One participant in one class: attendance, and if they came, what was recorded about them,
 * each at a moment inside the class with the block it fell in. A HOLD on their resting reading
 * sits them out of the whole class; a STOP during it sits them out from then on.
 */
function classEntries(
	random: Random,
	session: SessionFacts,
	participantId: string,
	profile: Profile,
	context: { coordinatorId: string; testDue: Map<string, number> }
): {
	entries: Entry[];
	alerts: (typeof classAlertActions.$inferInsert)[];
	attended: boolean;
	outcomeTests: number;
} {
	const entries: Entry[] = [];
	const alerts: (typeof classAlertActions.$inferInsert)[] = [];
	const start = session.startedAt.getTime();
	const add = (
		payload: EntryPayload,
		offsetMs: number,
		findings: Finding[] = [],
		userId = session.lead.id
	) => {
		const offset = Math.max(0, Math.min(offsetMs, session.classMs - 1000));
		const entry: Entry = {
			...entryBase(session.clinicId, session.id, participantId, userId),
			kind: payload.kind,
			payload,
			findings,
			recordedAt: new Date(start + offset),
			...where(session, offset)
		};
		entries.push(entry);
		return entry;
	};
	const minutes = (n: number) => n * 60_000;
	const fraction = (from: number, to: number) => session.classMs * random.between(from, to);

	if (!random.chance(profile.comes)) {
		if (random.chance(profile.callsOff)) {
			// Called off ahead: a third of them less than 24 h before the class (a late cancellation).
			const hours = random.chance(0.35) ? random.between(1, 23.5) : random.between(24.5, 72);
			entries.push({
				...entryBase(session.clinicId, session.id, participantId, context.coordinatorId),
				kind: 'attendance',
				payload: { kind: 'attendance', status: 'excused' },
				findings: [],
				recordedAt: new Date(session.startsAt.getTime() - hours * 3_600_000),
				blockIndex: null,
				blockSecond: null
			});
		} else {
			add({ kind: 'attendance', status: 'absent' }, random.between(0, minutes(3)));
		}
		return { entries, alerts, attended: false, outcomeTests: 0 };
	}

	const roll = random.next();
	const late = roll < 0.07;
	const leavesEarly = !late && roll < 0.1;
	const arrival = late ? random.between(minutes(5), minutes(12)) : random.between(0, minutes(2));
	const leftAt = leavesEarly ? fraction(0.6, 0.8) : session.classMs;
	add(
		leavesEarly
			? { kind: 'attendance', status: 'left_early', leftAt: Math.round(start + leftAt) }
			: { kind: 'attendance', status: late ? 'late' : 'present' },
		arrival
	);

	const rest = random.chance(0.92) ? restingVitals(random, profile) : undefined;
	let sitsOutAt: number | undefined;
	if (rest) {
		const findings = findingsForEntry({ kind: 'vitals', vitals: rest }, session.rules, []);
		const restAt = arrival + random.between(minutes(0.5), minutes(3));
		const entry = add({ kind: 'vitals', vitals: rest }, restAt, findings);
		if (findings.some((f) => f.action !== 'WARN')) {
			sitsOutAt = restAt + minutes(1);
			sitOut(entry.id!, sitsOutAt);
		}
	}
	let outcomeTests = 0;
	if (sitsOutAt === undefined) {
		if (random.chance(0.3)) {
			const during = exerciseVitals(random, profile);
			const earlier: Vitals[] = rest ? [rest] : [];
			const findings = findingsForEntry({ kind: 'vitals', vitals: during }, session.rules, earlier);
			const at = Math.min(leftAt - minutes(1), fraction(0.35, 0.6));
			const entry = add({ kind: 'vitals', vitals: during }, at, findings);
			if (findings.some((f) => f.action === 'STOP')) {
				sitOut(entry.id!, (sitsOutAt = at + minutes(1)));
			}
		}
		if (sitsOutAt === undefined && random.chance(0.004)) {
			const payload: EntryPayload = {
				kind: 'symptoms',
				symptoms: [random.pick(['dizziness', 'breathless', 'chest_pain', 'asks_to_stop'] as const)]
			};
			const at = Math.min(leftAt - minutes(1), fraction(0.3, 0.7));
			const entry = add(payload, at, findingsForEntry(payload, session.rules, []));
			sitOut(entry.id!, (sitsOutAt = at + minutes(1)));
		}
		if (random.chance(0.08)) {
			const changes = random.pick([
				['seated'],
				['one_hand_support'],
				['reduced_range', 'fewer_reps'],
				['rest_break']
			] as const);
			add({ kind: 'modifications', modifications: [...changes] }, fraction(0.15, 0.5));
		}
		const end = Math.min(leftAt, sitsOutAt ?? leftAt);
		if (random.chance(0.95)) {
			add(exertion(random, profile, session.scale), end - fraction(0.05, 0.15));
		}
		if (random.chance(0.9)) add(pain(random, profile), end - fraction(0.02, 0.05));
		outcomeTests = outcomeOccasion(
			random,
			session,
			participantId,
			profile,
			context.testDue,
			add,
			entries
		);
	}
	if (random.chance(0.0025)) {
		const roll = random.next();
		const severity = roll < 0.15 ? 'serious' : roll < 0.5 ? 'moderate' : 'mild';
		add(
			{
				kind: 'adverse_event',
				type: random.pick(['fall', 'fall', 'injury', 'hypoglycaemia', 'cardiac', 'other'] as const),
				severity,
				actionTaken:
					severity === 'serious'
						? 'Called emergency services; stayed with them until the ambulance came'
						: 'Sat them down, checked vital signs, rested until recovered',
				whoWasTold:
					severity === 'mild' ? 'Supervising therapist' : 'Supervising therapist and physician'
			},
			fraction(0.2, 0.8)
		);
	}
	return { entries, alerts, attended: true, outcomeTests };

	function sitOut(alertId: string, offsetMs: number) {
		const entry = add({ kind: 'sit_out', alertId }, offsetMs);
		alerts.push({
			id: entry.id!,
			clinicId: session.clinicId,
			sessionId: session.id,
			entryId: alertId,
			userId: session.lead.id,
			action: 'sit_out',
			at: entry.recordedAt
		});
	}
}

type AddEntry = (payload: EntryPayload, offsetMs: number) => Entry;

/**
 * The three outcome tests when the participant is due (their first class, then about every six
 * weeks): mostly in class, one time in five on the participant's page after it (about no class).
 */
function outcomeOccasion(
	random: Random,
	session: SessionFacts,
	participantId: string,
	profile: Profile,
	testDue: Map<string, number>,
	add: AddEntry,
	entries: Entry[]
): number {
	if (!profile.tested) return 0;
	const due = testDue.get(participantId);
	if (due !== undefined && due > session.startsAt.getTime()) return 0;
	testDue.set(participantId, session.startsAt.getTime() + (42 + random.int(-3, 3)) * 86_400_000);
	const results = outcomeResults(random, profile);
	if (random.chance(0.2)) {
		let at = session.endedAt.getTime() + random.int(20, 120) * 60_000;
		for (const result of results) {
			entries.push({
				...entryBase(session.clinicId, null, participantId, session.lead.id),
				kind: 'outcome_test',
				payload: { kind: 'outcome_test', result },
				findings: [],
				recordedAt: new Date((at += random.int(60, 240) * 1000)),
				blockIndex: null,
				blockSecond: null
			});
		}
	} else {
		let at = session.classMs * random.between(0.1, 0.3);
		for (const result of results) {
			add({ kind: 'outcome_test', result }, (at += random.int(60, 180) * 1000));
		}
	}
	return results.length;
}

function command(
	clinicId: string,
	sessionId: string,
	userId: string,
	seq: number,
	at: Date,
	type: 'start' | 'end'
): typeof classCommands.$inferInsert {
	return {
		clinicId,
		sessionId,
		seq,
		at,
		command: { type },
		commandVersion: CURRENT.command,
		userId,
		clientCommandId: randomUUID()
	};
}

function signedNote(
	clinicId: string,
	sessionId: string,
	participantId: string,
	lead: Staff,
	endedAt: Date
): typeof classNotes.$inferInsert {
	const signedAt = new Date(endedAt.getTime() + 20 * 60_000);
	return {
		clinicId,
		sessionId,
		participantId,
		state: 'signed',
		draft: {},
		draftedAt: endedAt,
		response: 'Tolerated the class well; steady on the balance work.',
		cues: 'Verbal cues for posture.',
		goals: 'Goal 2: single-leg stance 10 s.',
		plan: 'Progress to tandem stance.',
		updatedAt: signedAt,
		signedBy: lead.id,
		signedAt,
		signerName: lead.name,
		signerCredentials: lead.credentials
	};
}
