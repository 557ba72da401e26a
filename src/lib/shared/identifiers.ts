import { z } from 'zod';

/** A participant's identifier in another system (FHIR Patient.identifier): MRN or EHR id. */
export const IDENTIFIER_KINDS = ['mrn', 'ehr'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

export const IDENTIFIER_LIMITS = { system: 200, value: 64 } as const;

/** An absolute URI (FHIR Identifier.system): a scheme, a colon, and something after it. */
function absoluteUri(text: string): boolean {
	if (!/^[a-z][a-z0-9+.-]*:[^\s]+$/i.test(text)) return false;
	try {
		new URL(text);
		return true;
	} catch {
		return false;
	}
}

export const identifierSchema = z.object({
	kind: z.enum(IDENTIFIER_KINDS, 'records.identifiers.kind-invalid'),
	system: z
		.string()
		.trim()
		.min(1, 'records.identifiers.system-required')
		.max(IDENTIFIER_LIMITS.system, 'records.identifiers.system-too-long')
		.refine(absoluteUri, 'records.identifiers.system-not-uri'),
	value: z
		.string()
		.trim()
		.min(1, 'records.identifiers.value-required')
		.max(IDENTIFIER_LIMITS.value, 'records.identifiers.value-too-long')
		// Printable, one line: it goes into exports and other systems as it is.
		.refine(
			(text) => /^[\x21-\x7e]+( [\x21-\x7e]+)*$/.test(text),
			'records.identifiers.value-one-line'
		)
});
export type IdentifierInput = z.infer<typeof identifierSchema>;
