import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../shared/timeline';
import { mergeEntries, receiveEntry } from './live-log';

const entry = (seq: number): LogEntry => ({ seq, at: seq * 1000, command: { type: 'pause' } });

describe('client log', () => {
	it('appends in order, ignores repeats, reports gaps', () => {
		const log = [entry(1)];
		expect(receiveEntry(log, entry(2))).toBe('appended');
		expect(receiveEntry(log, entry(2))).toBe('duplicate');
		expect(receiveEntry(log, entry(5))).toBe('gap');
		expect(log.map((e) => e.seq)).toEqual([1, 2]);
	});

	it('fills a gap from the server without duplicating', () => {
		const log = [entry(1), entry(2)];
		mergeEntries(log, [entry(5), entry(3), entry(2), entry(4)]);
		expect(log.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
	});
});
