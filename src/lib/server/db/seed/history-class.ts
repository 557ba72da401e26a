import { randomUUID } from 'node:crypto';
import type { ExertionScale } from '../../../shared/domain';
import { findingsForEntry } from '../../../shared/clipboard';
import type { EntryPayload } from '../../../shared/entries';
import type { Finding, VitalRule } from '../../../shared/rules';
import { expandBlock, segmentsPlannedMs } from '../../../shared/timeline/segments';
import type { RoutinePlan } from '../../../shared/timeline/types';
import type { Vitals } from '../../../shared/vitals';
import type { classAlertActions, participantEntries } from '../schema';
import { CURRENT } from '../stored-json';
import {
	exerciseVitals,
	exertion,
	outcomeResults,
	pain,
	restingVitals,
	type Profile
} from './history-people';
import type { Random } from './history-random';
import type { Staff } from './history-setup';

/** What the phones recorded about one participant in one past class (history.ts). */

const DEVICE = 'history-seed';

export type Entry = typeof participantEntries.$inferInsert;

/** Where each block of the plan ends, in ms from the start of the class. */
export function blockEndsOf(plan: RoutinePlan): number[] {
	let total = 0;
	return plan.blocks.map((block) => (total += segmentsPlannedMs(expandBlock(block))));
}

export type SessionFacts = {
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
export function where(session: SessionFacts, offsetMs: number) {
	const offset = Math.max(0, Math.min(offsetMs, session.classMs - 1));
	const index = session.blockEnds.findIndex((end) => offset < end);
	if (index < 0) return { blockIndex: null, blockSecond: null };
	const start = index === 0 ? 0 : session.blockEnds[index - 1]!;
	return { blockIndex: index, blockSecond: Math.floor((offset - start) / 1000) };
}

export function entryBase(
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
export function classEntries(
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
