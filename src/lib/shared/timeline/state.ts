import { runAt, refusal } from './commands';
import { compile, currentDurationMs, currentSegment, type Run, type Timeline } from './cursor';
import type { Applicability, ClassState, Command, LogEntry, RoutinePlan } from './types';

function sum(values: number[]): number {
	return values.reduce((total, value) => total + value, 0);
}

function upcoming(tl: Timeline, blockIndex: number): Pick<ClassState, 'next' | 'nextExercise'> {
	const following = tl.blocks[blockIndex + 1];
	const next = following
		? { blockIndex: blockIndex + 1, name: following.name, kind: following.kind }
		: null;
	const exerciseIndex = tl.blocks.findIndex(
		(block, index) => index > blockIndex && block.kind === 'exercise'
	);
	const exercise = tl.blocks[exerciseIndex];
	const nextExercise = exercise ? { blockIndex: exerciseIndex, name: exercise.name } : null;
	return { next, nextExercise };
}

/** Planned time before the current instant's place in the plan, for progress. */
function plannedPositionMs(tl: Timeline, run: Run): number {
	const segments = tl.segments[run.blockIndex] ?? [];
	const current = segments[run.segmentIndex];
	// An extended segment stops adding progress at its planned length instead of overrunning.
	const withinSegment = current ? Math.min(run.segmentElapsedMs, current.plannedMs) : 0;
	return (
		sum(tl.blockPlannedMs.slice(0, run.blockIndex)) +
		sum(segments.slice(0, run.segmentIndex).map((segment) => segment.plannedMs)) +
		withinSegment
	);
}

function clamp01(value: number): number {
	return Math.min(1, Math.max(0, value));
}

function project(tl: Timeline, run: Run): ClassState {
	const block = tl.blocks[run.blockIndex] ?? null;
	const base = {
		status: run.status,
		blockIndex: run.blockIndex,
		block,
		phase: block?.phase ?? null,
		segmentIndex: run.segmentIndex,
		segmentElapsedMs: run.segmentElapsedMs,
		elapsedMs: run.elapsedMs,
		startedAt: run.startedAt,
		endedAt: run.endedAt
	};
	const none = { segment: null, segmentRemainingMs: null, segmentDurationMs: null };
	const total = tl.totalPlannedMs;
	switch (run.status) {
		case 'not_started':
			return {
				...base,
				...none,
				...upcoming(tl, run.blockIndex),
				blockRemainingMs: tl.blockPlannedMs[run.blockIndex] ?? 0,
				totalRemainingMs: total,
				progress: 0
			};
		case 'finished':
		case 'ended': {
			// An ended class keeps how far it got (reports show it); a finished one got to the end.
			const reached = total > 0 ? clamp01(plannedPositionMs(tl, run) / total) : 0;
			return {
				...base,
				...none,
				next: null,
				nextExercise: null,
				blockRemainingMs: 0,
				totalRemainingMs: 0,
				progress: run.completed ? 1 : reached
			};
		}
	}
	const segment = currentSegment(tl, run) ?? null;
	const duration = segment ? currentDurationMs(segment, run) : null;
	const segmentRemainingMs =
		duration === null ? null : Math.max(0, duration - run.segmentElapsedMs);
	// A manual segment has no end in time; the plan's guess, used up, is what remains of it.
	const remainingHere =
		segmentRemainingMs ?? Math.max(0, (segment?.plannedMs ?? 0) - run.segmentElapsedMs);
	const laterInBlock = (tl.segments[run.blockIndex] ?? []).slice(run.segmentIndex + 1);
	const blockRemainingMs = remainingHere + sum(laterInBlock.map((later) => later.plannedMs));
	return {
		...base,
		segment,
		segmentRemainingMs,
		segmentDurationMs: duration,
		...upcoming(tl, run.blockIndex),
		blockRemainingMs,
		totalRemainingMs: blockRemainingMs + sum(tl.blockPlannedMs.slice(run.blockIndex + 1)),
		progress: total > 0 ? clamp01(plannedPositionMs(tl, run) / total) : 0
	};
}

/** Where the class is at `now`: a pure function of the plan, the accepted log and the instant. */
export function classState(plan: RoutinePlan, log: readonly LogEntry[], now: number): ClassState {
	const tl = compile(plan);
	return project(tl, runAt(tl, log, now));
}

/** Would `command` apply at `at` after `log`? The server appends only commands this accepts. */
export function applicable(
	plan: RoutinePlan,
	log: readonly LogEntry[],
	command: Command,
	at: number
): Applicability {
	const tl = compile(plan);
	const code = refusal(tl, runAt(tl, log, at), command);
	return code === null ? { ok: true } : { ok: false, code };
}
