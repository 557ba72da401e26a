import { domainEn } from './areas/domain';
import { errorsEn } from './areas/errors';
import { formsEn } from './areas/forms';
import { controllerEn } from './areas/controller';
import { entriesEn } from './areas/entries';
import { routinesEn } from './areas/routines';
import { scheduleEn } from './areas/schedule';
import { participantsEn } from './areas/participants';
import { settingsEn } from './areas/settings';
import { recordsEn } from './areas/records';
import { notesEn } from './areas/notes';
import { handoutsEn } from './areas/handouts';
import { exportsEn } from './areas/exports';
import { outcomesEn } from './areas/outcomes';
import { reportsEn } from './areas/reports';
import { reportsSafetyOutcomesEn } from './areas/reports-safety-outcomes';

/**
 * English, the source catalog: every key Steady has, in ICU MessageFormat (`{name}` for a
 * parameter, `{n, plural, one {...} other {...}}` for counts). Another locale's catalog must have
 * exactly these keys, which the type checker holds (see es.ts).
 */
export const en = {
	// The wall display (src/routes/display)
	'display.title': 'Steady display',
	'display.connecting': 'Connecting…',
	'display.sound-off': 'Sound off',
	'display.tap-for-sound': 'Tap to enable sound',
	'display.full-screen': 'Full screen',
	'display.class-complete': 'Class complete',
	'display.well-done': 'Well done, everyone.',
	'display.not-sent': 'Not sent: no connection',
	'display.hold-key-to-stop': 'Hold the key to stop the class',
	'display.keep-holding': 'Keep holding to stop the class',
	'display.paused': 'Paused',
	'display.stop': 'STOP',
	'display.stopped-by-staff': 'Class stopped by staff. Please stay where you are.',
	'display.this-display-is': 'This display is',
	'display.no-more-classes': 'No more classes today.',
	'display.pair-title': 'Pair this screen',
	'display.pair-how': "On a technician's phone, open {menu} and enter:",
	'display.pair-scan': "or scan the code with the phone's camera.",
	'display.pair-getting': 'Getting a pairing code…',
	'display.pair-menu': 'Pair a display',
	'display.unnamed': 'unnamed',
	'display.time-now': 'Time now',
	'display.next-class': 'Next class: {name}, {when}',
	'display.elapsed-minutes': '{minutes} min',
	'display.elapsed-hours': '{hours} h {minutes} min',
	'display.next-name': 'Next: {name}',
	'display.last-exercise': 'Last exercise',
	'display.ways-to-do-it': 'Ways to do it',
	'display.time-left': '{time} left',
	'display.phase.warm_up': 'Warm-up',
	'display.phase.main': 'Main',
	'display.phase.cool_down': 'Cool-down',
	'display.segment.rest': 'Rest',
	'display.segment.set-rest': 'Rest between sets',
	'display.segment.switch-sides': 'Switch sides',
	'display.segment.get-ready': 'Get ready',
	'display.tier.seated': 'Seated',
	'display.tier.supported': 'Supported',
	'display.tier.standing': 'Standing',
	'display.side.left': 'LEFT',
	'display.side.right': 'RIGHT',
	'display.reps-count': '{reps} reps',
	'display.reps': 'Reps',
	'display.own-pace': 'Go at your own pace',
	'display.hold-of': 'hold {rep} of {reps}',
	'display.next-hold': 'next: hold {rep} of {reps}',
	'display.next-set': 'next: set {set} of {sets}',
	'display.set-of': 'Set {set} of {sets}',
	'display.other-side': 'Same exercise, other side.',
	'display.cue.go': 'Go!',
	'display.cue.halfway': 'Halfway',
	'display.cue.switch': 'Switch sides',
	'display.cue.rest': 'Rest',
	'display.cue.next': 'Next exercise',
	'display.cue.complete': 'Class complete',
	'display.key.pause': 'Pause',
	'display.key.resume': 'Resume',
	'display.key.next': 'Next ›',
	'display.key.back': '‹ Back',
	'display.key.done': 'Done ›',
	'display.key.stop': 'Stop',
	'display.hold-to-stop': 'Hold to stop',
	'display.not-secure': 'Not secure: screen may sleep',
	'display.not-secure-why': 'Plain http: the screen may sleep during a class',
	'display.reconnecting': 'Reconnecting',
	'display.switch-theme': 'Switch light or dark',
	'display.theme-light': 'Light',
	'display.theme-dark': 'Dark',
	'display.pairing-code': 'Pairing code {code}',

	// Sign-in (routes/sign-in)
	'sign-in.title': 'Sign in · Steady',
	'sign-in.lead': "Sign in to run today's classes.",
	'sign-in.email': 'Email',
	'sign-in.password': 'Password',
	'sign-in.submit': 'Sign in',
	'sign-in.email-missing': 'Enter your email',
	'sign-in.email-invalid': 'Enter a valid email address',
	'sign-in.password-missing': 'Enter your password',
	'sign-in.mismatch': 'That email and password do not match an account.',
	'sign-in.wait':
		'Too many failed tries. Try again in {seconds, plural, one {# second} other {# seconds}}.',

	// The staff pages' header (routes/(app)/+layout.svelte)
	'nav.main': 'Main',
	'nav.skip-to-content': 'Skip to main content',
	'table.scrolls': 'Table (scrolls sideways)',
	'nav.today': 'Today',
	'nav.run-class': 'Run a class',
	'nav.schedule': 'Schedule',
	'nav.routines': 'Routines',
	'nav.exercises': 'Exercises',
	'nav.participants': 'Participants',
	'nav.rooms': 'Rooms',
	'nav.settings': 'Settings',
	'nav.sign-out': 'Sign out',
	'role.technician': 'technician',
	'role.therapist': 'therapist',
	'role.coordinator': 'coordinator',
	'account.language': 'Language',
	'account.language-browser': "This browser's ({language})",
	'account.change-language': 'Change language',

	// Today (routes/(app)/+page.svelte) and words shared by the staff pages
	'today.page-title': 'Today · Steady',
	'today.title': 'Today',
	'today.no-classes': 'No classes in this room today.',
	'today.routine': 'Routine: {name}',
	'today.minutes': '{minutes} min',
	'today.enrolled': '{enrolled} of {capacity} enrolled',
	'room-kind.pool': 'Pool',
	'room-kind.gym': 'Gym',
	'class-status.scheduled': 'Scheduled',
	'class-status.live': 'Running now',
	'class-status.completed': 'Done',
	'class-status.cancelled': 'Cancelled',

	// Run a class (routes/(app)/control/+page.svelte)
	'control.page-title': 'Control · Steady',
	'control.running': 'Running',
	'control.no-classes': 'No classes here today.',
	'control.displays': 'Displays',

	// The exercise form (routes/(app)/(coordinator)/exercises)
	'exercise-form.spanish': 'In Spanish',
	'exercise-form.spanish-hint':
		'For classes in Spanish: the wall shows these, and anything left blank in English.',
	'exercise-form.name-es': 'Name in Spanish',
	'exercise-form.cue-es': 'Display cue in Spanish',
	'exercise-form.notes-es': 'Technician notes in Spanish',

	// The class series form (schedule/series)
	'series.language': 'Language on the display',
	'series.language-clinic': "The clinic's ({language})",
	'series.language-hint':
		'What the wall display shows and says during these classes. Phones keep their own language.',

	// Socket refusals (shared/refusals.ts): `refusal.` and the code the server sends
	'refusal.too-many-requests': 'Too many requests at once; wait a moment',
	'refusal.too-many-commands': 'Too many commands at once; wait a moment',
	'refusal.too-many-identifies': 'Identify a display at most a few times at once',
	'refusal.too-many-pairing-codes': 'Too many pairing codes asked for; wait a minute',
	'refusal.server-failed': 'The server could not do that; try again',
	'refusal.unknown-event': 'Unknown event "{event}"',
	'refusal.invalid-payload':
		'Invalid {event}: {problem}{field, select, none {} other { ({field})}}',
	'refusal.problem.not-an-id': 'not a valid id',
	'refusal.unknown-code': 'Refused ({code})',
	'refusal.signed-out': 'Signed out: sign in again',
	'refusal.out-of-order': 'Out-of-order command {clientSeq} (last was {last})',
	'refusal.class-not-found': 'No such class in your clinic',
	'refusal.class-not-in-room': 'No such class in this room',
	'refusal.class-cancelled': 'This class was cancelled',
	'refusal.class-completed': 'This class has ended',
	'refusal.room-busy': '{className} is running in this room: end it first',
	'refusal.display-cannot': 'A display cannot do that',
	'refusal.room-not-found': 'No such room in your clinic',
	'refusal.too-early': 'Too early: this class can be started from {from} to {until}',
	'refusal.too-late':
		'Too late: this class could be started from {from} to {until}. A coordinator can move it',
	'refusal.not-a-command': 'That is not a class command',
	'refusal.class-ended': 'The class has ended',
	'refusal.class-finished': 'The class has finished',
	'refusal.class-not-started': 'The class has not started',
	'refusal.routine-empty': 'The routine has no blocks',
	'refusal.already-started': 'The class has already started',
	'refusal.already-paused': 'The class is already paused',
	'refusal.class-stopped': 'The class is stopped',
	'refusal.already-running': 'The class is already running',
	'refusal.already-stopped': 'The class is already stopped',
	'refusal.resume-first': 'The class is stopped; resume it first',
	'refusal.block-not-in-routine': 'That block is not in this routine',
	'refusal.done-needs-reps': 'Done only applies to a reps exercise',
	'refusal.extend-out-of-range': 'Extend by a whole number of seconds, from -600 to 600, not 0',
	'refusal.nothing-to-extend': 'There is nothing to extend',
	'refusal.reps-wait-for-done': 'A reps exercise waits for Done instead',
	'refusal.pool-check-missing': 'Record the pool check before starting',
	'refusal.pool-display-missing': 'Turn on a display in the pool room before starting',
	'refusal.headcount-in-unmarked': 'Headcount in: mark attendance for {count} more ({names})',
	'refusal.headcount-in-empty': 'Headcount in: no one is marked present',
	'refusal.headcount-out-missing': 'Count everyone out of the pool first ({here} in the class)',
	'refusal.headcount-out-mismatch':
		'Headcount out {out} does not match {here} in the class: check the pool',
	'refusal.headcount-out-pool-only': 'A headcount out is for pool classes',
	'refusal.display-already-paired': 'This display is already paired',
	'refusal.not-paired-yet': 'Not paired yet',
	'refusal.pair-first': 'Pair this display first',
	'refusal.pair-again': 'Pair this display again',
	'refusal.display-removed': 'This display was removed: pair it again',
	'refusal.clicker-off': 'Clicker control is off for this room',
	'refusal.no-live-class': 'No class is running in this room',
	'refusal.display-not-found': 'No such display in your clinic',
	'refusal.entry-id-used': 'That entry id is already used',
	'refusal.entries-cancelled': 'This class was cancelled: entries are closed',
	'refusal.entries-closed': 'This class ended more than {hours} hours ago: entries are closed',
	'refusal.entries-not-open': 'This class has not started: entries open at {opens}',
	'refusal.entries-never-started': 'This class was never started: entries are closed',
	'refusal.phone-clock-wrong': 'The phone clock is wrong: check its date and time',
	'refusal.replaced-entry-missing': 'The entry this one replaces is not here yet',
	'refusal.participant-not-in-class': 'That participant is not in this class',
	'refusal.sit-out-alert-missing': 'The alert this sit-out answers is not here yet',
	'refusal.action-id-used': 'That action id is already used',
	'refusal.alert-not-found': 'No such alert in this class',
	'refusal.participant-not-found': 'No such participant',
	'refusal.note-signed': 'Note signed: add an addendum',
	// Each area's words live in its own file (areas/), so pages can move in without colliding.
	...domainEn,
	...errorsEn,
	...formsEn,
	...controllerEn,
	...entriesEn,
	...routinesEn,
	...scheduleEn,
	...participantsEn,
	...settingsEn,
	...recordsEn,
	...notesEn,
	...handoutsEn,
	...exportsEn,
	...outcomesEn,
	...reportsEn,
	...reportsSafetyOutcomesEn
};

export type MessageKey = keyof typeof en;
