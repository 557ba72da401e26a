import { describe, expect, it } from 'vitest';
import {
	activeEntries,
	attendanceOf,
	headcount,
	headcountCheck,
	painRise,
	participantAction,
	urgentEntries
} from './clipboard';
import type { Finding } from './rules';
import { ANA, BEN, storedEntryMaker } from './testing/stored-entries';

const stored = storedEntryMaker(1_000, 'Tech');

const finding = (action: Finding['action']): Finding => ({
	ruleId: action,
	action,
	label: action,
	advice: '',
	verified: true
});

describe('class clipboard', () => {
	it('a change of mind is one more entry; the latest counts and the history stays', () => {
		const first = stored(ANA, { kind: 'attendance', status: 'present' });
		const second = stored(ANA, { kind: 'attendance', status: 'late' });
		const all = [first, second];
		expect(attendanceOf(activeEntries(all), ANA)?.entry.payload.status).toBe('late');
		expect(all).toHaveLength(2);
	});

	it('an edit replaces the entry it supersedes and a retraction withdraws it', () => {
		const pain = stored(ANA, { kind: 'pain', value: 3 });
		const edit = stored(ANA, { kind: 'pain', value: 4 }, { supersedes: pain.entry.id });
		const present = stored(BEN, { kind: 'attendance', status: 'present' });
		const withdrawn = stored(BEN, { kind: 'retraction' }, { supersedes: present.entry.id });
		const active = activeEntries([pain, edit, present, withdrawn]);
		expect(active.map((e) => e.entry.id)).toEqual([edit.entry.id]);
		expect(attendanceOf(active, BEN)).toBeNull();
	});

	it('counts who came, including anyone who left early, of those on the list', () => {
		const active = activeEntries([
			stored(ANA, { kind: 'attendance', status: 'left_early', leftAt: 5 }),
			stored(BEN, { kind: 'attendance', status: 'absent' })
		]);
		expect(headcount(active, [ANA, BEN, 'x'])).toEqual({ came: 1, here: 0, of: 3 });
	});

	it('the pool headcount out must match those still in the class', () => {
		const present = [
			stored(ANA, { kind: 'attendance', status: 'present' }),
			stored(BEN, { kind: 'attendance', status: 'late' })
		];
		expect(headcountCheck(activeEntries(present), [ANA, BEN]).state).toBe('not_counted');
		const short = [...present, stored(null, { kind: 'headcount_out', count: 1 })];
		expect(headcountCheck(activeEntries(short), [ANA, BEN])).toEqual({
			state: 'mismatch',
			here: 2,
			out: 1
		});
		const recount = [...short, stored(null, { kind: 'headcount_out', count: 2 })];
		expect(headcountCheck(activeEntries(recount), [ANA, BEN]).state).toBe('match');
	});

	it('flags a pain rise of 2 or more over the first score in the class', () => {
		const one = [stored(ANA, { kind: 'pain', value: 2 }), stored(ANA, { kind: 'pain', value: 3 })];
		expect(painRise(activeEntries(one), ANA)).toBeNull();
		const two = [...one, stored(ANA, { kind: 'pain', value: 4 })];
		expect(painRise(activeEntries(two), ANA)).toBe(2);
	});

	it('the latest vitals decide; symptoms raise STOP and show as urgent', () => {
		const high = stored(
			ANA,
			{ kind: 'vitals', vitals: { timing: 'before', heartRate: 120 } },
			{ findings: [finding('HOLD')] }
		);
		expect(participantAction(activeEntries([high]), ANA)).toBe('HOLD');
		const recheck = stored(ANA, { kind: 'vitals', vitals: { timing: 'before', heartRate: 80 } });
		expect(participantAction(activeEntries([high, recheck]), ANA)).toBeNull();
		const symptom = stored(
			BEN,
			{ kind: 'symptoms', symptoms: ['chest_pain'] },
			{ findings: [finding('STOP')] }
		);
		const active = activeEntries([high, recheck, symptom]);
		expect(participantAction(active, BEN)).toBe('STOP');
		expect(urgentEntries(active)).toEqual([symptom]);
	});
});
