import type {
	Appointment,
	BundleEntry,
	DocumentReference,
	Encounter,
	Group,
	Procedure
} from 'fhir/r4';
import type { Attendance } from '../../shared/entries';
import {
	ACT_CODE,
	PROGRESS_NOTE_CODE,
	SNOMED,
	appointmentStatus,
	attended,
	encounterStatus,
	procedureCode
} from './fhir-codes';
import { entryOf, loinc, nameUuid, patientOf, period, ref, type FhirContext } from './fhir-base';
import { entryResources } from './fhir-observations';
import { outcomeObservation } from './fhir-outcomes';
import { noteText } from './note-text';
import { outcomeFacts } from './outcome-facts';
import type { BlockRow, ClasslessTests, SessionPage, SessionRow } from './read-types';

export { nameUuid, type FhirContext } from './fhir-base';

/**
 * One page of classes as FHIR R4 resources. A year holds ~500k Procedures (one per exercise
 * block per attending participant per class): building, then stringifying, an object each was
 * most of the export's time and garbage. So the JSON form writes them from a template made once
 * per class and block, only the ids and references spliced in; the object form (`procedureOf`)
 * stays for the tests, which check the two are the same resource and validate the objects.
 */

type Piece = BundleEntry | string;

/** A class's blocks as Procedure JSON, in the parts that do not depend on the participant. */
type ProcedureTemplate = { block: BlockRow; hex: string; code: string }[];

function procedureTemplate(blocks: BlockRow[]): ProcedureTemplate {
	return blocks.map((block) => ({
		block,
		hex: block.position.toString(16).padStart(4, '0'),
		code: JSON.stringify(procedureCoding(block))
	}));
}

const procedureCoding = (block: BlockRow): Procedure['code'] => ({
	coding: [{ system: SNOMED, ...procedureCode(block.category) }],
	text: block.exerciseName
});

export function procedureOf(
	id: string,
	block: BlockRow,
	participantId: string,
	encounterId: string,
	when: { start: string; end: string }
): Procedure {
	return {
		resourceType: 'Procedure',
		id,
		status: 'completed',
		code: procedureCoding(block),
		subject: ref(participantId),
		encounter: ref(encounterId),
		performedPeriod: when
	};
}

/** The same entries as `procedureOf` gives, as comma-separated bundle-entry JSON. */
function proceduresJson(
	template: ProcedureTemplate,
	idBase: string,
	participantId: string,
	encounterId: string,
	whenJson: string
): string {
	const tail = `,"subject":{"reference":"urn:uuid:${participantId}"},"encounter":{"reference":"urn:uuid:${encounterId}"},"performedPeriod":${whenJson}}}`;
	const out: string[] = [];
	for (const { hex, code } of template) {
		const id = idBase + hex;
		out.push(
			`{"fullUrl":"urn:uuid:${id}","resource":{"resourceType":"Procedure","id":"${id}","status":"completed","code":${code}${tail}`
		);
	}
	return out.join(',');
}

/** Every resource of one page of classes, in bundle-entry form. */
export function* fhirEntries(page: SessionPage, ctx: FhirContext): Generator<BundleEntry> {
	for (const piece of walk(page, ctx, false)) yield piece as BundleEntry;
}

/**
 * Every resource of one page of classes as bundle-entry JSON, in pieces of one or more entries
 * (comma-separated within a piece), the Procedures from their template.
 */
export function* fhirJson(page: SessionPage, ctx: FhirContext): Generator<string> {
	for (const piece of walk(page, ctx, true)) {
		yield typeof piece === 'string' ? piece : JSON.stringify(piece);
	}
}

function* walk(page: SessionPage, ctx: FhirContext, json: boolean): Generator<Piece> {
	const templates = new Map<string, ProcedureTemplate>();
	for (const session of page.sessions) {
		const entries = page.entries.get(session.id) ?? [];
		const places = new Map(page.places.get(session.id)?.map((p) => [p.participantId, p.status]));
		const marks = new Map<string, Attendance>();
		for (const entry of entries) {
			if (entry.payload.kind === 'attendance' && entry.participantId) {
				marks.set(entry.participantId, entry.payload.status);
			}
		}
		const who = new Set([
			...places.keys(),
			...entries.flatMap((e) => (e.participantId ? [e.participantId] : [])),
			...(page.notes.get(session.id) ?? []).map((n) => n.participantId)
		]);
		for (const id of who) {
			const person = page.people.get(id);
			if (person && !ctx.patients.has(id)) {
				ctx.patients.add(id);
				yield entryOf(patientOf(person), ctx);
			}
		}
		const members = [...places].filter(([, place]) => place !== 'cancelled');
		const group: Group = {
			resourceType: 'Group',
			id: session.id,
			type: 'person',
			actual: true,
			name: session.name,
			quantity: members.length,
			member: members.map(([id, place]) => ({
				entity: ref(id),
				...(place === 'waitlisted' ? { inactive: true } : {})
			}))
		};
		yield entryOf(group, ctx);

		const when = period(session);
		const whenJson = JSON.stringify(when);
		const blocks = page.blocks.get(session.routineVersionId) ?? [];
		let template = templates.get(session.routineVersionId);
		if (json && !template) {
			template = procedureTemplate(blocks);
			templates.set(session.routineVersionId, template);
		}
		const encounters = new Map<string, string>();
		for (const id of who) {
			const place = places.get(id) ?? '';
			const mark = marks.get(id);
			const appointmentId = nameUuid('appointment', session.id, id);
			const encounterId = nameUuid('encounter', session.id, id);
			encounters.set(id, encounterId);
			const appointment: Appointment = {
				resourceType: 'Appointment',
				id: appointmentId,
				status: appointmentStatus(session.status, place, mark),
				description: session.name,
				start: session.startsAt.toISOString(),
				end: new Date(session.startsAt.getTime() + session.durationMinutes * 60_000).toISOString(),
				participant: [{ actor: ref(id), status: 'accepted' }]
			};
			yield entryOf(appointment, ctx);
			const encounter: Encounter = {
				resourceType: 'Encounter',
				id: encounterId,
				status: encounterStatus(session.status, place, mark),
				class: { system: ACT_CODE, code: 'AMB', display: 'ambulatory' },
				subject: ref(id),
				appointment: [ref(appointmentId)],
				period: when,
				location: [{ location: { display: session.roomName } }]
			};
			yield entryOf(encounter, ctx);
			if (session.startedAt && attended(mark) && blocks.length) {
				// One hash per person and class, the block's position in the last digits: a SHA-1
				// per Procedure was a third of the bundle's time.
				const idBase = nameUuid('procedure', session.id, id).slice(0, 32);
				if (template) {
					ctx.counts.Procedure = (ctx.counts.Procedure ?? 0) + blocks.length;
					yield proceduresJson(template, idBase, id, encounterId, whenJson);
				} else {
					for (const block of blocks) {
						const blockId = idBase + block.position.toString(16).padStart(4, '0');
						yield entryOf(procedureOf(blockId, block, id, encounterId, when), ctx);
					}
				}
			}
		}
		for (const entry of entries) {
			if (!entry.participantId) continue;
			const encounterId = encounters.get(entry.participantId)!;
			if (entry.kind === 'outcome_test') {
				const person = page.people.get(entry.participantId);
				const facts = outcomeFacts(entry, person, page.testers, ctx.timeZone);
				if (facts) {
					const subject = { ...entry, participantId: entry.participantId };
					yield entryOf(outcomeObservation(subject, facts, encounterId, ctx.words), ctx);
				}
				continue;
			}
			for (const resource of entryResources(entry, encounterId, ctx.words)) {
				yield entryOf(resource, ctx);
			}
		}
		yield* documents(page, session, when, encounters, ctx);
	}
}

/**
 * The outcome tests recorded about no class (on the participant's page): each an Observation
 * without an encounter, its Patient written first unless a class of the bundle already did.
 */
export function* classlessEntries(found: ClasslessTests, ctx: FhirContext): Generator<BundleEntry> {
	for (const test of found.tests) {
		const participantId = test.participantId!;
		const person = found.people.get(participantId);
		if (person && !ctx.patients.has(participantId)) {
			ctx.patients.add(participantId);
			yield entryOf(patientOf(person), ctx);
		}
		const facts = outcomeFacts(test, person, found.testers, ctx.timeZone);
		if (!facts) continue;
		yield entryOf(outcomeObservation({ ...test, participantId }, facts, null, ctx.words), ctx);
	}
}

/** The signed notes of a class, each a DocumentReference with its text. */
function* documents(
	page: SessionPage,
	session: SessionRow,
	when: { start: string; end: string },
	encounters: Map<string, string>,
	ctx: FhirContext
): Generator<BundleEntry> {
	for (const note of page.notes.get(session.id) ?? []) {
		if (note.state === 'open' || !note.signedAt) continue;
		const text = noteText(note, session, ctx.words);
		const document: DocumentReference = {
			resourceType: 'DocumentReference',
			id: note.id,
			status: 'current',
			docStatus: note.state === 'amended' ? 'amended' : 'final',
			type: loinc(PROGRESS_NOTE_CODE),
			subject: ref(note.participantId),
			date: note.signedAt.toISOString(),
			author: [{ display: note.signerName ?? '' }],
			authenticator: { display: note.cosignerName ?? note.signerName ?? '' },
			description: session.name,
			content: [
				{
					attachment: {
						contentType: 'text/plain; charset=utf-8',
						language: ctx.words.locale,
						data: Buffer.from(text, 'utf8').toString('base64'),
						title: session.name,
						creation: note.signedAt.toISOString()
					}
				}
			],
			context: {
				encounter: [ref(encounters.get(note.participantId)!)],
				period: when
			}
		};
		yield entryOf(document, ctx);
	}
}
