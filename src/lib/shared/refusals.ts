/**
 * Why the server refused a socket request: a code and its parameters on the wire, never prose.
 * The page picks the words (`refusalText`), so the same refusal can be shown in the reader's
 * language; this table is the English text until the message catalog takes it over.
 */

export type RefusalParams = Record<string, string | number>;

type Words = (params: RefusalParams) => string;

const REFUSAL_WORDS = {
	// Any request
	'too-many-requests': () => 'Too many requests at once; wait a moment',
	'too-many-commands': () => 'Too many commands at once; wait a moment',
	'too-many-identifies': () => 'Identify a display at most a few times at once',
	'too-many-pairing-codes': () => 'Too many pairing codes asked for; wait a minute',
	'server-failed': () => 'The server could not do that; try again',
	'unknown-event': (p) => `Unknown event "${p.event}"`,
	'invalid-payload': (p) => `Invalid ${p.event}: ${p.problem}${p.field ? ` (${p.field})` : ''}`,
	'signed-out': () => 'Signed out: sign in again',
	'out-of-order': (p) => `Out-of-order command ${p.clientSeq} (last was ${p.last})`,

	// Classes
	'class-not-found': () => 'No such class in your clinic',
	'class-not-in-room': () => 'No such class in this room',
	'class-cancelled': () => 'This class was cancelled',
	'class-completed': () => 'This class has ended',
	'room-busy': (p) => `${p.className} is running in this room: end it first`,
	'display-cannot': () => 'A display cannot do that',
	'room-not-found': () => 'No such room in your clinic',
	'too-early': (p) => `Too early: this class can be started from ${p.from} to ${p.until}`,
	'too-late': (p) =>
		`Too late: this class could be started from ${p.from} to ${p.until}. A coordinator can move it`,

	// The timeline (shared/timeline/commands.ts)
	'not-a-command': () => 'That is not a class command',
	'class-ended': () => 'The class has ended',
	'class-finished': () => 'The class has finished',
	'class-not-started': () => 'The class has not started',
	'routine-empty': () => 'The routine has no blocks',
	'already-started': () => 'The class has already started',
	'already-paused': () => 'The class is already paused',
	'class-stopped': () => 'The class is stopped',
	'already-running': () => 'The class is already running',
	'already-stopped': () => 'The class is already stopped',
	'resume-first': () => 'The class is stopped; resume it first',
	'block-not-in-routine': () => 'That block is not in this routine',
	'done-needs-reps': () => 'Done only applies to a reps exercise',
	'extend-out-of-range': () => 'Extend by a whole number of seconds, from -600 to 600, not 0',
	'nothing-to-extend': () => 'There is nothing to extend',
	'reps-wait-for-done': () => 'A reps exercise waits for Done instead',

	// The pool's checklist and headcounts (shared/pool-start.ts, roster/headcount-gate.ts)
	'pool-check-missing': () => 'Record the pool check before starting',
	'pool-display-missing': () => 'Turn on a display in the pool room before starting',
	'headcount-in-unmarked': (p) => `Headcount in: mark attendance for ${p.count} more (${p.names})`,
	'headcount-in-empty': () => 'Headcount in: no one is marked present',
	'headcount-out-missing': (p) => `Count everyone out of the pool first (${p.here} in the class)`,
	'headcount-out-mismatch': (p) =>
		`Headcount out ${p.out} does not match ${p.here} in the class: check the pool`,
	'headcount-out-pool-only': () => 'A headcount out is for pool classes',

	// Displays
	'display-already-paired': () => 'This display is already paired',
	'not-paired-yet': () => 'Not paired yet',
	'pair-first': () => 'Pair this display first',
	'pair-again': () => 'Pair this display again',
	'display-removed': () => 'This display was removed: pair it again',
	'clicker-off': () => 'Clicker control is off for this room',
	'no-live-class': () => 'No class is running in this room',
	'display-not-found': () => 'No such display in your clinic',

	// Entries, alerts and the roster
	'entry-id-used': () => 'That entry id is already used',
	'entries-cancelled': () => 'This class was cancelled: entries are closed',
	'entries-closed': (p) => `This class ended more than ${p.hours} hours ago: entries are closed`,
	'entries-not-open': (p) => `This class has not started: entries open at ${p.opens}`,
	'entries-never-started': () => 'This class was never started: entries are closed',
	'phone-clock-wrong': () => 'The phone clock is wrong: check its date and time',
	'replaced-entry-missing': () => 'The entry this one replaces is not here yet',
	'participant-not-in-class': () => 'That participant is not in this class',
	'sit-out-alert-missing': () => 'The alert this sit-out answers is not here yet',
	'action-id-used': () => 'That action id is already used',
	'alert-not-found': () => 'No such alert in this class',
	'participant-not-found': () => 'No such participant'
} satisfies Record<string, Words>;

export type RefusalCode = keyof typeof REFUSAL_WORDS;

/** What a refused request is answered with. */
export type Refusal = {
	ok: false;
	code: RefusalCode;
	params?: RefusalParams;
	/** The refusal is passing (the server failed, the phone must sign in again): send it later. */
	retry?: boolean;
};

/** Why, without the envelope: what a check returns before it becomes an answer. */
export type Reason = { code: RefusalCode; params?: RefusalParams };

export function refuse(code: RefusalCode, params?: RefusalParams): Refusal {
	return params ? { ok: false, code, params } : { ok: false, code };
}

/** A check's reason as the answer to the request. */
export function refusedFor(reason: Reason): Refusal {
	return refuse(reason.code, reason.params);
}

export function isRefusalCode(code: unknown): code is RefusalCode {
	return typeof code === 'string' && Object.hasOwn(REFUSAL_WORDS, code);
}

/** The words for a refusal; a code this page does not know (a newer server) still says something. */
export function refusalText(reason: { code: string; params?: RefusalParams }): string {
	const words: Words | undefined = isRefusalCode(reason.code)
		? REFUSAL_WORDS[reason.code]
		: undefined;
	return words ? words(reason.params ?? {}) : `Refused (${reason.code})`;
}
