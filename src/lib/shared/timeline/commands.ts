import {
	advance,
	currentDurationMs,
	currentSegment,
	enterBlock,
	initialRun,
	moveOn,
	settle,
	type Run,
	type Timeline
} from './cursor';
import type { RefusalCode } from '../refusals';
import type { Command, LogEntry } from './types';

const BACK_TO_PREVIOUS_WITHIN_MS = 2000;
const EXTEND_LIMIT_SECONDS = 600;
const COMMAND_TYPES = new Set<string>([
	'start',
	'pause',
	'resume',
	'next',
	'back',
	'done',
	'extend',
	'jump',
	'end',
	'stop'
]);

/** Why `command` cannot apply to `run` (already advanced to the command's instant), or null. */
export function refusal(tl: Timeline, run: Run, command: Command): RefusalCode | null {
	// Commands arrive over the wire; a malformed one is refused here rather than thrown on.
	if (typeof command !== 'object' || command === null || !COMMAND_TYPES.has(command.type)) {
		return 'not-a-command';
	}
	switch (run.status) {
		case 'ended':
			return 'class-ended';
		case 'finished':
			return command.type === 'end' ? null : 'class-finished';
		case 'not_started':
			if (command.type !== 'start') return 'class-not-started';
			return tl.blocks.length === 0 ? 'routine-empty' : null;
	}
	const { status } = run;
	switch (command.type) {
		case 'start':
			return 'already-started';
		case 'pause':
			if (status === 'paused') return 'already-paused';
			return status === 'stopped' ? 'class-stopped' : null;
		case 'resume':
			return status === 'running' ? 'already-running' : null;
		case 'stop':
			return status === 'stopped' ? 'already-stopped' : null;
		case 'end':
			return null;
	}
	if (status === 'stopped') return 'resume-first';
	const segment = currentSegment(tl, run);
	switch (command.type) {
		case 'next':
		case 'back':
			return null;
		case 'jump': {
			const { blockIndex } = command;
			const inRange = Number.isInteger(blockIndex) && blockIndex >= 0;
			return inRange && blockIndex < tl.blocks.length ? null : 'block-not-in-routine';
		}
		case 'done':
			return segment?.kind === 'manual' || segment?.kind === 'reps' ? null : 'done-needs-reps';
		case 'extend': {
			const { seconds } = command;
			if (!Number.isInteger(seconds) || Math.abs(seconds) > EXTEND_LIMIT_SECONDS || seconds === 0) {
				return 'extend-out-of-range';
			}
			if (!segment) return 'nothing-to-extend';
			return segment.durationMs === null ? 'reps-wait-for-done' : null;
		}
	}
}

/** A block that is over the instant it starts (only 0 s segments, or none). */
function isInstant(tl: Timeline, blockIndex: number): boolean {
	return (tl.segments[blockIndex] ?? []).every((segment) => segment.durationMs === 0);
}

/**
 * Within 2 s of a block's start, 'back' means "the one before". Blocks that are over the
 * instant they start are passed over, else going back into one would roll straight forward
 * again and 'back' could never reach the block before it.
 */
function backTarget(tl: Timeline, run: Run): number {
	if (run.blockElapsedMs >= BACK_TO_PREVIOUS_WITHIN_MS) return run.blockIndex;
	for (let index = run.blockIndex - 1; index >= 0; index--) {
		if (!isInstant(tl, index)) return index;
	}
	return run.blockIndex;
}

/** Applies a command that `refusal` accepted; `run` is already advanced to `at`. */
function apply(tl: Timeline, run: Run, command: Command, at: number): Run {
	switch (command.type) {
		case 'start':
			return enterBlock(tl, { ...run, status: 'running', startedAt: at, time: at }, 0, at);
		case 'pause':
			return { ...run, status: 'paused' };
		case 'resume':
			return { ...run, status: 'running' };
		case 'stop':
			return { ...run, status: 'stopped' };
		case 'end':
			// After 'finished' the class already ended by itself; 'end' only closes it.
			return { ...run, status: 'ended', endedAt: run.endedAt ?? at };
		case 'next':
			return enterBlock(tl, run, run.blockIndex + 1, at);
		case 'back':
			return enterBlock(tl, run, backTarget(tl, run), at);
		case 'jump':
			return enterBlock(tl, run, command.blockIndex, at);
		case 'done':
			return moveOn(tl, run, at);
		case 'extend': {
			const segment = currentSegment(tl, run);
			const duration = segment ? currentDurationMs(segment, run) : null;
			if (duration === null) return run;
			// Never shorter than what already ran: remaining 0 means the segment is over now.
			const cut = run.segmentElapsedMs - duration;
			return settle(
				tl,
				{ ...run, extraMs: run.extraMs + Math.max(cut, command.seconds * 1000) },
				at
			);
		}
	}
}

/** One log entry: let time pass to its instant, then apply it unless it is refused. */
export function step(tl: Timeline, run: Run, entry: LogEntry): Run {
	// A log is trusted, never thrown on: an entry without a usable instant is skipped.
	if (typeof entry !== 'object' || entry === null || !Number.isFinite(entry.at)) return run;
	const advanced = advance(tl, run, entry.at);
	if (refusal(tl, advanced, entry.command) !== null) return advanced;
	return apply(tl, advanced, entry.command, advanced.time);
}

/** The log folded, then time let pass to `now`. */
export function runAt(tl: Timeline, log: readonly LogEntry[], now: number): Run {
	const folded = log.reduce((run, entry) => step(tl, run, entry), initialRun);
	return Number.isFinite(now) ? advance(tl, folded, now) : folded;
}
