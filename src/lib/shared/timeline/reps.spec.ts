import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planArb, T0 } from './arbitraries';
import { at, plan, started, timedRepsPlan } from './fixtures';
import { applicable, classState, expandBlock, plannedTotalMs } from './index';
import type { Command, LogEntry, RoutinePlan } from './types';

/** Reps blocks move on at their planned time; Done ends them early; a waiting one needs Done. */

function accepted(p: RoutinePlan, log: LogEntry[], seconds: number, command: Command) {
	expect(applicable(p, log, command, at(seconds))).toEqual({ ok: true });
	return [...log, { seq: log.length, at: at(seconds), command }];
}

describe('reps that move on by themselves', () => {
	it('counts down a reps block and moves on at reps x seconds per rep', () => {
		const state = classState(timedRepsPlan, started(), at(80));
		expect(state).toMatchObject({
			blockIndex: 3,
			segmentElapsedMs: 20_000,
			segmentRemainingMs: 10_000,
			segmentDurationMs: 30_000,
			blockRemainingMs: 10_000
		});
		expect(state.segment).toMatchObject({ kind: 'reps', reps: 10, set: 1, sets: 1, side: null });
		expect(classState(timedRepsPlan, started(), at(90))).toMatchObject({
			blockIndex: 4,
			segmentElapsedMs: 0
		});
	});

	it('runs start to finish with no tap', () => {
		expect(classState(timedRepsPlan, started(), at(102) - 1).status).toBe('running');
		expect(classState(timedRepsPlan, started(), at(102))).toMatchObject({
			status: 'finished',
			endedAt: at(102),
			progress: 1
		});
	});

	it('ends early on Done, and takes an extension like timed work', () => {
		const done = accepted(timedRepsPlan, started(), 70, { type: 'done' });
		expect(classState(timedRepsPlan, done, at(71))).toMatchObject({
			blockIndex: 4,
			segmentElapsedMs: 1000
		});
		const extended = accepted(timedRepsPlan, started(), 70, { type: 'extend', seconds: 15 });
		expect(classState(timedRepsPlan, extended, at(100))).toMatchObject({
			blockIndex: 3,
			segmentRemainingMs: 5000,
			segmentDurationMs: 45_000
		});
	});
});

describe('reps that wait for Done', () => {
	it('waits at the planned time until Done', () => {
		const waiting = classState(plan, started(), at(95));
		expect(waiting.segment?.kind).toBe('manual');
		expect(waiting).toMatchObject({ blockIndex: 3, segmentRemainingMs: null });
		expect(applicable(plan, started(), { type: 'extend', seconds: 10 }, at(95))).toEqual({
			ok: false,
			code: 'reps-wait-for-done'
		});
		const done = accepted(plan, started(), 95, { type: 'done' });
		expect(classState(plan, done, at(95)).blockIndex).toBe(4);
	});

	it('never finishes without Done while a block waits, and always does with only a start otherwise', () => {
		fc.assert(
			fc.property(planArb, (p) => {
				const log: LogEntry[] = [{ seq: 0, at: T0, command: { type: 'start' } }];
				const waits = p.blocks.some((block) =>
					expandBlock(block).some((segment) => segment.kind === 'manual')
				);
				const later = classState(p, log, T0 + plannedTotalMs(p) + 60_000);
				expect(later.status).toBe(waits ? 'running' : 'finished');
				if (waits) expect(later.segment?.kind).toBe('manual');
			}),
			{ numRuns: 300 }
		);
	});
});
