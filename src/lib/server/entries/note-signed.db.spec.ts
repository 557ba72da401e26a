import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entry, EntryPayload } from '../../shared/entries';
import type { StaffUser } from '../auth/session';
import type { DatabaseHandle } from '../db/client';
import { classNotes, participantEntries } from '../db/schema';
import { anHourAgoToday } from '../db/test-database';
import { demoClassAt, startClass } from '../testing/demo-clinic';
import type { LiveClassService } from '../live/live-classes';
import { recordEntry } from './entries';

let database: DatabaseHandle;
let live: LiveClassService;
let technician: StaffUser;
let clinicId: string;
let sessionId: string;
let members: string[];
const clock = anHourAgoToday();

beforeAll(async () => {
	({ database, clinicId, technician, sessionId, members, live } = await demoClassAt(
		clock,
		() => clock
	));
	await startClass(live, sessionId, technician);
});
afterAll(() => database.close());

const entry = (participantId: string | null, payload: EntryPayload): Entry => ({
	id: randomUUID(),
	sessionId,
	participantId,
	recordedAt: clock,
	deviceId: 'phone-a',
	payload
});

/** The note as the signing page leaves it (signing itself is another part's). */
async function signNote(participantId: string, state: 'open' | 'signed' | 'amended') {
	const signed = state === 'open' ? null : new Date();
	await database.db
		.insert(classNotes)
		.values({
			clinicId,
			sessionId,
			participantId,
			draft: {},
			state,
			signedAt: signed,
			signedBy: signed ? technician.id : null
		})
		.onConflictDoUpdate({
			target: [classNotes.sessionId, classNotes.participantId],
			set: { state, signedAt: signed, signedBy: signed ? technician.id : null }
		});
}

describe('entries after a note is signed', () => {
	it('are stored while the note is open, refused once it is signed, and a resend of an earlier one is still a duplicate', async () => {
		const [ana] = members;
		const before = entry(ana!, { kind: 'pain', value: 2 });
		await signNote(ana!, 'open');
		expect(await recordEntry(database.db, live, technician, before)).toMatchObject({
			ok: true,
			duplicate: false
		});

		await signNote(ana!, 'signed');
		const late = entry(ana!, { kind: 'pain', value: 4 });
		// Final (no retry): the phone keeps it and shows why.
		expect(await recordEntry(database.db, live, technician, late)).toEqual({
			ok: false,
			code: 'note-signed'
		});
		expect(
			await database.db.select().from(participantEntries).where(eq(participantEntries.id, late.id))
		).toEqual([]);
		// A phone that never heard the answer sends the earlier entry again: already done.
		expect(await recordEntry(database.db, live, technician, before)).toMatchObject({
			ok: true,
			duplicate: true
		});
	});

	it('stay refused once the note is amended, and other participants are not affected', async () => {
		const [, ben, cai] = members;
		await signNote(ben!, 'amended');
		expect(
			await recordEntry(
				database.db,
				live,
				technician,
				entry(ben!, { kind: 'attendance', status: 'present' })
			)
		).toEqual({ ok: false, code: 'note-signed' });
		expect(
			await recordEntry(database.db, live, technician, entry(cai!, { kind: 'pain', value: 1 }))
		).toMatchObject({ ok: true, duplicate: false });
		const stored = await database.db
			.select({ id: participantEntries.id })
			.from(participantEntries)
			.where(
				and(eq(participantEntries.sessionId, sessionId), eq(participantEntries.participantId, ben!))
			);
		expect(stored).toEqual([]);
	});
});
