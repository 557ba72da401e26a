import { describe, expect, it } from 'vitest';
import { formatClock } from './format';

describe('formatClock', () => {
	it('rounds up to whole seconds', () => {
		expect(formatClock(45_000)).toBe('0:45');
		expect(formatClock(44_001)).toBe('0:45');
		expect(formatClock(1)).toBe('0:01');
		expect(formatClock(0)).toBe('0:00');
		expect(formatClock(-500)).toBe('0:00');
		expect(formatClock(125_000)).toBe('2:05');
	});
});
