import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntryPayload } from '../../shared/entries';
import type { StaffUser } from '../auth/session';
import type { DatabaseHandle } from '../db/client';
import {
	classNoteAddenda,
	classNotes,
	participantEntries,
	participants,
	recordAudit,
	users
} from '../db/schema';
import type { LiveClassService } from '../live/live-classes';
import { demoClassAt, demoStaff, otherClinic, startClass } from '../testing/demo-clinic';
import { addAddendum, classReview, cosignNote, saveNoteText, signNote } from './notes';
import { ensureDrafts } from './notes-draft';
import { unsignedNotes } from './notes-unsigned';

let database: DatabaseHandle;
let clinicId: string;
let sessionId: string;
let members: string[];
let live: LiveClassService;
let technician: StaffUser;
let coordinator: StaffUser;
let therapist: StaffUser;
let otherTechnician: StaffUser;
let stranger: StaffUser;
let clock = Date.parse('2026-11-26T15:00:00Z');
const device = 'spec';
const words = {
	response: 'Tolerated well',
	cues: 'Verbal',
	goals: 'Balance goal 1',
	plan: 'Progress'
};

async function staffMember(
	role: StaffUser['role'],
	email: string,
	credentials: string,
	clinic = clinicId
) {
	const [row] = await database.db
		.insert(users)
		.values({
			clinicId: clinic,
			email,
			name: email.split('@')[0]!,
			role,
			credentials,
			passwordHash: 'x'
		})
		.returning();
	return { ...row!, clinicId: clinic } as StaffUser;
}

async function record(participantId: string, payload: EntryPayload, at = clock) {
	await database.db.insert(participantEntries).values({
		id: randomUUID(),
		clinicId,
		sessionId,
		participantId,
		kind: payload.kind,
		payload,
		recordedAt: new Date(at),
		userId: technician.id,
		deviceId: 'phone',
		blockIndex: 1,
		blockSecond: 0
	});
}

beforeAll(async () => {
	({ database, clinicId, technician, sessionId, members, live } = await demoClassAt(
		clock,
		() => clock
	));
	await database.db.update(users).set({ credentials: 'PTA' }).where(eq(users.id, technician.id));
	coordinator = await demoStaff(database.db, clinicId, 'coordinator');
	therapist = await staffMember('therapist', 'dpt@example.org', 'DPT');
	otherTechnician = await staffMember('technician', 'tech2@example.org', '');
	stranger = await staffMember(
		'coordinator',
		'far@example.org',
		'',
		await otherClinic(database.db)
	);

	expect((await startClass(live, sessionId, technician)).ok).toBe(true);
	await record(members[0]!, { kind: 'attendance', status: 'present' });
	await record(members[1]!, { kind: 'attendance', status: 'present' });
	await record(members[2]!, { kind: 'attendance', status: 'absent' });
	clock += 10 * 60_000;
	await record(members[0]!, { kind: 'modifications', modifications: ['seated'] });
	clock += 10 * 60_000;
	const ended = await live.command({
		sessionId,
		user: technician,
		command: { type: 'end' },
		clientCommandId: randomUUID()
	});
	expect(ended.ok).toBe(true);
});
afterAll(() => database.close());

const notesOf = () =>
	database.db.select().from(classNotes).where(eq(classNotes.sessionId, sessionId));
const auditOf = (action: string) =>
	database.db
		.select()
		.from(recordAudit)
		.where(and(eq(recordAudit.sessionId, sessionId), eq(recordAudit.action, action as 'viewed')));

describe('class notes', () => {
	it('drafts once per attending participant, idempotently, with a created audit line each', async () => {
		expect(await ensureDrafts(database.db, clinicId, sessionId, { userId: null, device })).toBe(2);
		expect(await ensureDrafts(database.db, clinicId, sessionId, { userId: null, device })).toBe(0);
		const notes = await notesOf();
		expect(notes.map((n) => n.participantId).sort()).toEqual([members[0], members[1]].sort());
		expect(notes.every((n) => n.state === 'open' && n.draftVersion === 2)).toBe(true);
		expect(await auditOf('created')).toHaveLength(2);
	});

	it('shows the lead every note of the class and audits each view; the draft follows later entries', async () => {
		await record(members[1]!, { kind: 'pain', value: 4 });
		// An outcome test after the class: Ben is 76 on its day and male, so the cut-off is 11.
		await database.db
			.update(participants)
			.set({ sex: 'male', dateOfBirth: '1950-01-01' })
			.where(eq(participants.id, members[1]!));
		await record(members[1]!, {
			kind: 'outcome_test',
			result: { test: 'chair_stand_30s', count: 10, armsUsed: false },
			note: 'Slow last five'
		});
		const review = await classReview(
			database.db,
			{ user: technician, device },
			sessionId,
			members[1]
		);
		if ('ok' in review) throw new Error(review.code);
		expect(review.rights).toEqual({ read: true, write: true, cosign: false });
		expect(review.notes).toHaveLength(2);
		const ben = review.current!;
		expect(ben.participantId).toBe(members[1]);
		expect(ben.draft!.observations).toMatchObject([{ kind: 'pain', value: 4 }]);
		expect(ben.draft!.group.size).toBe(2);
		expect(ben.draft!.staff[0]).toMatchObject({ role: 'lead', credentials: 'PTA' });
		expect(ben.draft!.outcomeTests).toMatchObject([
			{
				result: { test: 'chair_stand_30s', count: 10 },
				judgement: { verdict: 'flag', cutoff: 11 },
				tester: { name: technician.name, credentials: 'PTA' },
				note: 'Slow last five'
			}
		]);
		// Only the note shown is loaded, and audited as viewed.
		expect(await auditOf('viewed')).toMatchObject([{ participantId: members[1] }]);
	});

	it('refuses another technician of the clinic (403) and another clinic (404); coordinators read only', async () => {
		expect(
			await classReview(database.db, { user: otherTechnician, device }, sessionId)
		).toMatchObject({ ok: false, status: 403 });
		expect(await classReview(database.db, { user: stranger, device }, sessionId)).toMatchObject({
			ok: false,
			status: 404
		});
		const input = { participantId: members[0]!, ...words };
		expect(
			await saveNoteText(database.db, { user: stranger, device }, sessionId, input)
		).toMatchObject({ status: 404 });
		expect(
			await signNote(database.db, { user: otherTechnician, device }, sessionId, input)
		).toMatchObject({ status: 403 });
		expect(
			await signNote(database.db, { user: coordinator, device }, sessionId, input)
		).toMatchObject({ status: 403, code: 'records.forbidden' });
		const review = await classReview(database.db, { user: coordinator, device }, sessionId);
		expect('rights' in review && review.rights).toEqual({
			read: true,
			write: false,
			cosign: false
		});
	});

	it('signs with name, credentials and time, once; a signed note is not edited', async () => {
		const input = { participantId: members[0]!, ...words };
		expect(await signNote(database.db, { user: technician, device }, sessionId, input)).toEqual({
			ok: true
		});
		const [note] = await database.db
			.select()
			.from(classNotes)
			.where(eq(classNotes.participantId, members[0]!));
		expect(note).toMatchObject({
			state: 'signed',
			signerCredentials: 'PTA',
			response: 'Tolerated well'
		});
		expect(note!.signerName).toBe(technician.name);
		expect(note!.signedAt).toBeInstanceOf(Date);
		expect(await signNote(database.db, { user: technician, device }, sessionId, input)).toEqual({
			ok: false,
			status: 409,
			code: 'records.note-signed'
		});
		expect(
			await saveNoteText(database.db, { user: technician, device }, sessionId, {
				...input,
				response: 'changed'
			})
		).toMatchObject({ status: 409 });
		// Later entries no longer change a signed draft.
		const before = note!.draft;
		await record(members[0]!, { kind: 'pain', value: 2 });
		await ensureDrafts(database.db, clinicId, sessionId, { userId: null, device });
		const [after] = await database.db.select().from(classNotes).where(eq(classNotes.id, note!.id));
		expect(after!.draft).toEqual(before);
		expect(await auditOf('signed')).toHaveLength(1);
	});

	it('keeps a signed note frozen without tests, and still reads a note drafted as version 1', async () => {
		const [note] = await database.db
			.select()
			.from(classNotes)
			.where(eq(classNotes.participantId, members[0]!));
		await record(members[0]!, {
			kind: 'outcome_test',
			result: { test: 'tug', seconds: 14, device: 'none' }
		});
		await ensureDrafts(database.db, clinicId, sessionId, { userId: null, device });
		const review = async () => {
			const read = await classReview(
				database.db,
				{ user: technician, device },
				sessionId,
				members[0]
			);
			if ('ok' in read) throw new Error(read.code);
			return read.current!.draft!;
		};
		expect((await review()).outcomeTests).toEqual([]);
		// As drafted before outcome tests: version 1, no such field.
		// eslint-disable-next-line @typescript-eslint/no-unused-vars
		const { outcomeTests, ...v1 } = note!.draft as { outcomeTests: unknown[] };
		await database.db
			.update(classNotes)
			.set({ draft: { ...v1, version: 1 }, draftVersion: 1 })
			.where(eq(classNotes.id, note!.id));
		const old = await review();
		expect(old).toMatchObject({ version: 2, outcomeTests: [], participantId: members[0] });
		expect(old.blocks.length).toBeGreaterThan(0);
	});

	it('co-signs by a therapist only, once, and keeps both signatures', async () => {
		expect(
			await cosignNote(database.db, { user: technician, device }, sessionId, members[0]!)
		).toMatchObject({ status: 403, code: 'records.therapists-cosign' });
		expect(
			await cosignNote(database.db, { user: coordinator, device }, sessionId, members[0]!)
		).toMatchObject({ status: 403 });
		expect(
			await cosignNote(database.db, { user: therapist, device }, sessionId, members[1]!)
		).toMatchObject({ status: 409, code: 'records.not-signed' });
		expect(
			await cosignNote(database.db, { user: therapist, device }, sessionId, members[0]!)
		).toEqual({ ok: true });
		expect(
			await cosignNote(database.db, { user: therapist, device }, sessionId, members[0]!)
		).toMatchObject({ status: 409, code: 'records.already-cosigned' });
		const [note] = await database.db
			.select()
			.from(classNotes)
			.where(eq(classNotes.participantId, members[0]!));
		expect(note).toMatchObject({
			cosignerName: 'dpt',
			cosignerCredentials: 'DPT',
			signerCredentials: 'PTA'
		});
		expect(await auditOf('cosigned')).toHaveLength(1);
	});

	it('adds addenda beside a signed note (amended), never into it; refused before signing', async () => {
		const note = { participantId: members[0]!, text: 'Reported dizziness at home later' };
		expect(
			await addAddendum(database.db, { user: technician, device }, sessionId, {
				...note,
				participantId: members[1]!
			})
		).toMatchObject({ status: 409, code: 'records.not-signed' });
		expect(
			await addAddendum(database.db, { user: coordinator, device }, sessionId, note)
		).toMatchObject({ status: 403 });
		expect(await addAddendum(database.db, { user: technician, device }, sessionId, note)).toEqual({
			ok: true
		});
		const [row] = await database.db
			.select()
			.from(classNotes)
			.where(eq(classNotes.participantId, members[0]!));
		expect(row).toMatchObject({ state: 'amended', response: 'Tolerated well' });
		expect(
			await database.db.select().from(classNoteAddenda).where(eq(classNoteAddenda.noteId, row!.id))
		).toMatchObject([{ text: note.text, authorCredentials: 'PTA' }]);
		const lines = await auditOf('amended');
		expect(lines).toHaveLength(1);
		// The audit log holds ids, never the text.
		expect(JSON.stringify(lines[0]!.detail)).not.toContain('dizziness');
	});

	it('lists notes unsigned after 24 h: all for the coordinator, the lead their own, nobody elsewhere', async () => {
		const later = new Date(clock + 25 * 3_600_000);
		expect(await unsignedNotes(database.db, coordinator, new Date(clock))).toEqual([]);
		expect(
			(await unsignedNotes(database.db, coordinator, later)).map((n) => n.participantId)
		).toEqual([members[1]]);
		expect(await unsignedNotes(database.db, technician, later)).toHaveLength(1);
		expect(await unsignedNotes(database.db, otherTechnician, later)).toEqual([]);
		expect(await unsignedNotes(database.db, stranger, later)).toEqual([]);
	});
});
