import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entry, EntryPayload } from '../../shared/entries';
import type { StaffUser } from '../auth/session';
import type { DatabaseHandle } from '../db/client';
import { enrollments, participantEntries, participants } from '../db/schema';
import { anHourAgoToday } from '../db/test-database';
import { demoClassAt, startClass } from '../testing/demo-clinic';
import { LiveClassService } from '../live/live-classes';
import { recordEntry } from './entries';
import { refuse } from '../../shared/refusals';

let database: DatabaseHandle;
let live: LiveClassService;
let technician: StaffUser;
let sessionId: string;
let enrolled: string;
let outsider: string;
// Entries must carry a believable time (the server refuses next week's), so the tests run now.
let clock = anHourAgoToday();

beforeAll(async () => {
	let members: string[];
	({ database, technician, sessionId, members, live } = await demoClassAt(clock, () => clock));
	enrolled = members[0]!;
	const everyone = await database.db.select({ id: participants.id }).from(participants);
	outsider = everyone.find((p) => !members.includes(p.id))!.id;
	await startClass(live, sessionId, technician);
});
afterAll(() => database.close());

const entry = (payload: EntryPayload, overrides: Partial<Entry> = {}): Entry => ({
	id: randomUUID(),
	sessionId,
	participantId: enrolled,
	recordedAt: clock,
	deviceId: 'phone-a',
	payload,
	...overrides
});

describe('participant entries', () => {
	it('stores an entry once, however often it is sent', async () => {
		const attendance = entry({ kind: 'attendance', status: 'present' });
		const results = await Promise.all(
			[1, 2, 3].map(() => recordEntry(database.db, live, technician, attendance))
		);
		expect(results.every((r) => r.ok)).toBe(true);
		expect(results.filter((r) => r.ok && !r.duplicate)).toHaveLength(1);
		const stored = await database.db
			.select()
			.from(participantEntries)
			.where(eq(participantEntries.id, attendance.id));
		expect(stored).toHaveLength(1);
		expect(stored[0]).toMatchObject({ userId: technician.id, deviceId: 'phone-a', blockIndex: 0 });
	});

	it("refuses a participant not in the class, and another clinic's class", async () => {
		expect(
			await recordEntry(
				database.db,
				live,
				technician,
				entry({ kind: 'pain', value: 3 }, { participantId: outsider })
			)
		).toEqual({
			ok: false,
			code: 'participant-not-in-class'
		});
		const stranger = { ...technician, clinicId: randomUUID() };
		expect(
			await recordEntry(database.db, live, stranger, entry({ kind: 'pain', value: 3 }))
		).toEqual({
			ok: false,
			code: 'class-not-found'
		});
	});

	it('applies the vital-sign rules, relative to the resting reading', async () => {
		const rest = await recordEntry(
			database.db,
			live,
			technician,
			entry({
				kind: 'vitals',
				vitals: { timing: 'before', heartRate: 72, systolic: 150, diastolic: 85 }
			})
		);
		expect(rest).toMatchObject({ ok: true, findings: [] });
		clock += 5 * 60_000;
		const during = await recordEntry(
			database.db,
			live,
			technician,
			entry(
				{
					kind: 'vitals',
					vitals: { timing: 'during', heartRate: 108, systolic: 136, diastolic: 80 }
				},
				{ recordedAt: clock }
			)
		);
		expect(during.ok && during.findings.map((f) => f.ruleId).sort()).toEqual([
			'hr-exercise-rest-30',
			'sbp-drop-10'
		]);
		const symptom = await recordEntry(
			database.db,
			live,
			technician,
			entry({ kind: 'symptoms', symptoms: ['chest_pain'] })
		);
		expect(symptom.ok && symptom.findings[0]?.action).toBe('STOP');
	});
});

describe('entries that replace others, and their times', () => {
	it('refuses a time from the future or from long ago', async () => {
		for (const recordedAt of [Date.now() + 60 * 60_000, Date.now() - 8 * 24 * 60 * 60_000]) {
			expect(
				await recordEntry(
					database.db,
					live,
					technician,
					entry({ kind: 'pain', value: 1 }, { recordedAt })
				)
			).toEqual(refuse('phone-clock-wrong'));
		}
	});

	it('an edit must replace an entry of the same kind, participant and class', async () => {
		const pain = entry({ kind: 'pain', value: 2 });
		await recordEntry(database.db, live, technician, pain);
		const wrongKind = entry({ kind: 'note', text: 'x' }, { supersedes: pain.id });
		expect(await recordEntry(database.db, live, technician, wrongKind)).toMatchObject({
			ok: false,
			retry: true
		});
		const unknown = entry({ kind: 'pain', value: 3 }, { supersedes: randomUUID() });
		expect(await recordEntry(database.db, live, technician, unknown)).toMatchObject({ ok: false });
		const edit = entry({ kind: 'pain', value: 3 }, { supersedes: pain.id });
		expect(await recordEntry(database.db, live, technician, edit)).toMatchObject({ ok: true });
	});

	it('a withdrawn resting reading is not the baseline any more', async () => {
		const other = (
			await database.db
				.select({ id: enrollments.participantId })
				.from(enrollments)
				.where(eq(enrollments.status, 'enrolled'))
		).find((row) => row.id !== enrolled)!.id;
		const typo = entry(
			{ kind: 'vitals', vitals: { timing: 'before', heartRate: 40 } },
			{ participantId: other }
		);
		await recordEntry(database.db, live, technician, typo);
		await recordEntry(
			database.db,
			live,
			technician,
			entry({ kind: 'retraction' }, { participantId: other, supersedes: typo.id })
		);
		// 100 is 60 over the withdrawn 40 but not over any real resting reading.
		const during = await recordEntry(
			database.db,
			live,
			technician,
			entry(
				{ kind: 'vitals', vitals: { timing: 'during', heartRate: 100 } },
				{ participantId: other }
			)
		);
		expect(during).toMatchObject({ ok: true, findings: [] });
	});
});
