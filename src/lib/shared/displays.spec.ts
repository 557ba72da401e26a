import { describe, expect, it } from 'vitest';
import { displayNameSchema, lastSeenText } from './displays';

describe('lastSeenText', () => {
	const now = new Date('2026-11-26T15:00:00Z');
	it('says the time today, the date before, and "never" without one', () => {
		expect(lastSeenText('2026-11-26T10:42:00Z', now, 'UTC')).toBe('last seen 10:42 AM');
		expect(lastSeenText(new Date('2026-11-24T18:05:00Z'), now, 'UTC')).toBe(
			'last seen Nov 24, 6:05 PM'
		);
		expect(lastSeenText(null, now, 'UTC')).toBe('never connected');
	});
	it("uses the clinic's zone: late evening in New York is the next day in UTC", () => {
		const late = '2026-11-26T03:30:00Z';
		expect(lastSeenText(late, now, 'America/New_York')).toBe('last seen Nov 25, 10:30 PM');
		expect(lastSeenText(late, now, 'UTC')).toBe('last seen 3:30 AM');
	});
});

describe('displayNameSchema', () => {
	it('tidies spaces and refuses blank, long and unprintable names', () => {
		expect(displayNameSchema.parse('  Gym A \t left  TV ')).toBe('Gym A left TV');
		for (const bad of ['', '   ', 'x'.repeat(41), 'a\u0007b', 'Gym A\u200b', '\u202eVT']) {
			expect(displayNameSchema.safeParse(bad).success).toBe(false);
		}
	});
});
