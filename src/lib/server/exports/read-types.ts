import type { EntryKind } from '../../shared/entries';
import type { NormSex } from '../../shared/outcomes';
import type { NoteOutcomeTest } from '../../shared/records';
import type { classNotes, currentEntries } from '../db/schema';

/** What the export readers hand the writers: a page of classes and all an export says of them. */

/** What an export reads besides the classes: only that is fetched. */
export type Needs = {
	places: boolean;
	/** The entry kinds it writes (none: no entries read). */
	entryKinds: readonly EntryKind[];
	notes: boolean;
	/** The outcome tests signed notes froze (FHIR documents write them; the CSV does not). */
	noteTests?: boolean;
};

export type ExportScope = {
	clinicId: string;
	/** Local dates in the clinic's zone, inclusive. Absent: the one session below. */
	from?: string;
	to?: string;
	roomId?: string;
	seriesId?: string;
	sessionId?: string;
	participantId?: string;
};

export type SessionRow = {
	id: string;
	name: string;
	seriesId: string | null;
	roomId: string;
	roomName: string;
	startsAt: Date;
	durationMinutes: number;
	status: 'scheduled' | 'live' | 'completed' | 'cancelled';
	exertionScale: 'borg_6_20' | 'borg_cr10';
	routineVersionId: string;
	startedAt: Date | null;
	endedAt: Date | null;
};

export type Person = {
	id: string;
	firstName: string;
	lastName: string;
	dateOfBirth: string;
	/** For the outcome tests' cut-offs (chair stand norms by sex). */
	sex: NormSex;
	identifiers: { kind: 'mrn' | 'ehr'; system: string; value: string }[];
};

export type Place = { participantId: string; status: string };

export type EntryRow = {
	id: string;
	sessionId: string;
	participantId: string | null;
	kind: EntryKind;
	payload: (typeof currentEntries.$inferSelect)['payload'];
	recordedAt: Date;
	findings: (typeof currentEntries.$inferSelect)['findings'];
	/** Who recorded it: for an outcome test, who tested. */
	userId: string;
};

/** An outcome test recorded on the participant's page: about no class. */
export type ClasslessTest = Omit<EntryRow, 'sessionId'> & { sessionId: null };

/** Staff as an export names them (who tested). */
export type Tester = { name: string; credentials: string };
export type NoteRow = Pick<
	typeof classNotes.$inferSelect,
	| 'id'
	| 'sessionId'
	| 'participantId'
	| 'state'
	| 'response'
	| 'cues'
	| 'goals'
	| 'plan'
	| 'signerName'
	| 'signerCredentials'
	| 'signedAt'
	| 'cosignerName'
	| 'cosignerCredentials'
	| 'cosignedAt'
> & {
	addenda: { text: string; authorName: string; authorCredentials: string; at: Date }[];
	/**
	 * A signed note's outcome tests as its draft froze them (draft version 2); empty for an open
	 * note (not read), a version 1 draft, or a draft that fails its check.
	 */
	outcomeTests: NoteOutcomeTest[];
};
export type BlockRow = {
	routineVersionId: string;
	position: number;
	exerciseName: string;
	category: string;
};

/** One page of classes and everything about them an export writes. */
export type SessionPage = {
	sessions: SessionRow[];
	/** Per session: who had a place (enrolled, walk-in, waitlisted, cancelled). */
	places: Map<string, Place[]>;
	/** Per session: its current entries, in the order they were recorded. */
	entries: Map<string, EntryRow[]>;
	/** Per session: its notes. */
	notes: Map<string, NoteRow[]>;
	people: Map<string, Person>;
	/** Per routine version: its exercise blocks in order. */
	blocks: Map<string, BlockRow[]>;
	/** Who recorded the page's outcome tests, by user id (only read when tests are). */
	testers: Map<string, Tester>;
};

/** The outcome tests of a range recorded about no class, with their people and testers. */
export type ClasslessTests = {
	tests: ClasslessTest[];
	people: Map<string, Person>;
	testers: Map<string, Tester>;
};
