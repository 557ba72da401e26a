import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { occurrencesBetween } from '../../../shared/planning/recurrence';
import type { RoutinePlan } from '../../../shared/timeline/types';
import { addDays, localDate, zonedTimeToInstant } from '../../../shared/time-zone';
import { buildPlan } from '../../live/plan';
import { expandSeries } from '../../planning/expansion';
import { clinicRules } from '../../settings/rules';
import type { Database } from '../client';
import {
	classAlertActions,
	classCommands,
	classNotes,
	classSessions,
	clinics,
	participantEntries,
	poolChecks,
	users
} from '../schema';
import { CURRENT } from '../stored-json';
import {
	blockEndsOf,
	classEntries,
	entryBase,
	where,
	type Entry,
	type SessionFacts
} from './history-class';
import { profileOf } from './history-people';
import { seededRandom } from './history-random';
import {
	historyEnrolments,
	historyPeople,
	historySeries,
	historyStaff,
	insertAll,
	type Staff
} from './history-setup';

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

const CANCEL_REASONS = ['Public holiday', 'Staff illness', 'Room maintenance', 'Pool closed'];

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
	const profiles = new Map(people.map((p, i) => [p.id, profileOf(random, p, today, i)]));

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
