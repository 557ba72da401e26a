import { describe, expect, it } from 'vitest';
import { entrySchema } from './entries';

const base = {
	id: '0b6f3a52-4a0e-4c8e-9d8e-6b1a2f3c4d5e',
	sessionId: '1b6f3a52-4a0e-4c8e-9d8e-6b1a2f3c4d5e',
	participantId: '2b6f3a52-4a0e-4c8e-9d8e-6b1a2f3c4d5e',
	recordedAt: 1_795_000_000_000,
	deviceId: 'phone-1'
};

describe('entries from the phone', () => {
	it('accepts each kind with sensible values', () => {
		const payloads = [
			{ kind: 'attendance', status: 'present' },
			{ kind: 'exertion', scale: 'borg_6_20', value: 13 },
			{ kind: 'exertion', scale: 'borg_cr10', value: 3.5 },
			{ kind: 'pain', value: 4 },
			{ kind: 'vitals', vitals: { timing: 'before', systolic: 128, diastolic: 78 } },
			{ kind: 'modifications', modifications: ['seated', 'rest_break'] },
			{ kind: 'symptoms', symptoms: ['dizziness'] },
			{ kind: 'note', text: 'Tired today' },
			{
				kind: 'adverse_event',
				type: 'fall',
				severity: 'mild',
				actionTaken: 'Helped up, checked',
				whoWasTold: 'Dr. Rivera'
			}
		];
		for (const payload of payloads) {
			expect(entrySchema.safeParse({ ...base, payload }).success, JSON.stringify(payload)).toBe(
				true
			);
		}
	});

	it.each([
		[{ kind: 'exertion', scale: 'borg_6_20', value: 25 }, 'entries.exertion-range'],
		[{ kind: 'exertion', scale: 'borg_cr10', value: 3.3 }, 'entries.exertion-range'],
		[{ kind: 'pain', value: 11 }, 'entries.pain-range'],
		[{ kind: 'vitals', vitals: { timing: 'during', spo2: 140 } }, 'entries.vitals.spo2-range'],
		[
			{ kind: 'vitals', vitals: { timing: 'during', systolic: 80, diastolic: 120 } },
			'entries.vitals.bp-order'
		],
		[{ kind: 'note', text: '' }, 'entries.note-required'],
		[{ kind: 'retraction' }, 'entries.retraction-needs-target']
	])('refuses %o', (payload, message) => {
		const result = entrySchema.safeParse({ ...base, payload });
		expect(result.success).toBe(false);
		expect(result.error!.issues.map((i) => i.message).join(' ')).toContain(message);
	});
});
