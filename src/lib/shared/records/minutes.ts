import type { LogEntry } from '../timeline';

/**
 * When a class ran, from its command log: its start, its end, and the stretches it stood still
 * (a pause or an emergency stop until the next resume). Minutes attended are counted on this.
 */
export type ClassRun = { start: number; end: number; pauses: [number, number][] };

export function classRun(log: readonly LogEntry[], endedAt: number | null): ClassRun | null {
	const start = log.find((e) => e.command.type === 'start')?.at;
	if (start === undefined) return null;
	const end = endedAt ?? log.find((e) => e.command.type === 'end')?.at ?? log.at(-1)!.at;
	const pauses: [number, number][] = [];
	let pausedAt: number | null = null;
	for (const { at, command } of log) {
		if ((command.type === 'pause' || command.type === 'stop') && pausedAt === null) pausedAt = at;
		if (command.type === 'resume' && pausedAt !== null) {
			pauses.push([pausedAt, at]);
			pausedAt = null;
		}
	}
	if (pausedAt !== null && pausedAt < end) pauses.push([pausedAt, end]);
	return { start, end, pauses };
}

/** Class time (pauses excluded) between `from` and `to`, clipped to the run, in ms. */
export function activeMs(run: ClassRun, from: number, to: number): number {
	const a = Math.max(from, run.start);
	const b = Math.min(to, run.end);
	if (b <= a) return 0;
	const paused = run.pauses.reduce(
		(sum, [p, q]) => sum + Math.max(0, Math.min(q, b) - Math.max(p, a)),
		0
	);
	return b - a - paused;
}

/** Whole minutes, rounded to the nearest (a note states minutes, not seconds). */
export const toMinutes = (ms: number) => Math.round(ms / 60_000);
