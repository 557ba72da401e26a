/** One frame a display drew: when (a clock common to both displays) and what it showed. */
export type Frame = {
	at: number;
	status: string;
	segment: string;
	remainingMs: number | null;
};

export type Differences = {
	/** Away from commands: what clock error alone causes. */
	steady: number[];
	/** The same, while the class ran (not paused). */
	running: number[];
	/** Everything, including the moments a command had reached one display and not the other. */
	all: number[];
};

/** Frames further apart than this are a stall, not something to interpolate across. */
const MAX_GAP_MS = 100;

/** Index of the last frame at or before `at` (frames sorted by time), or -1. */
function frameBefore(frames: Frame[], at: number): number {
	let low = 0;
	let high = frames.length - 1;
	let found = -1;
	while (low <= high) {
		const middle = (low + high) >> 1;
		if (frames[middle]!.at <= at) {
			found = middle;
			low = middle + 1;
		} else high = middle - 1;
	}
	return found;
}

/**
 * B's shown remaining time minus A's at the same instant, for each frame of B: A's value is
 * interpolated between its two frames around that instant (a countdown is linear between
 * frames), and only where both frames show the same segment in the same state.
 * `quiet(at)` says whether no command was under way at that instant.
 */
export function shownDifferences(a: Frame[], b: Frame[], quiet: (at: number) => boolean) {
	const result: Differences = { steady: [], running: [], all: [] };
	for (const frame of b) {
		if (frame.remainingMs === null) continue;
		const i = frameBefore(a, frame.at);
		const before = a[i];
		const after = a[i + 1];
		if (!before || !after || after.at - before.at > MAX_GAP_MS) continue;
		if (before.remainingMs === null || after.remainingMs === null) continue;
		if (before.segment !== frame.segment || after.segment !== frame.segment) continue;
		if (before.status !== after.status) continue;
		const share = (frame.at - before.at) / (after.at - before.at);
		const shownOnA = before.remainingMs + (after.remainingMs - before.remainingMs) * share;
		const difference = frame.remainingMs - shownOnA;
		result.all.push(difference);
		if (!quiet(frame.at)) continue;
		result.steady.push(difference);
		if (frame.status === 'running' && before.status === 'running') result.running.push(difference);
	}
	return result;
}

export type Summary = { n: number; max: number; p99: number; median: number; meanSigned: number };

export function summarize(differences: number[]): Summary {
	const sizes = differences.map(Math.abs).sort((x, y) => x - y);
	const at = (p: number) => sizes[Math.min(sizes.length - 1, Math.floor(p * sizes.length))] ?? NaN;
	const sum = differences.reduce((total, d) => total + d, 0);
	return {
		n: sizes.length,
		max: sizes.at(-1) ?? NaN,
		p99: at(0.99),
		median: at(0.5),
		meanSigned: sizes.length ? sum / sizes.length : NaN
	};
}
