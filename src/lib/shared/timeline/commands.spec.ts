import { describe, expect, it } from 'vitest';
import { at, logOf, plan, started } from './fixtures';
import { applicable, classState } from './index';
import type { Command, LogEntry } from './types';

/** The log with `command` appended at `seconds`, after checking applicable accepts it. */
function accepted(log: LogEntry[], seconds: number, command: Command): LogEntry[] {
	expect(applicable(plan, log, command, at(seconds))).toEqual({ ok: true });
	return [...log, { seq: log.length, at: at(seconds), command }];
}

function refused(log: LogEntry[], seconds: number, command: Command): string {
	const result = applicable(plan, log, command, at(seconds));
	expect(result.ok).toBe(false);
	return result.ok ? '' : result.code;
}

describe('next, back and jump', () => {
	it('skips to the start of the next block', () => {
		const log = accepted(started(), 3, { type: 'next' });
		expect(classState(plan, log, at(3))).toMatchObject({ blockIndex: 1, segmentElapsedMs: 0 });
		expect(classState(plan, log, at(8))).toMatchObject({ blockIndex: 1, segmentElapsedMs: 5000 });
	});

	it('finishes the class on next from the last block', () => {
		const log = accepted(started([1, { type: 'jump', blockIndex: 4 }]), 4, { type: 'next' });
		expect(classState(plan, log, at(9))).toMatchObject({ status: 'finished', endedAt: at(4) });
	});

	it('restarts the current block, or goes to the previous one within 2 s of its start', () => {
		const later = accepted(started(), 15, { type: 'back' });
		expect(classState(plan, later, at(15))).toMatchObject({ blockIndex: 1, segmentElapsedMs: 0 });
		const early = accepted(started(), 11, { type: 'back' });
		expect(classState(plan, early, at(12))).toMatchObject({
			blockIndex: 0,
			segmentElapsedMs: 1000
		});
		const atTwo = accepted(started(), 12, { type: 'back' });
		expect(classState(plan, atTwo, at(12))).toMatchObject({ blockIndex: 1, segmentElapsedMs: 0 });
	});

	it('restarts block 0 on back from block 0', () => {
		const log = accepted(started(), 1, { type: 'back' });
		expect(classState(plan, log, at(1))).toMatchObject({ blockIndex: 0, segmentElapsedMs: 0 });
	});

	it('jumps to the start of a block', () => {
		const log = accepted(started(), 2, { type: 'jump', blockIndex: 3 });
		expect(classState(plan, log, at(2))).toMatchObject({ blockIndex: 3, segmentIndex: 0 });
	});

	it('stays paused at the new position', () => {
		const paused = accepted(started(), 2, { type: 'pause' });
		const log = accepted(accepted(paused, 3, { type: 'next' }), 4, { type: 'next' });
		expect(classState(plan, log, at(60))).toMatchObject({
			status: 'paused',
			blockIndex: 2,
			segmentElapsedMs: 0
		});
	});

	it('refuses a block that is not in the routine', () => {
		const reason = 'block-not-in-routine';
		expect(refused(started(), 1, { type: 'jump', blockIndex: 5 })).toBe(reason);
		expect(refused(started(), 1, { type: 'jump', blockIndex: -1 })).toBe(reason);
		expect(refused(started(), 1, { type: 'jump', blockIndex: 1.5 })).toBe(reason);
	});
});

describe('done and extend', () => {
	it('refuses done outside a reps exercise', () => {
		expect(refused(started(), 1, { type: 'done' })).toBe('done-needs-reps');
	});

	it('lengthens the current segment', () => {
		const log = accepted(started(), 5, { type: 'extend', seconds: 10 });
		expect(classState(plan, log, at(6))).toMatchObject({
			segmentDurationMs: 20_000,
			segmentRemainingMs: 14_000,
			blockRemainingMs: 14_000,
			totalRemainingMs: 106_000
		});
		expect(classState(plan, log, at(20))).toMatchObject({ blockIndex: 1, segmentElapsedMs: 0 });
	});

	it('moves on at once when shortened past its end, even while paused', () => {
		const log = accepted(started(), 5, { type: 'extend', seconds: -20 });
		expect(classState(plan, log, at(5))).toMatchObject({ blockIndex: 1, segmentElapsedMs: 0 });
		const paused = accepted(started(), 5, { type: 'pause' });
		const cut = accepted(paused, 6, { type: 'extend', seconds: -5 });
		expect(classState(plan, cut, at(9))).toMatchObject({
			status: 'paused',
			blockIndex: 1,
			segmentElapsedMs: 0
		});
	});

	it('forgets an extension when the block is re-entered', () => {
		const extended = accepted(started(), 5, { type: 'extend', seconds: 10 });
		const log = accepted(extended, 8, { type: 'back' });
		expect(classState(plan, log, at(8))).toMatchObject({
			blockIndex: 0,
			segmentDurationMs: 10_000
		});
	});

	it('refuses to extend a reps exercise or by an out-of-range amount', () => {
		const inReps = started([1, { type: 'jump', blockIndex: 3 }]);
		expect(refused(inReps, 2, { type: 'extend', seconds: 10 })).toBe('reps-wait-for-done');
		const range = 'extend-out-of-range';
		expect(refused(started(), 1, { type: 'extend', seconds: 0 })).toBe(range);
		expect(refused(started(), 1, { type: 'extend', seconds: 601 })).toBe(range);
		expect(refused(started(), 1, { type: 'extend', seconds: 2.5 })).toBe(range);
		expect(applicable(plan, started(), { type: 'extend', seconds: -600 }, at(1)).ok).toBe(true);
	});
});

describe('what applies when', () => {
	it('refuses everything but start before the start', () => {
		const commands: Command[] = [{ type: 'pause' }, { type: 'next' }, { type: 'end' }];
		for (const command of commands) {
			expect(refused([], 0, command)).toBe('class-not-started');
		}
		expect(applicable(plan, [], { type: 'start' }, at(0))).toEqual({ ok: true });
		expect(applicable({ blocks: [] }, [], { type: 'start' }, at(0))).toEqual({
			ok: false,
			code: 'routine-empty'
		});
	});

	it('explains repeated or out-of-place commands', () => {
		expect(refused(started(), 1, { type: 'start' })).toBe('already-started');
		expect(refused(started(), 1, { type: 'resume' })).toBe('already-running');
		const paused = started([1, { type: 'pause' }]);
		expect(refused(paused, 2, { type: 'pause' })).toBe('already-paused');
		expect(applicable(plan, paused, { type: 'done' }, at(2)).ok).toBe(false);
		expect(applicable(plan, paused, { type: 'stop' }, at(2))).toEqual({ ok: true });
	});

	it('allows only resume or end after an emergency stop', () => {
		const stopped = started([1, { type: 'stop' }]);
		expect(refused(stopped, 2, { type: 'pause' })).toBe('class-stopped');
		expect(refused(stopped, 2, { type: 'stop' })).toBe('already-stopped');
		for (const command of [{ type: 'next' }, { type: 'jump', blockIndex: 1 }] as Command[]) {
			expect(refused(stopped, 2, command)).toBe('resume-first');
		}
		expect(applicable(plan, stopped, { type: 'end' }, at(2))).toEqual({ ok: true });
		const resumed = accepted(stopped, 30, { type: 'resume' });
		expect(classState(plan, resumed, at(32))).toMatchObject({
			status: 'running',
			elapsedMs: 3000
		});
	});

	it('allows only end once finished, and nothing once ended', () => {
		const finished = started([1, { type: 'jump', blockIndex: 4 }]);
		expect(classState(plan, finished, at(13)).status).toBe('finished');
		expect(refused(finished, 13, { type: 'resume' })).toBe('class-finished');
		expect(refused(finished, 13, { type: 'back' })).toBe('class-finished');
		const ended = accepted(finished, 13, { type: 'end' });
		expect(refused(ended, 14, { type: 'start' })).toBe('class-ended');
		expect(refused(ended, 14, { type: 'end' })).toBe('class-ended');
	});

	it('judges a command at its own instant, after time has passed', () => {
		// At 61 s the class has rolled into the reps exercise by itself.
		expect(applicable(plan, started(), { type: 'done' }, at(61))).toEqual({ ok: true });
		expect(refused(started(), 59, { type: 'done' })).toBe('done-needs-reps');
	});

	it('refuses something that is not a command', () => {
		const junk = { type: 'explode' } as unknown as Command;
		expect(refused(started(), 1, junk)).toBe('not-a-command');
		expect(classState(plan, logOf([0, { type: 'start' }], [1, junk]), at(2)).elapsedMs).toBe(2000);
	});
});
