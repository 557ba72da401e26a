import type { ClassState } from '../shared/timeline';

/** One drawn frame's countdown, stamped with this device's monotonic clock (not Date). */
export type ShownTime = {
	/** performance.timeOrigin + performance.now() when the frame read its clock: a wrong wall
	 * clock does not move it. */
	atMs: number;
	/** How long reading the clock took: a pause in there (garbage collection, a busy processor)
	 * leaves `atMs` late, and the watcher should not trust that frame's stamp. */
	readMs: number;
	status: ClassState['status'];
	/** Which segment the countdown belongs to: remaining times compare only within one. */
	segment: string;
	remainingMs: number | null;
};

type Watcher = (shown: ShownTime) => void;

let readAtMs = 0;
let readMs = 0;

/**
 * Reads the display's server-time estimate and notes the monotonic instant of the reading, so
 * a watcher can tell clock error from a frame that was merely late (a pause for garbage
 * collection or a busy processor between the reading and the drawing).
 */
export function readClock(clock: { now(): number }): number {
	const before = performance.now();
	const now = clock.now();
	const after = performance.now();
	readAtMs = performance.timeOrigin + after;
	readMs = after - before;
	return now;
}

/**
 * Hands each frame's countdown to a watcher installed before the page loaded
 * (`window.steadyShownTime`), as the clock-skew bench does. Without one, nothing is kept.
 */
export function reportShown(state: ClassState | null): void {
	const watch = (globalThis as { steadyShownTime?: Watcher }).steadyShownTime;
	if (!watch || !state) return;
	watch({
		atMs: readAtMs,
		readMs,
		status: state.status,
		segment: `${state.blockIndex}:${state.segmentIndex}`,
		remainingMs: state.segmentRemainingMs
	});
}
