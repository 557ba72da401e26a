import { expandBlock, segmentsPlannedMs } from './segments';
import type { ClassStatus, PlanBlock, RoutinePlan, Segment } from './types';

/** A plan with every block expanded once, so folding a long log never re-expands. */
export type Timeline = {
	blocks: PlanBlock[];
	segments: Segment[][];
	blockPlannedMs: number[];
	totalPlannedMs: number;
};

export function compile(plan: RoutinePlan): Timeline {
	const segments = plan.blocks.map(expandBlock);
	const blockPlannedMs = segments.map(segmentsPlannedMs);
	const totalPlannedMs = blockPlannedMs.reduce((total, ms) => total + ms, 0);
	return { blocks: plan.blocks, segments, blockPlannedMs, totalPlannedMs };
}

/**
 * Where the class is after folding part of the log. Never mutated: every step returns a new
 * Run, so classState stays a pure function of plan, log and instant.
 */
export type Run = {
	status: ClassStatus;
	blockIndex: number;
	segmentIndex: number;
	segmentElapsedMs: number;
	/** Time spent in this block since it was entered; 'back' reads it. */
	blockElapsedMs: number;
	/**
	 * Extension of the current segment occurrence. Extensions apply to one occurrence only, and
	 * any move to another segment re-enters it fresh, so one number is the whole adjustment map.
	 */
	extraMs: number;
	elapsedMs: number;
	/** The instant this Run describes. */
	time: number;
	startedAt: number | null;
	endedAt: number | null;
	/** Ran through to the end of the last block (stays true once 'end' closes the class). */
	completed: boolean;
};

export const initialRun: Run = {
	status: 'not_started',
	blockIndex: 0,
	segmentIndex: 0,
	segmentElapsedMs: 0,
	blockElapsedMs: 0,
	extraMs: 0,
	elapsedMs: 0,
	time: Number.NEGATIVE_INFINITY,
	startedAt: null,
	endedAt: null,
	completed: false
};

export function currentSegment(tl: Timeline, run: Run): Segment | undefined {
	return tl.segments[run.blockIndex]?.[run.segmentIndex];
}

/** Duration of the current segment with its extension; null when manual. */
export function currentDurationMs(segment: Segment, run: Run): number | null {
	return segment.durationMs === null ? null : segment.durationMs + run.extraMs;
}

export function finish(tl: Timeline, run: Run, at: number): Run {
	return {
		...run,
		status: 'finished',
		blockIndex: Math.max(0, tl.blocks.length - 1),
		segmentIndex: 0,
		segmentElapsedMs: 0,
		blockElapsedMs: 0,
		extraMs: 0,
		endedAt: at,
		completed: true
	};
}

/** To the start of a block, forgetting its extensions; past the last block the class is over. */
function position(tl: Timeline, run: Run, blockIndex: number, at: number): Run {
	if (blockIndex >= tl.blocks.length) return finish(tl, run, at);
	return {
		...run,
		blockIndex,
		segmentIndex: 0,
		segmentElapsedMs: 0,
		blockElapsedMs: 0,
		extraMs: 0
	};
}

/** From the current segment to the one after it, possibly the next block's first. */
function stepForward(tl: Timeline, run: Run, at: number): Run {
	const count = tl.segments[run.blockIndex]?.length ?? 0;
	if (run.segmentIndex + 1 >= count) return position(tl, run, run.blockIndex + 1, at);
	return { ...run, segmentIndex: run.segmentIndex + 1, segmentElapsedMs: 0, extraMs: 0 };
}

/**
 * Passes over segments that are already over at `at`: 0 s rests, segments an extend cut
 * short, exercise blocks without segments. Runs while paused too, so a negative extend
 * moves on at once instead of leaving a segment at 0 until someone resumes.
 */
export function settle(tl: Timeline, run: Run, at: number): Run {
	let current = run;
	// Each turn moves one segment forward or returns, so this ends within the plan's length.
	while (current.status === 'running' || current.status === 'paused') {
		const segment = currentSegment(tl, current);
		if (segment) {
			const duration = currentDurationMs(segment, current);
			if (duration === null || current.segmentElapsedMs < duration) return current;
		}
		current = stepForward(tl, current, at);
	}
	return current;
}

export function enterBlock(tl: Timeline, run: Run, blockIndex: number, at: number): Run {
	return settle(tl, position(tl, run, blockIndex, at), at);
}

export function moveOn(tl: Timeline, run: Run, at: number): Run {
	return settle(tl, stepForward(tl, run, at), at);
}

function consume(run: Run, ms: number): Run {
	return {
		...run,
		segmentElapsedMs: run.segmentElapsedMs + ms,
		blockElapsedMs: run.blockElapsedMs + ms,
		elapsedMs: run.elapsedMs + ms
	};
}

/** Lets time pass until `to`: only a running class moves; a manual segment never ends by time. */
export function advance(tl: Timeline, run: Run, to: number): Run {
	const time = Math.max(run.time, to);
	if (run.status !== 'running') return { ...run, time };
	let left = Math.max(0, to - run.time);
	let current = settle(tl, run, run.time);
	while (current.status === 'running' && left > 0) {
		const segment = currentSegment(tl, current);
		if (!segment) break;
		const duration = currentDurationMs(segment, current);
		if (duration === null) {
			current = consume(current, left);
			break;
		}
		const step = Math.min(left, duration - current.segmentElapsedMs);
		// settle leaves only segments with time left; should that ever break, stop, never spin.
		if (!(step > 0)) break;
		current = consume(current, step);
		left -= step;
		// The segment ended `left` ms before `to`: the next one starts at that instant.
		current = settle(tl, current, to - left);
	}
	return { ...current, time };
}
