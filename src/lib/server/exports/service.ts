import type { Database } from '../db/client';
import { clinicOwns } from '../planning/owned';
import { audit } from '../records/audit';
import type { Wording } from '../../shared/rules';
import { classlessRows, csvRows, csvText } from './csv';
import { classlessEntries, fhirJson, nameUuid, type FhirContext } from './fhir-resources';
import type { CsvQuery, FhirQuery } from './query';
import { classlessTests, clinicTimeZone, sessionPages, type ExportScope, type Needs } from './read';
import type { CsvFile } from './query';

const CSV_NEEDS: Record<CsvFile, Needs> = {
	attendance: { places: true, entryKinds: ['attendance'], notes: false },
	tolerance: { places: false, entryKinds: ['exertion', 'pain', 'vitals'], notes: false },
	'adverse-events': { places: false, entryKinds: ['adverse_event'], notes: false },
	notes: { places: false, entryKinds: [], notes: true },
	'outcome-tests': { places: false, entryKinds: ['outcome_test'], notes: false }
};
const FHIR_NEEDS: Needs = {
	places: true,
	entryKinds: ['attendance', 'exertion', 'pain', 'vitals', 'adverse_event', 'outcome_test'],
	notes: true,
	noteTests: true
};

/**
 * The exports: a CSV file or a FHIR R4 Bundle, written page by page of classes into a stream
 * (nothing is built whole in memory), and one line in the records' audit log once the stream
 * ends, finished or not, with the kind, format, range and counts (never PHI).
 */

/** Bytes per piece of a FHIR bundle: flat memory, and few enough pieces to cost nothing. */
const PIECE = 1 << 20;

export type Exporter = {
	db: Database;
	clinicId: string;
	userId: string;
	device: string;
	words: Wording;
};

export type ExportFile = {
	filename: string;
	contentType: string;
	/** The file's text in pieces (a page of classes each); `.return()` stops it early. */
	chunks: AsyncGenerator<string | Uint8Array>;
};

export type ExportResult =
	{ ok: true; file: ExportFile } | { ok: false; code: 'exports.not-found' };

/** Another clinic's room, series, class or participant is "not found", never an empty file. */
async function ownsAll(db: Database, clinicId: string, scope: ExportScope): Promise<boolean> {
	const checks: [Parameters<typeof clinicOwns>[1], string | undefined][] = [
		['rooms', scope.roomId],
		['classSeries', scope.seriesId],
		['classSessions', scope.sessionId],
		['participants', scope.participantId]
	];
	for (const [kind, id] of checks) {
		if (id && !(await clinicOwns(db, kind, clinicId, id))) return false;
	}
	return true;
}

const rangeName = (scope: ExportScope) =>
	scope.from === scope.to ? `${scope.from}` : `${scope.from}_${scope.to}`;

export async function exportCsv(who: Exporter, query: CsvQuery): Promise<ExportResult> {
	const scope: ExportScope = { clinicId: who.clinicId, ...query };
	const timeZone = await clinicTimeZone(who.db, who.clinicId);
	if (!timeZone || !(await ownsAll(who.db, who.clinicId, scope))) {
		return { ok: false, code: 'exports.not-found' };
	}
	async function* chunks() {
		let classes = 0;
		let rows = 0;
		let complete = false;
		try {
			let first = true;
			for await (const page of sessionPages(who.db, scope, timeZone!, CSV_NEEDS[query.file])) {
				classes += page.sessions.length;
				const lines = [...csvRows(query.file, page, timeZone!, who.words)];
				rows += lines.length;
				if (lines.length > 0 || first) yield csvText(query.file, lines, first);
				first = false;
			}
			if (query.file === 'outcome-tests') {
				// Tests recorded on a participant's page belong to no class: after the classes.
				const found = await classlessTests(who.db, scope, timeZone!);
				const lines = [...classlessRows(found, timeZone!, who.words)];
				rows += lines.length;
				if (lines.length > 0 || first) yield csvText(query.file, lines, first);
				first = false;
			}
			if (first) yield csvText(query.file, [], true);
			complete = true;
		} finally {
			await audit(who.db, {
				clinicId: who.clinicId,
				userId: who.userId,
				device: who.device,
				action: 'exported',
				subject: 'export',
				detail: {
					kind: query.file,
					format: 'csv',
					from: query.from,
					to: query.to,
					roomId: query.roomId ?? null,
					seriesId: query.seriesId ?? null,
					classes,
					rows,
					complete
				}
			});
		}
	}
	return {
		ok: true,
		file: {
			filename: `steady-${query.file}-${rangeName(scope)}.csv`,
			contentType: 'text/csv; charset=utf-8',
			chunks: chunks()
		}
	};
}

export async function exportFhir(who: Exporter, query: FhirQuery): Promise<ExportResult> {
	const scope: ExportScope =
		query.scope === 'session'
			? { clinicId: who.clinicId, sessionId: query.sessionId! }
			: {
					clinicId: who.clinicId,
					from: query.from,
					to: query.to,
					roomId: query.roomId,
					seriesId: query.seriesId,
					participantId: query.scope === 'participant' ? query.participantId : undefined
				};
	const timeZone = await clinicTimeZone(who.db, who.clinicId);
	if (!timeZone || !(await ownsAll(who.db, who.clinicId, scope))) {
		return { ok: false, code: 'exports.not-found' };
	}
	const now = new Date();
	const bundleId = nameUuid('bundle', who.clinicId, who.userId, now.toISOString());
	async function* chunks() {
		const ctx: FhirContext = {
			words: who.words,
			timeZone: timeZone!,
			patients: new Set(),
			counts: {}
		};
		let classes = 0;
		let complete = false;
		try {
			yield `{"resourceType":"Bundle","id":"${bundleId}","type":"collection","timestamp":"${now.toISOString()}","entry":[`;
			let first = true;
			for await (const page of sessionPages(who.db, scope, timeZone!, FHIR_NEEDS)) {
				classes += page.sessions.length;
				// Pieces of ~1 MB: small enough to keep memory flat and the reader's pace, large
				// enough that the stream's per-piece cost (an encode, a pull) is negligible.
				// Written straight into buffers of ~1 MB: joining the pieces into one string, then
				// encoding it, flattened every piece twice and cost more than making the JSON.
				let buffer = Buffer.allocUnsafe(PIECE);
				let at = 0;
				for (const json of fhirJson(page, ctx)) {
					const most = json.length * 3 + 1; // UTF-8 takes at most 3 bytes per UTF-16 unit
					if (at + most > buffer.length) {
						if (at) yield buffer.subarray(0, at);
						buffer = Buffer.allocUnsafe(Math.max(PIECE, most));
						at = 0;
					}
					if (!first) buffer[at++] = 0x2c; // ','
					at += buffer.write(json, at, 'utf8');
					first = false;
				}
				if (at) yield buffer.subarray(0, at);
			}
			// Tests recorded on a participant's page belong to no class: after the classes.
			for (const entry of classlessEntries(await classlessTests(who.db, scope, timeZone!), ctx)) {
				yield `${first ? '' : ','}${JSON.stringify(entry)}`;
				first = false;
			}
			yield ']}\n';
			complete = true;
		} finally {
			await audit(who.db, {
				clinicId: who.clinicId,
				userId: who.userId,
				device: who.device,
				action: 'exported',
				subject: 'export',
				sessionId: scope.sessionId ?? null,
				participantId: scope.participantId ?? null,
				detail: {
					kind: `fhir-${query.scope}`,
					format: 'fhir-r4-json',
					from: scope.from ?? null,
					to: scope.to ?? null,
					roomId: scope.roomId ?? null,
					seriesId: scope.seriesId ?? null,
					classes,
					...ctx.counts,
					complete
				}
			});
		}
	}
	const name =
		query.scope === 'session'
			? `session-${scope.sessionId!.slice(0, 8)}`
			: query.scope === 'participant'
				? `participant-${scope.participantId!.slice(0, 8)}-${rangeName(scope)}`
				: rangeName(scope);
	return {
		ok: true,
		file: {
			filename: `steady-fhir-${name}.json`,
			contentType: 'application/fhir+json; charset=utf-8',
			chunks: chunks()
		}
	};
}

/** The file as a response body: pulled a piece at a time, so a slow reader slows the reading. */
export function streamOf(chunks: AsyncGenerator<string | Uint8Array>): ReadableStream<Uint8Array> {
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			const next = await chunks.next();
			if (next.done) controller.close();
			else {
				controller.enqueue(
					typeof next.value === 'string' ? Buffer.from(next.value, 'utf8') : next.value
				);
			}
		},
		async cancel() {
			await chunks.return(undefined);
		}
	});
}
