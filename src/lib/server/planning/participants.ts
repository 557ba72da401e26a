import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import { displayNameOf } from '../../shared/domain';
import type { ParticipantForm } from '../../shared/participant-form';
import type { Locale } from '../../i18n/locales';
import type { Database } from '../db/client';
import { clinics, participants } from '../db/schema';
import { inClinic } from './clinic-scope';
import { participantCard } from './selections';

/**
 * Participants for coordinators. Every field here is PHI: callers log ids only, never a name,
 * a search term or a form.
 */

export type ParticipantSummary = Awaited<ReturnType<typeof findParticipants>>[number];

/** Active (or archived) participants whose name contains every word of `query`. */
export async function findParticipants(
	db: Database,
	clinicId: string,
	query = '',
	{ archived = false, limit = 500 } = {}
) {
	const rows = await db
		.select({
			id: participants.id,
			...participantCard,
			dateOfBirth: participants.dateOfBirth
		})
		.from(participants)
		.where(
			and(
				eq(participants.clinicId, clinicId),
				archived ? isNotNull(participants.archivedAt) : isNull(participants.archivedAt)
			)
		)
		.orderBy(asc(participants.lastName), asc(participants.firstName));
	const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
	// A clinic has hundreds of participants, not millions: matching in memory keeps it simple,
	// and accents or a display name match as the coordinator typed them.
	return rows
		.filter((p) => {
			const name = `${p.firstName} ${p.lastName} ${p.displayName}`.toLowerCase();
			return words.every((word) => name.includes(word));
		})
		.slice(0, limit);
}

export async function getParticipant(db: Database, clinicId: string, id: string) {
	const [row] = await db
		.select()
		.from(participants)
		.where(inClinic(participants, clinicId, id));
	return row ?? null;
}

function columns(form: ParticipantForm) {
	return {
		firstName: form.firstName,
		lastName: form.lastName,
		displayName: form.displayName || displayNameOf(form.firstName, form.lastName),
		dateOfBirth: form.dateOfBirth,
		precautions: form.precautions,
		assistiveDevice: form.assistiveDevice,
		sex: form.sex,
		aquaticScreening: {
			screenedOn: form.screenedOn || null,
			exclusions: form.exclusions,
			precautions: form.aquaticPrecautions
		},
		goals: form.goals,
		emergencyContact: form.emergencyContact,
		preferredLanguage: form.preferredLanguage || null
	};
}

/** The clinic's language: what a participant without a preferred one gets on paper. */
export async function clinicLanguageOf(db: Database, clinicId: string): Promise<Locale> {
	const [row] = await db
		.select({ language: clinics.language })
		.from(clinics)
		.where(eq(clinics.id, clinicId));
	return row?.language ?? 'en';
}

export async function createParticipant(db: Database, clinicId: string, form: ParticipantForm) {
	const [row] = await db
		.insert(participants)
		.values({ clinicId, ...columns(form) })
		.returning({ id: participants.id });
	return row!.id;
}

/** False when no such participant in this clinic. */
export async function updateParticipant(
	db: Database,
	clinicId: string,
	id: string,
	form: ParticipantForm
): Promise<boolean> {
	const rows = await db
		.update(participants)
		.set(columns(form))
		.where(inClinic(participants, clinicId, id))
		.returning({ id: participants.id });
	return rows.length > 0;
}

/**
 * Archiving hides a participant from lists and searches; their history (entries, places) stays
 * for the record. Existing places are left to the coordinator to cancel.
 */
export async function setArchived(
	db: Database,
	clinicId: string,
	id: string,
	archived: boolean
): Promise<boolean> {
	const rows = await db
		.update(participants)
		.set({ archivedAt: archived ? new Date() : null })
		.where(inClinic(participants, clinicId, id))
		.returning({ id: participants.id });
	return rows.length > 0;
}
