import { and, asc, eq } from 'drizzle-orm';
import { problemsOf, problem, type Problems } from '../../i18n/problem';
import { identifierSchema } from '../../shared/identifiers';
import type { StaffUser } from '../auth/session';
import type { Database } from '../db/client';
import { participantIdentifiers } from '../db/schema';
import { audit } from './audit';

/**
 * A participant's identifiers in other systems (MRN, EHR id), for FHIR Patient.identifier.
 * Unique per clinic, system and value. Every add and remove is audited without the value.
 */

export type Identifier = { id: string; kind: 'mrn' | 'ehr'; system: string; value: string };

export function listIdentifiers(
	db: Database,
	clinicId: string,
	participantId: string
): Promise<Identifier[]> {
	return db
		.select({
			id: participantIdentifiers.id,
			kind: participantIdentifiers.kind,
			system: participantIdentifiers.system,
			value: participantIdentifiers.value
		})
		.from(participantIdentifiers)
		.where(
			and(
				eq(participantIdentifiers.clinicId, clinicId),
				eq(participantIdentifiers.participantId, participantId)
			)
		)
		.orderBy(asc(participantIdentifiers.createdAt));
}

/**
 * Adds one, or says what is wrong beside each field; an identifier the clinic already has (for
 * anyone) changes nothing. The caller has checked the participant is the user's clinic's.
 */
export async function addIdentifier(
	db: Database,
	user: StaffUser,
	device: string,
	participantId: string,
	input: unknown
): Promise<{ ok: true; id: string } | { ok: false; problems: Problems }> {
	const parsed = identifierSchema.safeParse(input);
	if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error) };
	const { kind, system, value } = parsed.data;
	return db.transaction(async (tx) => {
		const [added] = await tx
			.insert(participantIdentifiers)
			.values({ clinicId: user.clinicId, participantId, kind, system, value })
			.onConflictDoNothing()
			.returning({ id: participantIdentifiers.id });
		if (!added) {
			return { ok: false as const, problems: { value: problem('records.identifiers.taken') } };
		}
		await audit(tx, {
			clinicId: user.clinicId,
			userId: user.id,
			device,
			action: 'changed',
			subject: 'participant',
			participantId,
			subjectId: added.id,
			detail: { change: 'identifier-added', kind, system }
		});
		return { ok: true as const, id: added.id };
	});
}

/** Removes one of this participant's identifiers; false when there is no such one (any more). */
export async function removeIdentifier(
	db: Database,
	user: StaffUser,
	device: string,
	participantId: string,
	identifierId: string
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const [removed] = await tx
			.delete(participantIdentifiers)
			.where(
				and(
					eq(participantIdentifiers.id, identifierId),
					eq(participantIdentifiers.clinicId, user.clinicId),
					eq(participantIdentifiers.participantId, participantId)
				)
			)
			.returning({ kind: participantIdentifiers.kind, system: participantIdentifiers.system });
		if (!removed) return false;
		await audit(tx, {
			clinicId: user.clinicId,
			userId: user.id,
			device,
			action: 'changed',
			subject: 'participant',
			participantId,
			subjectId: identifierId,
			detail: { change: 'identifier-removed', kind: removed.kind, system: removed.system }
		});
		return true;
	});
}
