import type { AlertActionView } from './alerts';
import type { AquaticScreening, AssistiveDevice, EnrollmentStatus, ExertionScale } from './domain';
import type { Entry } from './entries';
import type { TestedPerson } from './outcomes';
import type { Finding, VitalRule } from './rules';

/** Staff only: a participant as the technicians' phones see them in a class. */
export type RosterMember = {
	participantId: string;
	displayName: string;
	fullName: string;
	place: Exclude<EnrollmentStatus, 'cancelled'>;
	precautions: string;
	assistiveDevice: AssistiveDevice;
	aquaticScreening: AquaticScreening;
	/** Age today and sex as the outcome tests' cut-offs need them (the chair stand's norms). */
	testedAs: TestedPerson;
};

/** A stored entry as phones list it: who recorded it and what the rules said. */
export type StoredEntry = {
	entry: Entry;
	findings: Finding[];
	by: string;
	/** Which block of the routine, and how many seconds into it (null before the start). */
	at?: { blockIndex: number; blockSecond: number } | null;
};

/** What the phone needs to keep the class's clipboard: staff only, never sent to a display. */
export type ClassClipboard = {
	roster: RosterMember[];
	entries: StoredEntry[];
	exertionScale: ExertionScale;
	pool: boolean;
	rules: VitalRule[];
	/** What staff did about the class's alerts: who saw them, who sat someone out, rechecks. */
	alertActions: AlertActionView[];
	/** Pool classes: the pool check once recorded (any phone), for the start checklist. */
	poolCheck: { by: string; at: number; readings: string; overrideReason: string | null } | null;
};

/** A search result when adding a walk-in. */
export type ParticipantMatch = Pick<RosterMember, 'participantId' | 'displayName' | 'fullName'>;
