import type { Locale } from '../i18n/locales';
import type { ClassType, RoomKind } from './domain';
import type { LogEntry, RoutinePlan } from './timeline';

/** What phones and displays learn about a live class. Displays get no names of people. */

/** A log entry as staff see it: who sent the command. */
export type StaffLogEntry = LogEntry & { by: string };

export type LiveClassView<E extends LogEntry = LogEntry> = {
	sessionId: string;
	name: string;
	type: ClassType;
	roomId: string;
	plan: RoutinePlan;
	log: E[];
};

/** A phone's view of one class: the same plan and log, plus who is connected. */
export type ControlSnapshot = {
	sessionId: string;
	name: string;
	roomId: string;
	roomName: string;
	roomKind: RoomKind;
	startsAt: string;
	status: 'scheduled' | 'live' | 'completed' | 'cancelled';
	live: LiveClassView<StaffLogEntry> | null;
	displays: DisplaySummary[];
	speakExerciseNames: boolean;
	/** A clicker or keyboard on the room's displays may run the class (a coordinator's setting). */
	displayControls?: boolean;
	serverTime: number;
};

export type DisplaySummary = {
	id: string;
	connected: boolean;
	volume: number;
	muted: boolean;
	/** What staff call it ("Gym A left TV"). */
	name?: string;
	/** ISO time the display was last connected; null if never. */
	lastSeenAt?: string | null;
};

export type DisplaySettings = { volume: number; muted: boolean; speakExerciseNames: boolean };

/** Everything a paired display needs; nothing about participants. */
export type DisplaySnapshot = {
	room: { id: string; name: string; kind: RoomKind };
	settings: DisplaySettings;
	nextClass: { name: string; startsAt: string } | null;
	/** This screen's own name (for Identify) and whether its clicker may run the room's class. */
	display?: { name: string; controls: boolean };
	live: LiveClassView | null;
	/**
	 * The language the screen shows and speaks: the live (or just finished) class's series, else
	 * the next class's, else the clinic's.
	 */
	language: Locale;
	serverTime: number;
};

export type Presence = {
	sessionId: string;
	phones: { id: string; name: string }[];
	displays: number;
	/** Which of the room's displays are connected, by id. */
	displayIds?: string[];
	/** What the connected displays said about speaking the class's language (display:voice). */
	voices?: DisplayVoice[];
};

/** A display's own report: whether its browser has a speech voice for the language it shows. */
export type DisplayVoice = { displayId: string; locale: Locale; hasVoice: boolean };
