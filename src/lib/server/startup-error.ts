/**
 * A problem with the setup that a person can fix (a setting, a folder, a database address).
 * The production entry prints only the message: one readable line, no stack trace.
 * Matched by `code`, not instanceof, because the entry and the app bundle hold separate copies.
 */
export class StartupError extends Error {
	readonly code = 'STEADY_STARTUP';
}
