import { describe, expect, it } from 'vitest';
import { addDays, localDate, weekdayOf, zonedTimeToInstant } from './time-zone';

describe('zonedTimeToInstant', () => {
	it('converts a wall time in winter and in summer (DST)', () => {
		expect(zonedTimeToInstant('2026-01-15', '09:30', 'America/New_York').toISOString()).toBe(
			'2026-01-15T14:30:00.000Z'
		);
		expect(zonedTimeToInstant('2026-07-15', '09:30', 'America/New_York').toISOString()).toBe(
			'2026-07-15T13:30:00.000Z'
		);
	});

	it('handles the days the clocks change', () => {
		// New York springs forward on 2026-03-08 at 02:00 and falls back on 2026-11-01.
		expect(zonedTimeToInstant('2026-03-08', '10:00', 'America/New_York').toISOString()).toBe(
			'2026-03-08T14:00:00.000Z'
		);
		expect(zonedTimeToInstant('2026-11-01', '10:00', 'America/New_York').toISOString()).toBe(
			'2026-11-01T15:00:00.000Z'
		);
	});

	it('round-trips with localDate across zones', () => {
		for (const zone of ['UTC', 'Europe/Berlin', 'Australia/Sydney', 'Pacific/Honolulu']) {
			const instant = zonedTimeToInstant('2026-11-26', '23:15', zone);
			expect(localDate(zone, instant)).toBe('2026-11-26');
		}
	});
});

describe('calendar helpers', () => {
	it('knows weekdays and month ends', () => {
		expect(weekdayOf('2026-11-26')).toBe(4); // a Thursday
		expect(addDays('2026-11-28', 5)).toBe('2026-12-03');
		expect(addDays('2026-03-02', -2)).toBe('2026-02-28');
	});
});
