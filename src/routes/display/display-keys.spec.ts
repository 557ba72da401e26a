import { describe, expect, it } from 'vitest';
import { intentFor, isControlKey, type KeyContext } from './display-keys';

const at = (status: KeyContext['status'], waitingForDone = false): KeyContext => ({
	status,
	waitingForDone
});

describe('display keys', () => {
	it('Space pauses a running class and resumes a paused or stopped one', () => {
		expect(intentFor(' ', at('running'))).toEqual({ kind: 'command', type: 'pause' });
		expect(intentFor(' ', at('paused'))).toEqual({ kind: 'command', type: 'resume' });
		expect(intentFor(' ', at('stopped'))).toEqual({ kind: 'command', type: 'resume' });
	});

	it('Right and PageDown go on (Done where the exercise waits for it); Left and PageUp back', () => {
		for (const key of ['ArrowRight', 'PageDown']) {
			expect(intentFor(key, at('running'))).toEqual({ kind: 'command', type: 'next' });
			expect(intentFor(key, at('paused'))).toEqual({ kind: 'command', type: 'next' });
			expect(intentFor(key, at('running', true))).toEqual({ kind: 'command', type: 'done' });
		}
		for (const key of ['ArrowLeft', 'PageUp']) {
			expect(intentFor(key, at('running'))).toEqual({ kind: 'command', type: 'back' });
		}
	});

	it('Stop keys only start a hold, never a stop at once', () => {
		for (const key of ['Escape', 'b', 'B', '.']) {
			expect(intentFor(key, at('running'))).toEqual({ kind: 'hold-to-stop' });
		}
	});

	it('does nothing before the start, after the end, or (but resume) while stopped', () => {
		for (const status of ['not_started', 'finished', 'ended'] as const) {
			for (const key of [' ', 'ArrowRight', 'ArrowLeft', 'Escape']) {
				expect(intentFor(key, at(status))).toBeNull();
			}
		}
		for (const key of ['ArrowRight', 'ArrowLeft', 'Escape', 'PageDown']) {
			expect(intentFor(key, at('stopped'))).toBeNull();
		}
	});

	it('leaves every other key alone', () => {
		for (const key of ['Enter', 'a', 'F5', 'Tab', 'ArrowUp', 'ArrowDown', 'f']) {
			expect(isControlKey(key)).toBe(false);
			expect(intentFor(key, at('running'))).toBeNull();
		}
	});
});
