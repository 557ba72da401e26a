import type { Attendance, EntryPayload, Modification } from '../entries';
import type { SupportTier } from '../domain';
import { ageOn, judgeOutcome, type NormSex } from '../outcomes';
import type { Finding } from '../rules';
import type { LogEntry, RoutinePlan } from '../timeline';
import { groupBilling } from './billing';
import { msPerBlock, performedBlocks } from './blocks';
import {
	NOTE_DRAFT_VERSION,
	type NoteDraft,
	type NoteObservation,
	type NoteOutcomeTest
} from './draft-schema';
import { activeMs, classRun, toMinutes } from './minutes';

/** An entry that still counts (read from the current_participant_entries view). */
export type DraftEntry = {
	id: string;
	participantId: string | null;
	payload: EntryPayload;
	findings: Finding[];
	/** Server epoch ms. */
	recordedAt: number;
	blockIndex: number | null;
	/** Who recorded it: for an outcome test, who tested. */
	userId: string;
};

export type DraftClass = {
	sessionId: string;
	date: string;
	className: string;
	routineName: string;
	roomName: string;
	pool: boolean;
	staff: NoteDraft['staff'];
	plan: RoutinePlan;
	log: readonly LogEntry[];
	/** When the class ended (class_sessions.ended_at), if it did. */
	endedAt: number | null;
	entries: DraftEntry[];
	/** What the outcome tests' cut-offs need of the participants tested in the class. */
	people: Record<string, { dateOfBirth: string; sex: NormSex }>;
	/** The staff who recorded the class's outcome tests, by user id. */
	testers: Record<string, { name: string; credentials: string }>;
};

const ATTENDED: Attendance[] = ['present', 'late', 'left_early'];

/** Seated work is the seated tier; a hand on a support, the supported one; else standing. */
export function tierOf(modifications: readonly Modification[]): SupportTier {
	if (modifications.includes('seated')) return 'seated';
	if (modifications.includes('one_hand_support') || modifications.includes('two_hand_support')) {
		return 'supported';
	}
	return 'standing';
}

const unique = <T>(items: T[]) => [...new Set(items)];

/** Each participant's latest attendance that still counts. */
function attendanceByParticipant(entries: DraftEntry[]) {
	const latest = new Map<string, { entry: DraftEntry; status: Attendance; leftAt?: number }>();
	for (const entry of [...entries].sort((a, b) => a.recordedAt - b.recordedAt)) {
		if (entry.payload.kind !== 'attendance' || !entry.participantId) continue;
		latest.set(entry.participantId, {
			entry,
			status: entry.payload.status,
			leftAt: entry.payload.leftAt
		});
	}
	return latest;
}

/**
 * One draft note per attending participant (present, late, left early) of an ended class: what
 * Steady knows from the plan, the command log and the entries. Empty when the class never ran.
 */
export function draftNotes(cls: DraftClass): NoteDraft[] {
	const run = classRun(cls.log, cls.endedAt);
	if (!run) return [];
	const spent = msPerBlock(cls.plan, cls.log, run);
	const performed = performedBlocks(cls.plan, spent);
	const attending = [...attendanceByParticipant(cls.entries)].filter(([, a]) =>
		ATTENDED.includes(a.status)
	);
	const size = attending.length;
	const billing = groupBilling(size);
	const activity = cls.routineName || cls.className;

	return attending.map(([participantId, a]) => {
		const from = a.status === 'late' ? Math.max(run.start, a.entry.recordedAt) : run.start;
		const to =
			a.status === 'left_early' ? Math.min(run.end, a.leftAt ?? a.entry.recordedAt) : run.end;
		const own = cls.entries
			.filter((e) => e.participantId === participantId)
			.sort((x, y) => x.recordedAt - y.recordedAt);
		const modsAt = (blockIndex: number | null) =>
			unique(
				own.flatMap((e) =>
					e.payload.kind === 'modifications' && e.blockIndex === blockIndex
						? e.payload.modifications
						: []
				)
			);
		const observations: NoteObservation[] = [];
		const adverseEvents: NoteDraft['adverseEvents'] = [];
		const outcomeTests: NoteOutcomeTest[] = [];
		const person = cls.people[participantId];
		for (const e of own) {
			const p = e.payload;
			const base = { at: e.recordedAt, findings: e.findings };
			if (p.kind === 'exertion') {
				observations.push({ kind: 'exertion', scale: p.scale, value: p.value, ...base });
			}
			if (p.kind === 'pain') observations.push({ kind: 'pain', value: p.value, ...base });
			if (p.kind === 'vitals') observations.push({ kind: 'vitals', vitals: p.vitals, ...base });
			if (p.kind === 'symptoms') {
				observations.push({ kind: 'symptoms', symptoms: p.symptoms, ...base });
			}
			if (p.kind === 'outcome_test') {
				// Judged by the age on the class's day; without a record of them, no cut-off applies.
				const judgement = person
					? judgeOutcome(p.result, { age: ageOn(person.dateOfBirth, cls.date), sex: person.sex })
					: ({ verdict: 'no-norm', reason: 'age' } as const);
				outcomeTests.push({
					at: e.recordedAt,
					result: p.result,
					judgement,
					tester: cls.testers[e.userId] ?? null,
					...(p.note ? { note: p.note } : {})
				});
			}
			if (p.kind === 'adverse_event') {
				const { type, severity, actionTaken, whoWasTold } = p;
				adverseEvents.push({ at: e.recordedAt, type, severity, actionTaken, whoWasTold });
			}
		}
		const blocks = performed.map((index) => {
			const block = cls.plan.blocks[index]!;
			const modifications = modsAt(index);
			return {
				blockIndex: index,
				name: block.name,
				phase: block.phase,
				minutes: toMinutes(spent[index] ?? 0),
				tier: tierOf(modifications),
				modifications,
				skipped: modifications.includes('skipped')
			};
		});
		return {
			version: NOTE_DRAFT_VERSION,
			sessionId: cls.sessionId,
			participantId,
			date: cls.date,
			className: cls.className,
			routineName: cls.routineName,
			roomName: cls.roomName,
			pool: cls.pool,
			staff: cls.staff,
			attendance: a.status as NoteDraft['attendance'],
			from,
			to: Math.max(from, to),
			minutes: toMinutes(activeMs(run, from, to)),
			classMinutes: toMinutes(activeMs(run, run.start, run.end)),
			blocks,
			classModifications: modsAt(null),
			observations,
			adverseEvents,
			outcomeTests,
			group: { size, activity },
			billing,
			aquatic: cls.pool
		} satisfies NoteDraft;
	});
}
