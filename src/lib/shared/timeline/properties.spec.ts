import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plannedRoutineSeconds } from '../dosing';
import {
	acceptedLog,
	deepFreeze,
	lastAt,
	planArb,
	rawLog,
	stepsArb,
	T0,
	timedPlanArb
} from './arbitraries';
import { applicable, classState, plannedTotalMs } from './index';
import type { ClassState, Command, LogEntry, RoutinePlan } from './types';

const runs = { numRuns: 200 };
/** Later instants to look at, as ms after the last command. */
const offsetsArb = fc.array(fc.integer({ min: 0, max: 400_000 }), { minLength: 1, maxLength: 5 });

function append(log: LogEntry[], command: Command, at: number): LogEntry[] {
	return [...log, { seq: log.length, at, command }];
}

function expectSane(state: ClassState) {
	for (const ms of [state.blockRemainingMs, state.totalRemainingMs, state.segmentElapsedMs]) {
		expect(ms).toBeGreaterThanOrEqual(0);
	}
	expect(state.elapsedMs).toBeGreaterThanOrEqual(0);
	if (state.segmentRemainingMs !== null) {
		expect(state.segmentRemainingMs).toBeGreaterThanOrEqual(0);
		expect(state.segmentDurationMs).not.toBeNull();
		expect(state.segmentRemainingMs).toBeLessThanOrEqual(state.segmentDurationMs!);
	}
	expect(state.progress).toBeGreaterThanOrEqual(0);
	expect(state.progress).toBeLessThanOrEqual(1);
}

/** The fields that do not depend on when, in wall-clock terms, things happened. */
const position = (state: ClassState) => ({
	status: state.status,
	blockIndex: state.blockIndex,
	segmentIndex: state.segmentIndex,
	segmentElapsedMs: state.segmentElapsedMs,
	segmentRemainingMs: state.segmentRemainingMs,
	totalRemainingMs: state.totalRemainingMs
});

/** Some block after `blockIndex` takes time, so 'next' lands in a block rather than the end. */
function hasLaterBlock(plan: RoutinePlan, blockIndex: number): boolean {
	const later = plan.blocks.slice(blockIndex + 1);
	return later.some((block) => plannedTotalMs({ blocks: [block] }) > 0);
}

describe('classState properties', () => {
	it('never reports negative or overlong remaining time', () => {
		fc.assert(
			fc.property(planArb, stepsArb, offsetsArb, (plan, steps, offsets) => {
				const log = acceptedLog(plan, steps);
				for (const entry of log) expectSane(classState(plan, log, entry.at));
				for (const offset of offsets) expectSane(classState(plan, log, lastAt(log) + offset));
			}),
			runs
		);
	});

	it('never throws on any log, even one applicable would refuse', () => {
		fc.assert(
			fc.property(planArb, stepsArb, offsetsArb, (plan, steps, offsets) => {
				const log = rawLog(steps);
				for (const offset of offsets) expectSane(classState(plan, log, lastAt(log) + offset));
				// Out of order and unusable instants are skipped, not thrown on.
				const shuffled = [...log]
					.reverse()
					.concat({ seq: 99, at: Number.NaN, command: { type: 'start' } });
				expectSane(classState(plan, shuffled, T0 + (offsets[0] ?? 0)));
			}),
			runs
		);
	});

	it('freezes while paused', () => {
		fc.assert(
			fc.property(planArb, stepsArb, offsetsArb, fc.nat(60_000), (plan, steps, offsets, gap) => {
				const log = acceptedLog(plan, steps);
				const pauseAt = lastAt(log) + gap;
				fc.pre(applicable(plan, log, { type: 'pause' }, pauseAt).ok);
				const paused = append(log, { type: 'pause' }, pauseAt);
				const first = classState(plan, paused, pauseAt);
				for (const offset of offsets) {
					expect(classState(plan, paused, pauseAt + offset)).toEqual(first);
				}
			}),
			runs
		);
	});

	it('shifts everything by the length of a pause', () => {
		const timesArb = fc.tuple(fc.nat(60_000), fc.nat(300_000), fc.nat(300_000));
		fc.assert(
			fc.property(planArb, stepsArb, timesArb, (plan, steps, [gap, pauseLength, after]) => {
				const log = acceptedLog(plan, steps);
				const a = lastAt(log) + gap;
				const b = a + pauseLength;
				fc.pre(classState(plan, log, a).status === 'running');
				const withPause = append(append(log, { type: 'pause' }, a), { type: 'resume' }, b);
				const t = a + after;
				expect(position(classState(plan, withPause, t + (b - a)))).toEqual(
					position(classState(plan, log, t))
				);
			}),
			runs
		);
	});

	it('returns to the start of the same block on next then back', () => {
		fc.assert(
			fc.property(planArb, stepsArb, fc.nat(60_000), (plan, steps, gap) => {
				const log = acceptedLog(plan, steps);
				const when = lastAt(log) + gap;
				const before = classState(plan, log, when);
				fc.pre(before.status === 'running' || before.status === 'paused');
				fc.pre(hasLaterBlock(plan, before.blockIndex));
				const after = append(append(log, { type: 'next' }, when), { type: 'back' }, when);
				expect(classState(plan, after, when)).toMatchObject({
					status: before.status,
					blockIndex: before.blockIndex,
					segmentIndex: 0,
					segmentElapsedMs: 0
				});
			}),
			runs
		);
	});

	it('runs a timed plan start to finish in exactly its planned time', () => {
		fc.assert(
			fc.property(timedPlanArb, (plan) => {
				const total = plannedTotalMs(plan);
				const seconds = plannedRoutineSeconds(plan.blocks, () => {
					throw new Error('every exercise block carries its dosing');
				});
				expect(total).toBe(seconds * 1000);
				fc.pre(total > 0);
				const log: LogEntry[] = [{ seq: 0, at: T0, command: { type: 'start' } }];
				expect(classState(plan, log, T0 + total - 1).status).toBe('running');
				expect(classState(plan, log, T0 + total)).toMatchObject({
					status: 'finished',
					endedAt: T0 + total,
					elapsedMs: total,
					progress: 1
				});
			}),
			runs
		);
	});

	it('is a pure function of its inputs', () => {
		fc.assert(
			fc.property(planArb, stepsArb, fc.nat(400_000), (plan, steps, offset) => {
				const log = rawLog(steps);
				const copies = structuredClone({ plan, log });
				deepFreeze(plan);
				deepFreeze(log);
				const now = lastAt(log) + offset;
				expect(classState(plan, log, now)).toEqual(classState(plan, log, now));
				applicable(plan, log, { type: 'next' }, now);
				expect({ plan, log }).toEqual(copies);
			}),
			runs
		);
	});

	it('moves progress forward while running with no commands', () => {
		const instantsArb = fc.array(fc.nat(600_000), { minLength: 2, maxLength: 8 });
		fc.assert(
			fc.property(planArb, stepsArb, instantsArb, (plan, steps, instants) => {
				const log = acceptedLog(plan, steps);
				fc.pre(classState(plan, log, lastAt(log)).status === 'running');
				let previous = 0;
				for (const offset of [...instants].sort((x, y) => x - y)) {
					const { progress } = classState(plan, log, lastAt(log) + offset);
					expect(progress).toBeGreaterThanOrEqual(previous);
					expect(progress).toBeLessThanOrEqual(1);
					previous = progress;
				}
			}),
			runs
		);
	});
});
