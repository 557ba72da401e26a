import { stringify } from 'csv-stringify/sync';
import { describeJudgement } from '../../shared/describe-outcome';
import type { EntryPayload } from '../../shared/entries';
import { OUTCOME_CODES } from './fhir-codes';
import { findingText, type Finding, type Wording } from '../../shared/rules';
import { localDate } from '../../shared/time-zone';
import { outcomeFacts, type OutcomeFacts } from './outcome-facts';
import type { CsvFile } from './query';
import type { ClasslessTests, EntryRow, Person, SessionPage, SessionRow } from './read-types';

/**
 * The CSV files of the exports page. Column names are fixed identifiers (documented in the
 * README's "Records and exports" section), so an import script keeps working whatever the
 * language of the person who downloaded the file. Cells are written by csv-stringify with its
 * formula escaping: a text cell starting with = + - @ TAB or CR gets a leading ' (OWASP CSV
 * injection), while numbers stay numbers.
 */

type Cell = string | number | null;

const CLASS_COLUMNS = ['date', 'starts_at', 'session_id', 'class', 'room', 'series_id'] as const;
const PERSON_COLUMNS = ['participant_id', 'last_name', 'first_name', 'mrn'] as const;

export const CSV_COLUMNS: Record<CsvFile, readonly string[]> = {
	attendance: [
		...CLASS_COLUMNS,
		'session_status',
		...PERSON_COLUMNS,
		'place',
		'attendance',
		'left_at',
		'recorded_at'
	],
	tolerance: [
		...CLASS_COLUMNS,
		...PERSON_COLUMNS,
		'recorded_at',
		'kind',
		'timing',
		'exertion_scale',
		'exertion',
		'pain',
		'systolic_mmhg',
		'diastolic_mmhg',
		'heart_rate_bpm',
		'spo2_percent',
		'glucose_mg_dl',
		'temperature_c',
		'flag_codes',
		'flag_words'
	],
	'adverse-events': [
		...CLASS_COLUMNS,
		...PERSON_COLUMNS,
		'recorded_at',
		'type',
		'severity',
		'action_taken',
		'who_was_told'
	],
	notes: [
		...CLASS_COLUMNS,
		...PERSON_COLUMNS,
		'state',
		'response',
		'cues',
		'goals',
		'plan',
		'signer_name',
		'signer_credentials',
		'signed_at',
		'cosigner_name',
		'cosigner_credentials',
		'cosigned_at',
		'addenda'
	],
	'outcome-tests': [
		...CLASS_COLUMNS,
		...PERSON_COLUMNS,
		'recorded_at',
		'test',
		'loinc',
		'chair_stands',
		'arms_used',
		'tug_seconds',
		'assistive_device',
		'balance_stage',
		'balance_seconds',
		'score',
		'verdict',
		'cutoff',
		'verdict_words',
		'tester_name',
		'tester_credentials',
		'note'
	]
};

const iso = (at: Date | null | undefined) => (at ? at.toISOString() : null);

function classCells(session: SessionRow, timeZone: string): Cell[] {
	return [
		localDate(timeZone, session.startsAt),
		iso(session.startsAt),
		session.id,
		session.name,
		session.roomName,
		session.seriesId
	];
}

function personCells(id: string, person: Person | undefined): Cell[] {
	const mrn = person?.identifiers.find((i) => i.kind === 'mrn')?.value ?? null;
	return [id, person?.lastName ?? null, person?.firstName ?? null, mrn];
}

/** A finding as a code ("HOLD:resting-sbp") and in words ("Hold: Resting SBP ≥ 180 mmHg"). */
export function flagCells(findings: Finding[], words: Wording): [string, string] {
	return [
		findings.map((f) => `${f.action}:${f.ruleId}`).join('|'),
		findings
			.map((f) => {
				const text = findingText(words, f);
				return `${text.action}: ${text.label}`;
			})
			.join('; ')
	];
}

function toleranceCells(entry: EntryRow, words: Wording): Cell[] | null {
	const payload = entry.payload as EntryPayload;
	const blank = Array<Cell>(10).fill(null);
	if (payload.kind === 'exertion') {
		return [null, payload.scale, payload.value, ...blank.slice(3), '', ''];
	}
	if (payload.kind === 'pain') {
		return [null, null, null, payload.value, ...blank.slice(4), '', ''];
	}
	if (payload.kind === 'vitals') {
		const v = payload.vitals;
		return [
			v.timing,
			null,
			null,
			null,
			v.systolic ?? null,
			v.diastolic ?? null,
			v.heartRate ?? null,
			v.spo2 ?? null,
			v.glucose ?? null,
			v.temperatureC ?? null,
			...flagCells(entry.findings, words)
		];
	}
	return null;
}

/** An outcome test's cells after the class and person columns (CSV_COLUMNS['outcome-tests']). */
function outcomeCells(recordedAt: Date, facts: OutcomeFacts, words: Wording): Cell[] {
	const { result, judgement } = facts;
	return [
		iso(recordedAt),
		result.test,
		OUTCOME_CODES[result.test].loinc ?? null,
		result.test === 'chair_stand_30s' ? result.count : null,
		result.test === 'chair_stand_30s' ? String(result.armsUsed) : null,
		result.test === 'tug' ? result.seconds : null,
		result.test === 'tug' ? result.device : null,
		result.test === 'four_stage_balance' ? result.stage : null,
		result.test === 'four_stage_balance' ? result.seconds : null,
		facts.score,
		judgement.verdict,
		judgement.verdict === 'no-norm' ? null : judgement.cutoff,
		describeJudgement(words, result.test, judgement),
		facts.tester?.name ?? null,
		facts.tester?.credentials ?? null,
		facts.note
	];
}

/**
 * The outcome tests of a range recorded about no class: the class columns empty but the date,
 * which is the test's own day.
 */
export function* classlessRows(
	found: ClasslessTests,
	timeZone: string,
	words: Wording
): Generator<Cell[]> {
	for (const test of found.tests) {
		const person = found.people.get(test.participantId!);
		const facts = outcomeFacts(test, person, found.testers, timeZone);
		if (!facts) continue;
		yield [
			facts.day,
			null,
			null,
			null,
			null,
			null,
			...personCells(test.participantId!, person),
			...outcomeCells(test.recordedAt, facts, words)
		];
	}
}

/** The rows one page of classes adds to a file. */
export function* csvRows(
	file: CsvFile,
	page: SessionPage,
	timeZone: string,
	words: Wording
): Generator<Cell[]> {
	for (const session of page.sessions) {
		const klass = classCells(session, timeZone);
		const entries = page.entries.get(session.id) ?? [];
		if (file === 'attendance') {
			const marks = new Map<string, EntryRow>();
			for (const entry of entries) {
				if (entry.kind === 'attendance' && entry.participantId) {
					marks.set(entry.participantId, entry);
				}
			}
			const who = new Map(page.places.get(session.id)?.map((p) => [p.participantId, p.status]));
			for (const id of marks.keys()) if (!who.has(id)) who.set(id, '');
			for (const [id, place] of who) {
				const mark = marks.get(id);
				const payload = mark?.payload as Extract<EntryPayload, { kind: 'attendance' }> | undefined;
				yield [
					...klass,
					session.status,
					...personCells(id, page.people.get(id)),
					place,
					payload?.status ?? null,
					payload?.leftAt ? new Date(payload.leftAt).toISOString() : null,
					iso(mark?.recordedAt)
				];
			}
		} else if (file === 'tolerance' || file === 'adverse-events') {
			for (const entry of entries) {
				if (!entry.participantId) continue;
				const head = [
					...klass,
					...personCells(entry.participantId, page.people.get(entry.participantId)),
					iso(entry.recordedAt),
					entry.kind
				];
				const payload = entry.payload as EntryPayload;
				if (file === 'tolerance') {
					const cells = toleranceCells(entry, words);
					if (cells) yield [...head, ...cells];
				} else if (payload.kind === 'adverse_event') {
					yield [
						...head.slice(0, -1),
						payload.type,
						payload.severity,
						payload.actionTaken,
						payload.whoWasTold
					];
				}
			}
		} else if (file === 'outcome-tests') {
			for (const entry of entries) {
				if (!entry.participantId) continue;
				const person = page.people.get(entry.participantId);
				const facts = outcomeFacts(entry, person, page.testers, timeZone);
				if (!facts) continue;
				yield [
					...klass,
					...personCells(entry.participantId, person),
					...outcomeCells(entry.recordedAt, facts, words)
				];
			}
		} else {
			for (const note of page.notes.get(session.id) ?? []) {
				yield [
					...klass,
					...personCells(note.participantId, page.people.get(note.participantId)),
					note.state,
					note.response,
					note.cues,
					note.goals,
					note.plan,
					note.signerName,
					note.signerCredentials,
					iso(note.signedAt),
					note.cosignerName,
					note.cosignerCredentials,
					iso(note.cosignedAt),
					note.addenda.length
				];
			}
		}
	}
}

/** One page of rows as CSV text; the first page carries the BOM (Excel reads UTF-8) and header. */
export function csvText(file: CsvFile, rows: Cell[][], first: boolean): string {
	return stringify(rows, {
		header: first,
		bom: first,
		columns: CSV_COLUMNS[file] as string[],
		escape_formulas: true,
		record_delimiter: 'windows',
		// With CRLF rows the library quotes only a cell holding CRLF; a bare LF or CR (a note's
		// line break) must be quoted too, or it starts a new row.
		quoted_match: /[\r\n]/
	});
}
