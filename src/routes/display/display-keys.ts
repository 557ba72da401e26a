import type { DisplayCommandType } from '$lib/shared/displays';
import type { ClassState } from '$lib/shared/timeline';

/**
 * A clicker or keyboard on the wall display. Presenter clickers send PageUp/PageDown (some the
 * arrows) and "b" or "." for their blank-screen button; a keyboard has Space and Escape.
 *
 * Stop is the one a stray press must not trigger: it needs the key held for HOLD_TO_STOP_MS.
 * A clicker that sends its press as one quick down-and-up cannot stop the class, by design:
 * a phone can, and so can a keyboard.
 */
export const HOLD_TO_STOP_MS = 1500;

const NEXT_KEYS = new Set(['ArrowRight', 'PageDown']);
const BACK_KEYS = new Set(['ArrowLeft', 'PageUp']);
const STOP_KEYS = new Set(['Escape', 'b', 'B', '.']);
const PAUSE_KEYS = new Set([' ', 'Spacebar']);

/** Whether the key is one of ours at all (to say "clicker control is off" only for those). */
export function isControlKey(key: string): boolean {
	return PAUSE_KEYS.has(key) || NEXT_KEYS.has(key) || BACK_KEYS.has(key) || STOP_KEYS.has(key);
}

export type KeyIntent = { kind: 'command'; type: DisplayCommandType } | { kind: 'hold-to-stop' };

/** The class as the keys need it: running or not, and whether it waits for "Done". */
export type KeyContext = Pick<ClassState, 'status'> & { waitingForDone: boolean };

export function keyContext(frame: ClassState): KeyContext {
	// A reps exercise without a timer ('manual') waits for Done; "next" there would skip it.
	return { status: frame.status, waitingForDone: frame.segment?.kind === 'manual' };
}

/**
 * What a key press means now, or null for nothing. Only while a class runs, is paused or is
 * stopped; a stopped class takes only "resume" (as on the phones: the rest waits for it).
 */
export function intentFor(key: string, context: KeyContext): KeyIntent | null {
	const { status } = context;
	const moving = status === 'running' || status === 'paused';
	if (PAUSE_KEYS.has(key)) {
		if (status === 'running') return { kind: 'command', type: 'pause' };
		if (status === 'paused' || status === 'stopped') return { kind: 'command', type: 'resume' };
		return null;
	}
	if (!moving) return null;
	if (NEXT_KEYS.has(key)) {
		return { kind: 'command', type: context.waitingForDone ? 'done' : 'next' };
	}
	if (BACK_KEYS.has(key)) return { kind: 'command', type: 'back' };
	if (STOP_KEYS.has(key)) return { kind: 'hold-to-stop' };
	return null;
}

/** Ctrl+R, Alt+Left and the like belong to the browser, never to the class. */
export function hasModifier(event: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey'>) {
	return event.ctrlKey || event.metaKey || event.altKey;
}
