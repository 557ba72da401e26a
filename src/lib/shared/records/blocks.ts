import { compile } from '../timeline/cursor';
import { runAt } from '../timeline/commands';
import type { LogEntry, RoutinePlan } from '../timeline';
import type { ClassRun } from './minutes';

/** A block passed over with Next within this much class time was skipped, not performed. */
export const PERFORMED_MIN_MS = 5_000;
/** How finely the run is sampled: blocks move on by themselves between commands. */
const STEP_MS = 1_000;

/**
 * Class time spent in each block of the frozen plan, from the command log (the timeline engine
 * replays it, so blocks that moved on by themselves count as well as Next, Back and Jump).
 */
export function msPerBlock(plan: RoutinePlan, log: readonly LogEntry[], run: ClassRun): number[] {
	const tl = compile(plan);
	const spent = plan.blocks.map(() => 0);
	const times = new Set<number>();
	for (let t = run.start; t < run.end; t += STEP_MS) times.add(t);
	for (const entry of log) if (entry.at >= run.start && entry.at <= run.end) times.add(entry.at);
	times.add(run.end);
	const sorted = [...times].sort((a, b) => a - b);
	// The log as it stood at t (runAt folds every entry it is given, then lets time pass).
	const at = (t: number) =>
		runAt(
			tl,
			log.filter((entry) => entry.at <= t),
			t
		);
	let previous = at(sorted[0]!);
	for (const t of sorted.slice(1)) {
		const current = at(t);
		const moved = current.elapsedMs - previous.elapsedMs;
		if (moved > 0 && previous.status !== 'not_started') {
			spent[previous.blockIndex] = (spent[previous.blockIndex] ?? 0) + moved;
		}
		previous = current;
	}
	return spent;
}

/** The exercise blocks the class ran (in plan order), skipped ones left out. */
export function performedBlocks(plan: RoutinePlan, spent: number[]): number[] {
	return plan.blocks
		.map((block, index) => ({ block, index }))
		.filter(
			({ block, index }) => block.kind === 'exercise' && (spent[index] ?? 0) >= PERFORMED_MIN_MS
		)
		.map(({ index }) => index);
}
