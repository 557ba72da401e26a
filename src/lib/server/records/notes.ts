import { and, asc, eq, isNull } from 'drizzle-orm';
import { readDraft, type NoteDraft } from '../../shared/records';
import type { NoteText } from '../../shared/records/note-text';
import type { StaffUser } from '../auth/session';
import type { Database } from '../db/client';
import {
	classNoteAddenda,
	classNotes,
	clinics,
	participants,
	users,
	type AuditAction
} from '../db/schema';
import { audit } from './audit';
import { classAccess, type ClassHeading, type NoteCode, type NoteRights } from './notes-access';
import { ensureDrafts } from './notes-draft';

export type NoteAddendum = {
	text: string;
	authorName: string;
	authorCredentials: string;
	at: Date;
};

export type ReviewNote = {
	id: string;
	participantId: string;
	fullName: string;
	state: 'open' | 'signed' | 'amended';
	/** Null when the stored draft could not be read (its version or shape): shown as such. */
	draft: NoteDraft | null;
	response: string;
	cues: string;
	goals: string;
	plan: string;
	signerName: string | null;
	signerCredentials: string | null;
	signedAt: Date | null;
	cosignerName: string | null;
	cosignerCredentials: string | null;
	cosignedAt: Date | null;
	signedBy: string | null;
	addenda: NoteAddendum[];
};

/** A note in the review's list: whose, and how far it is. */
export type NoteSummary = Pick<ReviewNote, 'participantId' | 'fullName' | 'state'> & {
	cosigned: boolean;
};

/**
 * The review of one class: every note's name and state for moving between them, and the one
 * note shown in full (only that one is loaded and audited as viewed).
 */
export type ClassReview = {
	heading: ClassHeading;
	notes: NoteSummary[];
	current: ReviewNote | null;
	rights: NoteRights;
	requireCosign: boolean;
};

export type NoteResult =
	{ ok: true } | { ok: false; status: 400 | 403 | 404 | 409; code: NoteCode };

const fail = (status: 400 | 403 | 404 | 409, code: NoteCode): NoteResult => ({
	ok: false,
	status,
	code
});

/** Where a change comes from, for the audit log. */
export type Actor = { user: StaffUser; device: string };

/**
 * The notes of one class for its review page: drafted first if the class ended without them (any
 * path ends a class), open ones brought up to date. The note shown is an audit line.
 */
export async function classReview(
	db: Database,
	{ user, device }: Actor,
	sessionId: string,
	participantId?: string
): Promise<ClassReview | { ok: false; status: 403 | 404; code: NoteCode }> {
	const access = await classAccess(db, user, sessionId);
	if (!access.ok) return access;
	await ensureDrafts(db, user.clinicId, sessionId, { userId: user.id, device });
	return db.transaction(async (tx) => {
		const rows = await tx
			.select({
				participantId: classNotes.participantId,
				state: classNotes.state,
				cosignedAt: classNotes.cosignedAt,
				firstName: participants.firstName,
				lastName: participants.lastName
			})
			.from(classNotes)
			.innerJoin(participants, eq(participants.id, classNotes.participantId))
			.where(and(eq(classNotes.sessionId, sessionId), eq(classNotes.clinicId, user.clinicId)))
			.orderBy(asc(participants.lastName), asc(participants.firstName));
		const notes = rows.map((row) => ({
			participantId: row.participantId,
			fullName: `${row.firstName} ${row.lastName}`,
			state: row.state,
			cosigned: row.cosignedAt !== null
		}));
		const [clinic] = await tx
			.select({ requireCosign: clinics.requireCosign })
			.from(clinics)
			.where(eq(clinics.id, user.clinicId));
		const shown =
			notes.find((n) => n.participantId === participantId) ??
			notes.find((n) => n.state === 'open') ??
			notes[0];
		const current = shown ? await fullNote(tx, user.clinicId, sessionId, shown) : null;
		if (current) {
			await auditNote(tx, { user, device }, 'viewed', {
				participantId: current.participantId,
				sessionId: sessionId,
				noteId: current.id
			});
		}
		return {
			heading: access.heading,
			notes,
			current,
			rights: access.rights,
			requireCosign: clinic?.requireCosign ?? false
		};
	});
}

async function fullNote(
	db: Database,
	clinicId: string,
	sessionId: string,
	summary: NoteSummary
): Promise<ReviewNote | null> {
	const [note] = await db
		.select()
		.from(classNotes)
		.where(
			and(
				eq(classNotes.sessionId, sessionId),
				eq(classNotes.participantId, summary.participantId),
				eq(classNotes.clinicId, clinicId)
			)
		);
	if (!note) return null;
	const addenda = await db
		.select()
		.from(classNoteAddenda)
		.where(eq(classNoteAddenda.noteId, note.id))
		.orderBy(asc(classNoteAddenda.at));
	const read = readDraft(note.draft, note.draftVersion);
	return {
		id: note.id,
		participantId: note.participantId,
		fullName: summary.fullName,
		state: note.state,
		draft: read.ok ? read.draft : null,
		response: note.response,
		cues: note.cues,
		goals: note.goals,
		plan: note.plan,
		signerName: note.signerName,
		signerCredentials: note.signerCredentials,
		signedAt: note.signedAt,
		cosignerName: note.cosignerName,
		cosignerCredentials: note.cosignerCredentials,
		cosignedAt: note.cosignedAt,
		signedBy: note.signedBy,
		addenda: addenda.map(({ text, authorName, authorCredentials, at }) => ({
			text,
			authorName,
			authorCredentials,
			at
		}))
	};
}

async function credentialsOf(db: Database, user: StaffUser) {
	const [row] = await db
		.select({ name: users.name, credentials: users.credentials })
		.from(users)
		.where(and(eq(users.id, user.id), eq(users.clinicId, user.clinicId)));
	return row ?? { name: user.name, credentials: '' };
}

/** The note of this participant in this class, if this user may touch it at all. */
async function noteFor(db: Database, user: StaffUser, sessionId: string, participantId: string) {
	const access = await classAccess(db, user, sessionId);
	if (!access.ok) return access;
	const [note] = await db
		.select()
		.from(classNotes)
		.where(
			and(
				eq(classNotes.sessionId, sessionId),
				eq(classNotes.participantId, participantId),
				eq(classNotes.clinicId, user.clinicId)
			)
		);
	if (!note) {
		return { ok: false as const, status: 404 as const, code: 'records.not-found' as const };
	}
	return { ok: true as const, note, rights: access.rights };
}

/** The lead's own words. Refused once the note is signed (then only an addendum changes it). */
export async function saveNoteText(
	db: Database,
	{ user, device }: Actor,
	sessionId: string,
	input: NoteText
): Promise<NoteResult> {
	const found = await noteFor(db, user, sessionId, input.participantId);
	if (!found.ok) return found;
	if (!found.rights.write) return fail(403, 'records.forbidden');
	if (found.note.state !== 'open') return fail(409, 'records.note-signed');
	return db.transaction(async (tx) => {
		const changed = await tx
			.update(classNotes)
			.set({
				response: input.response,
				cues: input.cues,
				goals: input.goals,
				plan: input.plan,
				updatedAt: new Date(),
				updatedBy: user.id
			})
			// Signed meanwhile (another phone): refused, never written into a signed note.
			.where(and(eq(classNotes.id, found.note.id), eq(classNotes.state, 'open')))
			.returning({ id: classNotes.id });
		if (changed.length === 0) return fail(409, 'records.note-signed');
		await auditNote(tx, { user, device }, 'changed', {
			participantId: found.note.participantId,
			sessionId: sessionId,
			noteId: found.note.id
		});
		return { ok: true } as const;
	});
}

/**
 * Signs and locks the note with the signer's name, credentials and the time. The draft is
 * brought up to date first: what is signed is what the class recorded until now.
 */
export async function signNote(
	db: Database,
	actor: Actor,
	sessionId: string,
	input: NoteText
): Promise<NoteResult> {
	const saved = await saveNoteText(db, actor, sessionId, input);
	if (!saved.ok) return saved;
	const { user, device } = actor;
	await ensureDrafts(db, user.clinicId, sessionId, { userId: user.id, device });
	const signer = await credentialsOf(db, user);
	return db.transaction(async (tx) => {
		const [signed] = await tx
			.update(classNotes)
			.set({
				state: 'signed',
				signedBy: user.id,
				signedAt: new Date(),
				signerName: signer.name,
				signerCredentials: signer.credentials
			})
			.where(
				and(
					eq(classNotes.sessionId, sessionId),
					eq(classNotes.participantId, input.participantId),
					eq(classNotes.clinicId, user.clinicId),
					eq(classNotes.state, 'open')
				)
			)
			.returning({ id: classNotes.id });
		if (!signed) return fail(409, 'records.note-signed');
		await auditNote(tx, { user, device }, 'signed', {
			participantId: input.participantId,
			sessionId: sessionId,
			noteId: signed.id
		});
		return { ok: true } as const;
	});
}

/** A supervising therapist's co-signature, beside the signature; only on a signed note, once. */
export async function cosignNote(
	db: Database,
	{ user, device }: Actor,
	sessionId: string,
	participantId: string
): Promise<NoteResult> {
	const found = await noteFor(db, user, sessionId, participantId);
	if (!found.ok) return found;
	if (!found.rights.cosign) return fail(403, 'records.therapists-cosign');
	if (found.note.state === 'open') return fail(409, 'records.not-signed');
	if (found.note.cosignedAt) return fail(409, 'records.already-cosigned');
	if (found.note.signedBy === user.id) return fail(409, 'records.cosign-own');
	const cosigner = await credentialsOf(db, user);
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(classNotes)
			.set({
				cosignedBy: user.id,
				cosignedAt: new Date(),
				cosignerName: cosigner.name,
				cosignerCredentials: cosigner.credentials
			})
			.where(and(eq(classNotes.id, found.note.id), isNullCosign()))
			.returning({ id: classNotes.id });
		if (!row) return fail(409, 'records.already-cosigned');
		await auditNote(tx, { user, device }, 'cosigned', {
			participantId: participantId,
			sessionId: sessionId,
			noteId: row.id
		});
		return { ok: true } as const;
	});
}

/** A change after signing: kept beside the note (the note turns 'amended'), never written into it. */
export async function addAddendum(
	db: Database,
	{ user, device }: Actor,
	sessionId: string,
	input: { participantId: string; text: string }
): Promise<NoteResult> {
	const found = await noteFor(db, user, sessionId, input.participantId);
	if (!found.ok) return found;
	if (!found.rights.write) return fail(403, 'records.forbidden');
	if (found.note.state === 'open') return fail(409, 'records.not-signed');
	const author = await credentialsOf(db, user);
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(classNoteAddenda)
			.values({
				clinicId: user.clinicId,
				noteId: found.note.id,
				text: input.text,
				userId: user.id,
				authorName: author.name,
				authorCredentials: author.credentials
			})
			.returning({ id: classNoteAddenda.id });
		await tx.update(classNotes).set({ state: 'amended' }).where(eq(classNotes.id, found.note.id));
		await auditNote(
			tx,
			{ user, device },
			'amended',
			{ participantId: input.participantId, sessionId: sessionId, noteId: found.note.id },
			{ addendumId: row!.id }
		);
		return { ok: true } as const;
	});
}

const isNullCosign = () => isNull(classNotes.cosignedAt);

/** One audit line about a note, written in the transaction that makes the change. */
function auditNote(
	tx: Parameters<typeof audit>[0],
	{ user, device }: Actor,
	action: AuditAction,
	note: { participantId: string; sessionId: string; noteId: string },
	detail?: Record<string, string>
) {
	return audit(tx, {
		clinicId: user.clinicId,
		userId: user.id,
		device,
		action,
		subject: 'note',
		participantId: note.participantId,
		sessionId: note.sessionId,
		subjectId: note.noteId,
		detail
	});
}
