import { createHash } from 'node:crypto';
import type { BundleEntry, CodeableConcept, FhirResource, Patient, Reference } from 'fhir/r4';
import type { Wording } from '../../shared/rules';
import { EHR_ID_TYPE, LOINC, MRN_TYPE, OBSERVATION_CATEGORY, UCUM } from './fhir-codes';
import type { Person, SessionRow } from './read-types';

/**
 * The small parts every FHIR resource of an export is made of. Ids are UUIDs: a participant's
 * and a class's own, and name-based ones (SHA-1 of the parts, as UUIDv5) for what Steady keeps
 * no row of, so the same class exported twice gives the same ids. References are `urn:uuid:`.
 */

export type FhirContext = {
	words: Wording;
	/** The clinic's zone: an outcome test is judged by the participant's age on its local day. */
	timeZone: string;
	/** Patients already written to this bundle: each appears once. */
	patients: Set<string>;
	counts: Record<string, number>;
};

export function nameUuid(...parts: string[]): string {
	const hash = createHash('sha1').update(parts.join('|')).digest('hex');
	const variant = ((parseInt(hash[16]!, 16) & 0x3) | 0x8).toString(16);
	return `${hash.slice(0, 8)}-${hash.slice(8, 12)}-5${hash.slice(13, 16)}-${variant}${hash.slice(17, 20)}-${hash.slice(20, 32)}`;
}

export const ref = (id: string, display?: string): Reference => ({
	reference: `urn:uuid:${id}`,
	...(display ? { display } : {})
});
export const loinc = (code: { code: string; display: string }, text?: string): CodeableConcept => ({
	coding: [{ system: LOINC, ...code }],
	...(text ? { text } : {})
});
export const category = (
	code: 'vital-signs' | 'survey' | 'laboratory' | 'exam'
): CodeableConcept[] => [{ coding: [{ system: OBSERVATION_CATEGORY, code }] }];
export const quantity = (value: number, unit: string, code = unit) => ({
	value,
	unit,
	system: UCUM,
	code
});

export function entryOf(resource: FhirResource, ctx: FhirContext): BundleEntry {
	ctx.counts[resource.resourceType] = (ctx.counts[resource.resourceType] ?? 0) + 1;
	return { fullUrl: `urn:uuid:${resource.id}`, resource };
}

export function patientOf(person: Person): Patient {
	return {
		resourceType: 'Patient',
		id: person.id,
		identifier: person.identifiers.map((identifier) => ({
			use: 'usual' as const,
			type: {
				coding: [identifier.kind === 'mrn' ? MRN_TYPE : EHR_ID_TYPE]
			},
			system: identifier.system,
			value: identifier.value
		})),
		name: [{ family: person.lastName, given: [person.firstName] }],
		birthDate: person.dateOfBirth
	};
}

export const period = (session: SessionRow) => ({
	start: (session.startedAt ?? session.startsAt).toISOString(),
	end: (
		session.endedAt ?? new Date(session.startsAt.getTime() + session.durationMinutes * 60_000)
	).toISOString()
});
