import { z } from 'zod';
import { addDays, zonedTimeToInstant } from '../../shared/time-zone';

/**
 * What an export asks for, read from the download link's query string. Every refusal is a code
 * (`exports.*`) the exports page words; nothing is read from the database before this passes.
 */

export const CSV_FILES = [
	'attendance',
	'tolerance',
	'adverse-events',
	'notes',
	'outcome-tests'
] as const;
export type CsvFile = (typeof CSV_FILES)[number];

/** The longest range one download may cover: a year and a little, so a calendar year fits. */
export const MAX_RANGE_DAYS = 400;

const day = z.iso.date('exports.bad-date');
const optionalId = z.preprocess(
	(value) => (value === '' || value === null ? undefined : value),
	z.uuid('exports.bad-id').optional()
);

export const rangeFields = { from: day, to: day, roomId: optionalId, seriesId: optionalId };

export function checkRange(range: { from?: string; to?: string }, context: z.RefinementCtx) {
	if (range.from === undefined || range.to === undefined) return;
	if (range.from > range.to) {
		context.addIssue({ code: 'custom', message: 'exports.range-reversed', path: ['to'] });
	} else if (daysBetween(range.from, range.to) + 1 > MAX_RANGE_DAYS) {
		context.addIssue({ code: 'custom', message: 'exports.range-too-long', path: ['to'] });
	}
}

export const csvQuerySchema = z
	.object({ file: z.enum(CSV_FILES, 'exports.bad-file'), ...rangeFields })
	.superRefine(checkRange);

/** FHIR: one class, one participant (over a range), or everything in a range. */
export const fhirQuerySchema = z
	.object({
		scope: z.enum(['session', 'participant', 'range'], 'exports.bad-scope'),
		sessionId: optionalId,
		participantId: optionalId,
		from: day.optional(),
		to: day.optional(),
		roomId: optionalId,
		seriesId: optionalId
	})
	.superRefine((query, context) => {
		if (query.scope === 'session') {
			if (!query.sessionId) {
				context.addIssue({
					code: 'custom',
					message: 'exports.choose-session',
					path: ['sessionId']
				});
			}
			return;
		}
		if (query.scope === 'participant' && !query.participantId) {
			context.addIssue({
				code: 'custom',
				message: 'exports.choose-participant',
				path: ['participantId']
			});
		}
		if (!query.from || !query.to) {
			context.addIssue({ code: 'custom', message: 'exports.bad-date', path: ['from'] });
		}
		checkRange(query, context);
	});

export type CsvQuery = z.infer<typeof csvQuerySchema>;
export type FhirQuery = z.infer<typeof fhirQuerySchema>;

export type QueryRefusal = { code: string; field?: string };

/** The query string as a plain object (first value of each name), for the schemas above. */
export function queryObject(params: URLSearchParams): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [name, value] of params) if (!(name in values)) values[name] = value;
	return values;
}

export function parseQuery<T>(
	schema: z.ZodType<T>,
	params: URLSearchParams
): { ok: true; query: T } | { ok: false; refusal: QueryRefusal } {
	const parsed = schema.safeParse(queryObject(params));
	if (parsed.success) return { ok: true, query: parsed.data };
	const issue = parsed.error.issues[0]!;
	const code = issue.message.startsWith('exports.') ? issue.message : 'exports.bad-query';
	return { ok: false, refusal: { code, field: issue.path.join('.') || undefined } };
}

export function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The instants a range of local dates covers in the clinic's zone: [start, end). */
export function rangeInstants(from: string, to: string, timeZone: string) {
	return {
		start: zonedTimeToInstant(from, '00:00', timeZone),
		end: zonedTimeToInstant(addDays(to, 1), '00:00', timeZone)
	};
}
