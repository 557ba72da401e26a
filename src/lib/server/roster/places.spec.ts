import { describe, expect, it } from 'vitest';
import { effectivePlaces } from './places';

describe('effective places', () => {
	it('lets a session-level row win over the series place, whatever the order', () => {
		const series = { participantId: 'a', forSession: null, status: 'enrolled' };
		const day = { participantId: 'a', forSession: 's1', status: 'cancelled' };
		const other = { participantId: 'b', forSession: null, status: 'waitlisted' };
		expect([...effectivePlaces([series, day, other]).values()]).toEqual([day, other]);
		expect(effectivePlaces([day, series]).get('a')).toBe(day);
	});
});
