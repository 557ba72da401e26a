import type { Attendance, Entry, EntryPayload } from './entries';
import {
	evaluateVitals,
	symptomFindings,
	worstAction,
	type Finding,
	type RuleAction,
	type StopSymptom,
	type VitalRule
} from './rules';
import type { StoredEntry } from './roster';
import type { Vitals } from './vitals';

/**
 * Reading the class's entries: which still count (edits and retractions supersede earlier
 * entries, which stay in the history), who is here, who is not cleared, what needs attention.
 * The same code runs on every phone and on the server, so they agree.
 */

/** Entries not replaced by a later edit nor withdrawn, oldest first. */
export function activeEntries(entries: StoredEntry[]): StoredEntry[] {
	const replaced = new Set(entries.map((e) => e.entry.supersedes).filter(Boolean));
	return entries
		.filter((e) => !replaced.has(e.entry.id) && e.entry.payload.kind !== 'retraction')
		.sort((a, b) => a.entry.recordedAt - b.entry.recordedAt);
}

type Of<K extends EntryPayload['kind']> = StoredEntry & {
	entry: Entry & { payload: Extract<EntryPayload, { kind: K }> };
};

export function entriesOf<K extends EntryPayload['kind']>(
	active: StoredEntry[],
	kind: K,
	participantId?: string
): Of<K>[] {
	return active.filter(
		(e): e is Of<K> =>
			e.entry.payload.kind === kind &&
			(participantId === undefined || e.entry.participantId === participantId)
	);
}

/** A participant's attendance now: their latest attendance entry that still counts. */
export function attendanceOf(
	active: StoredEntry[],
	participantId: string
): Of<'attendance'> | null {
	return entriesOf(active, 'attendance', participantId).at(-1) ?? null;
}

const HERE: Attendance[] = ['present', 'late'];
const CAME: Attendance[] = ['present', 'late', 'left_early'];

/** "7 present of 9": those who came (including anyone who left early) of those on the list. */
export function headcount(active: StoredEntry[], rosterIds: string[]) {
	let came = 0;
	let here = 0;
	for (const id of rosterIds) {
		const status = attendanceOf(active, id)?.entry.payload.status;
		if (status && CAME.includes(status)) came++;
		if (status && HERE.includes(status)) here++;
	}
	return { came, here, of: rosterIds.length };
}

export type HeadcountCheck =
	| { state: 'not_counted'; here: number }
	| { state: 'match'; here: number; out: number }
	| { state: 'mismatch'; here: number; out: number };

/**
 * Pool classes: the latest headcount out against the people still in the class (present or
 * late, not those who left early). The class cannot be ended until they match.
 */
export function headcountCheck(active: StoredEntry[], rosterIds: string[]): HeadcountCheck {
	const { here } = headcount(active, rosterIds);
	const latest = entriesOf(active, 'headcount_out').at(-1);
	if (!latest) return { state: 'not_counted', here };
	const out = latest.entry.payload.count;
	return { state: out === here ? 'match' : 'mismatch', here, out };
}

/** Pain up by 2 or more since this participant's first pain score in the class. */
export function painRise(active: StoredEntry[], participantId: string): number | null {
	const scores = entriesOf(active, 'pain', participantId);
	const first = scores[0];
	const latest = scores.at(-1);
	if (!first || !latest || first === latest) return null;
	const rise = latest.entry.payload.value - first.entry.payload.value;
	return rise >= 2 ? rise : null;
}

/**
 * The rules' verdict on a participant now. Each kind of reading counts by its latest entry: a
 * new reading that is fine clears an earlier warning; symptoms stay until withdrawn.
 */
export function participantFindings(active: StoredEntry[], participantId: string): Finding[] {
	const latestVitals = entriesOf(active, 'vitals', participantId).at(-1);
	const symptoms = entriesOf(active, 'symptoms', participantId);
	return [...(latestVitals?.findings ?? []), ...symptoms.flatMap((e) => e.findings)];
}

export function participantAction(active: StoredEntry[], participantId: string): RuleAction | null {
	return worstAction(participantFindings(active, participantId));
}

/** What every technician in the class must see at once: STOP findings and adverse events. */
export function urgentEntries(active: StoredEntry[]): StoredEntry[] {
	return active.filter(
		(e) =>
			e.entry.payload.kind === 'adverse_event' ||
			e.findings.some((finding) => finding.action === 'STOP')
	);
}

/**
 * What the clinic's rules say about a new entry, given the participant's entries so far. The
 * phone shows this at once (even offline); the server works it out again and its answer is kept.
 */
export function findingsForEntry(
	payload: EntryPayload,
	rules: VitalRule[],
	earlierVitals: Vitals[]
): Finding[] {
	if (payload.kind === 'symptoms') return symptomFindings(payload.symptoms as StopSymptom[]);
	if (payload.kind !== 'vitals') return [];
	// Rules relative to rest compare with the participant's first resting reading in the class.
	const rest = earlierVitals.find((vitals) => vitals.timing === 'before');
	return evaluateVitals(payload.vitals, rules, rest);
}
