import { describe, expect, it } from 'vitest';
import {
	bookingConflicts,
	overlaps,
	roomConflicts,
	staffingConflicts,
	type Booking,
	type RoomRule
} from './conflicts';

const at = (time: string) => new Date(`2026-03-02T${time}:00Z`);
const booking = (overrides: Partial<Booking> = {}): Booking => ({
	key: 'a',
	name: 'Balance',
	roomId: 'gym',
	leadUserId: 'jordan',
	assistantUserIds: [],
	startsAt: at('10:00'),
	endsAt: at('10:45'),
	...overrides
});
const names = { room: (id: string) => `Room ${id}`, user: (id: string) => `User ${id}` };
const iso = (time: string) => at(time).toISOString();
const check = (candidate: Booking, others: Booking[]) => bookingConflicts(candidate, others, names);

describe('overlap', () => {
	it('counts back-to-back classes as free', () => {
		expect(overlaps(booking(), booking({ startsAt: at('10:45'), endsAt: at('11:30') }))).toBe(
			false
		);
		expect(overlaps(booking(), booking({ startsAt: at('10:44'), endsAt: at('11:30') }))).toBe(true);
		expect(overlaps(booking(), booking({ startsAt: at('09:00'), endsAt: at('12:00') }))).toBe(true);
	});
});

describe('booking conflicts', () => {
	const other = booking({
		key: 'b',
		name: 'Core',
		leadUserId: 'sam',
		startsAt: at('10:30'),
		endsAt: at('11:15')
	});

	it('refuses a room booked twice at once, naming the other class', () => {
		expect(check(booking({ leadUserId: null }), [other])).toEqual([
			{
				field: 'roomId',
				problem: {
					code: 'planning.clash-room',
					params: { room: 'Room gym', name: 'Core', at: iso('10:30'), more: 0 }
				}
			}
		]);
	});

	it('allows the same room when the times do not overlap', () => {
		expect(
			check(booking(), [booking({ key: 'b', startsAt: at('11:00'), endsAt: at('12:00') })])
		).toEqual([]);
	});

	it('refuses a lead who already leads or assists an overlapping class elsewhere', () => {
		const leads = booking({ key: 'b', roomId: 'pool', leadUserId: 'jordan' });
		const assists = booking({
			key: 'c',
			roomId: 'pool',
			leadUserId: 'sam',
			assistantUserIds: ['jordan']
		});
		expect(check(booking(), [leads]).map((c) => c.field)).toEqual(['leadUserId']);
		expect(check(booking(), [assists])).toEqual([
			{
				field: 'leadUserId',
				problem: {
					code: 'planning.clash-staff',
					params: { person: 'User jordan', name: 'Balance', at: iso('10:00'), more: 0 }
				}
			}
		]);
	});

	it('refuses an assistant who works in an overlapping class', () => {
		const elsewhere = booking({ key: 'b', roomId: 'pool', leadUserId: 'alex' });
		expect(check(booking({ assistantUserIds: ['alex'] }), [elsewhere])).toEqual([
			{
				field: 'assistantUserIds',
				problem: {
					code: 'planning.clash-staff',
					params: { person: 'User alex', name: 'Balance', at: iso('10:00'), more: 0 }
				}
			}
		]);
	});

	it('ignores the candidate itself (a session being moved)', () => {
		expect(check(booking(), [booking()])).toEqual([]);
	});
});

describe('staffing', () => {
	it('refuses a lead listed as an assistant too', () => {
		expect(staffingConflicts('jordan', ['jordan'])[0]?.field).toBe('assistantUserIds');
		expect(staffingConflicts('jordan', ['sam'])).toEqual([]);
	});
});

describe('room limits', () => {
	const pool: RoomRule = { name: 'Pool', kind: 'pool', capacity: 10, participantsPerStaff: 4 };
	const gym: RoomRule = { name: 'Gym', kind: 'gym', capacity: 12, participantsPerStaff: null };

	it('refuses a pool class below its staff ratio: capacity / (1 + assistants) > ratio', () => {
		expect(roomConflicts(pool, 8, 0)).toEqual([
			{
				field: 'assistantUserIds',
				problem: {
					code: 'planning.pool-ratio',
					params: { room: 'Pool', ratio: 4, places: 8, needed: 1 }
				}
			}
		]);
		expect(roomConflicts(pool, 8, 1)).toEqual([]);
		expect(roomConflicts(pool, 4, 0)).toEqual([]);
		expect(roomConflicts(pool, 9, 1)[0]?.problem.params).toMatchObject({ needed: 2 });
	});

	it('has no staff ratio in a gym', () => {
		expect(roomConflicts(gym, 12, 0)).toEqual([]);
	});

	it('refuses more places than the room holds', () => {
		expect(roomConflicts(gym, 13, 0)).toEqual([
			{
				field: 'capacity',
				problem: { code: 'planning.room-too-small', params: { room: 'Gym', max: 12 } }
			}
		]);
	});
});
