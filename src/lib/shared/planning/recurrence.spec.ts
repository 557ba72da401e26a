import { describe, expect, it } from 'vitest';
import { occurrencesBetween, ruleDays, weeklyRule, type WeeklyRecurrence } from './recurrence';

const weekly = (overrides: Partial<WeeklyRecurrence> = {}): WeeklyRecurrence => ({
	rrule: weeklyRule(['MO']),
	startTime: '10:00',
	durationMinutes: 45,
	startsOn: '2026-01-05',
	endsOn: null,
	...overrides
});

describe('weekly rule', () => {
	it('is written by the rrule library as an iCalendar RRULE, days in week order', () => {
		expect(weeklyRule(['FR', 'MO', 'WE'])).toBe('FREQ=WEEKLY;BYDAY=MO,WE,FR');
	});

	it('reads its days back, also from rules stored by the demo seed', () => {
		expect(ruleDays(weeklyRule(['TU', 'TH']))).toEqual(['TU', 'TH']);
		expect(ruleDays('FREQ=WEEKLY;BYDAY=SU,MO')).toEqual(['MO', 'SU']);
	});
});

describe('occurrences', () => {
	it('meets on the chosen days between the first and the last day, both included', () => {
		const dates = occurrencesBetween(
			weekly({ rrule: weeklyRule(['MO', 'TH']), startsOn: '2026-01-08', endsOn: '2026-01-19' }),
			'UTC',
			'2026-01-01',
			'2026-02-01'
		).map((o) => o.date);
		expect(dates).toEqual(['2026-01-08', '2026-01-12', '2026-01-15', '2026-01-19']);
	});

	it('keeps the window half-open: the end day itself is not included', () => {
		const dates = occurrencesBetween(weekly(), 'UTC', '2026-01-05', '2026-01-12').map(
			(o) => o.date
		);
		expect(dates).toEqual(['2026-01-05']);
	});

	it('ends each class after its duration', () => {
		const [first] = occurrencesBetween(weekly(), 'UTC', '2026-01-05', '2026-01-06');
		expect(first!.startsAt.toISOString()).toBe('2026-01-05T10:00:00.000Z');
		expect(first!.endsAt.toISOString()).toBe('2026-01-05T10:45:00.000Z');
	});

	it('stays at 10:00 in New York across the March and November clock changes', () => {
		const occurrences = occurrencesBetween(
			weekly({ rrule: weeklyRule(['SU']), startsOn: '2026-01-04' }),
			'America/New_York',
			'2026-02-28',
			'2026-11-09'
		);
		const byDate = new Map(occurrences.map((o) => [o.date, o.startsAt.toISOString()]));
		// 8 March 2026: clocks go forward (EST UTC-5 to EDT UTC-4).
		expect(byDate.get('2026-03-01')).toBe('2026-03-01T15:00:00.000Z');
		expect(byDate.get('2026-03-08')).toBe('2026-03-08T14:00:00.000Z');
		// 1 November 2026: clocks go back.
		expect(byDate.get('2026-10-25')).toBe('2026-10-25T14:00:00.000Z');
		expect(byDate.get('2026-11-01')).toBe('2026-11-01T15:00:00.000Z');
		expect(byDate.get('2026-11-08')).toBe('2026-11-08T15:00:00.000Z');
		const localTimes = new Set(
			occurrences.map((o) =>
				new Intl.DateTimeFormat('en-GB', {
					timeZone: 'America/New_York',
					hour: '2-digit',
					minute: '2-digit'
				}).format(o.startsAt)
			)
		);
		expect(localTimes).toEqual(new Set(['10:00']));
	});

	it('stays at 10:00 in London across the March and October clock changes', () => {
		const occurrences = occurrencesBetween(
			weekly({ rrule: weeklyRule(['MO']), startsOn: '2026-03-23', endsOn: '2026-11-02' }),
			'Europe/London',
			'2026-03-01',
			'2027-01-01'
		);
		expect(occurrences[0]).toMatchObject({ date: '2026-03-23' });
		expect(occurrences[0]!.startsAt.toISOString()).toBe('2026-03-23T10:00:00.000Z');
		// 29 March: BST (UTC+1) begins.
		expect(occurrences[1]!.startsAt.toISOString()).toBe('2026-03-30T09:00:00.000Z');
		// 25 October: back to GMT.
		const afterChange = occurrences.find((o) => o.date === '2026-10-26');
		expect(afterChange!.startsAt.toISOString()).toBe('2026-10-26T10:00:00.000Z');
		expect(occurrences.at(-1)!.date).toBe('2026-11-02');
	});

	it('keeps the local day for zones far from UTC (no slip to the previous or next day)', () => {
		const [tokyo] = occurrencesBetween(
			weekly({ startTime: '07:00' }),
			'Asia/Tokyo',
			'2026-01-05',
			'2026-01-06'
		);
		expect(tokyo!.date).toBe('2026-01-05');
		expect(tokyo!.startsAt.toISOString()).toBe('2026-01-04T22:00:00.000Z');
		const [honolulu] = occurrencesBetween(
			weekly({ startTime: '19:00' }),
			'Pacific/Honolulu',
			'2026-01-05',
			'2026-01-06'
		);
		expect(honolulu!.startsAt.toISOString()).toBe('2026-01-06T05:00:00.000Z');
	});
});
