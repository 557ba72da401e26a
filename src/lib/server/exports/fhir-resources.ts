import { createHash } from 'node:crypto';
import type {
	AdverseEvent,
	Appointment,
	BundleEntry,
	CodeableConcept,
	DocumentReference,
	Encounter,
	FhirResource,
	Group,
	Observation,
	Patient,
	Procedure,
	Reference
} from 'fhir/r4';
import type { Attendance, EntryPayload } from '../../shared/entries';
import { findingText, type Finding, type Metric, type Wording } from '../../shared/rules';
import type { Vitals } from '../../shared/vitals';
import {
	ACT_CODE,
	AE_SERIOUSNESS,
	AE_SEVERITY,
	BORG_RPE_CODE,
	EXERTION_CR10_CODE,
	BORG_CR10_TEXT,
	EHR_ID_TYPE,
	MRN_TYPE,
	LOINC,
	OBSERVATION_CATEGORY,
	PAIN_CODE,
	PROGRESS_NOTE_CODE,
	SNOMED,
	STEADY_SYSTEM,
	UCUM,
	VITAL_CODES,
	adverseEventGrades,
	appointmentStatus,
	attended,
	encounterStatus,
	procedureCode
} from './fhir-codes';
import { noteText } from './note-text';
import type { EntryRow, Person, SessionPage, SessionRow } from './read';

/**
 * One page of classes as FHIR R4 resources. Ids are UUIDs: a participant's and a class's own,
 * and name-based ones (SHA-1 of the parts, as UUIDv5) for what Steady keeps no row of, so the
 * same class exported twice gives the same ids. References are `urn:uuid:` full URLs.
 */

export type FhirContext = {
	words: Wording;
	/** Patients already written to this bundle: each appears once. */
	patients: Set<string>;
	counts: Record<string, number>;
};

export function nameUuid(...parts: string[]): string {
	const hash = createHash('sha1').update(parts.join('|')).digest('hex');
	const variant = ((parseInt(hash[16]!, 16) & 0x3) | 0x8).toString(16);
	return `${hash.slice(0, 8)}-${hash.slice(8, 12)}-5${hash.slice(13, 16)}-${variant}${hash.slice(17, 20)}-${hash.slice(20, 32)}`;
}

const ref = (id: string, display?: string): Reference => ({
	reference: `urn:uuid:${id}`,
	...(display ? { display } : {})
});
const loinc = (code: { code: string; display: string }, text?: string): CodeableConcept => ({
	coding: [{ system: LOINC, ...code }],
	...(text ? { text } : {})
});
const category = (code: 'vital-signs' | 'survey' | 'laboratory'): CodeableConcept[] => [
	{ coding: [{ system: OBSERVATION_CATEGORY, code }] }
];
const quantity = (value: number, unit: string, code = unit) => ({
	value,
	unit,
	system: UCUM,
	code
});

function entryOf(resource: FhirResource, ctx: FhirContext): BundleEntry {
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

const period = (session: SessionRow) => ({
	start: (session.startedAt ?? session.startsAt).toISOString(),
	end: (
		session.endedAt ?? new Date(session.startsAt.getTime() + session.durationMinutes * 60_000)
	).toISOString()
});

/** Which vital sign a finding is about, so its flag sits on that observation. */
const METRIC_PART: Record<Metric, string> = {
	systolic: 'bp',
	diastolic: 'bp',
	heartRate: 'hr',
	spo2: 'spo2',
	glucose: 'glucose',
	temperatureC: 'temp'
};

function flags(findings: Finding[], part: string, words: Wording): CodeableConcept[] | undefined {
	const mine = findings.filter((f) => !f.rule || METRIC_PART[f.rule.metric] === part);
	if (mine.length === 0) return undefined;
	return mine.map((finding) => {
		const text = findingText(words, finding);
		return {
			coding: [
				{
					system: `${STEADY_SYSTEM}/vital-rule-flag`,
					code: `${finding.action}:${finding.ruleId}`,
					display: `${text.action}: ${text.label}`
				}
			],
			text: `${text.action}: ${text.label}`
		};
	});
}

function vitalObservations(
	entry: EntryRow,
	vitals: Vitals,
	base: Omit<Observation, 'code' | 'category' | 'id'>,
	words: Wording
): Observation[] {
	const findings = entry.findings;
	const out: Observation[] = [];
	const add = (part: string, observation: Omit<Observation, 'resourceType' | 'status' | 'id'>) =>
		out.push({
			...base,
			...observation,
			id: nameUuid('observation', entry.id, part),
			interpretation: flags(findings, part, words)
		} as Observation);
	if (vitals.systolic !== undefined && vitals.diastolic !== undefined) {
		add('bp', {
			category: category('vital-signs'),
			code: loinc(VITAL_CODES.bloodPressure),
			component: [
				{
					code: loinc(VITAL_CODES.systolic),
					valueQuantity: quantity(vitals.systolic, 'mm[Hg]')
				},
				{
					code: loinc(VITAL_CODES.diastolic),
					valueQuantity: quantity(vitals.diastolic, 'mm[Hg]')
				}
			]
		});
	}
	if (vitals.heartRate !== undefined) {
		add('hr', {
			category: category('vital-signs'),
			code: loinc(VITAL_CODES.heartRate),
			valueQuantity: quantity(vitals.heartRate, '/min')
		});
	}
	if (vitals.spo2 !== undefined) {
		add('spo2', {
			category: category('vital-signs'),
			code: {
				coding: [
					{ system: LOINC, ...VITAL_CODES.spo2 },
					{ system: LOINC, ...VITAL_CODES.pulseOximetry }
				]
			},
			valueQuantity: quantity(vitals.spo2, '%')
		});
	}
	if (vitals.temperatureC !== undefined) {
		add('temp', {
			category: category('vital-signs'),
			code: loinc(VITAL_CODES.temperature),
			valueQuantity: quantity(vitals.temperatureC, 'Cel')
		});
	}
	if (vitals.glucose !== undefined) {
		add('glucose', {
			category: category('laboratory'),
			code: loinc(VITAL_CODES.glucose),
			valueQuantity: quantity(vitals.glucose, 'mg/dL')
		});
	}
	return out;
}

function entryResources(entry: EntryRow, encounterId: string, words: Wording): FhirResource[] {
	const payload = entry.payload as EntryPayload;
	const subject = ref(entry.participantId!);
	const base = {
		resourceType: 'Observation' as const,
		status: 'final' as const,
		subject,
		encounter: ref(encounterId),
		effectiveDateTime: entry.recordedAt.toISOString()
	};
	if (payload.kind === 'vitals') return vitalObservations(entry, payload.vitals, base, words);
	if (payload.kind === 'pain') {
		return [
			{
				...base,
				id: nameUuid('observation', entry.id),
				category: category('survey'),
				code: loinc(PAIN_CODE),
				valueInteger: payload.value
			}
		];
	}
	if (payload.kind === 'exertion') {
		const observation: Observation =
			payload.scale === 'borg_cr10'
				? {
						...base,
						id: nameUuid('observation', entry.id),
						category: category('survey'),
						code: loinc(EXERTION_CR10_CODE, BORG_CR10_TEXT),
						valueQuantity: quantity(payload.value, '{score}')
					}
				: {
						...base,
						id: nameUuid('observation', entry.id),
						category: category('survey'),
						code: { coding: [BORG_RPE_CODE], text: BORG_RPE_CODE.display },
						valueInteger: payload.value
					};
		return [observation];
	}
	if (payload.kind === 'adverse_event') {
		const grades = adverseEventGrades(payload.severity);
		const event: AdverseEvent = {
			resourceType: 'AdverseEvent',
			id: nameUuid('adverse-event', entry.id),
			actuality: 'actual',
			event: {
				coding: [{ system: `${STEADY_SYSTEM}/adverse-event-type`, code: payload.type }],
				text: words.t(`adverse-event.${payload.type}`)
			},
			subject,
			encounter: ref(encounterId),
			date: entry.recordedAt.toISOString(),
			seriousness: { coding: [{ system: AE_SERIOUSNESS, code: grades.seriousness }] },
			severity: { coding: [{ system: AE_SEVERITY, code: grades.severity }] }
		};
		return [event];
	}
	return [];
}

/** Every resource of one page of classes, in bundle-entry form. */
export function* fhirEntries(page: SessionPage, ctx: FhirContext): Generator<BundleEntry> {
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
			if (session.startedAt && attended(mark)) {
				// One hash per person and class, the block's position in the last digits: a year
				// has ~500k of these, and a SHA-1 each was a third of the bundle's time.
				const procedureBase = nameUuid('procedure', session.id, id).slice(0, 32);
				for (const block of page.blocks.get(session.routineVersionId) ?? []) {
					const procedure: Procedure = {
						resourceType: 'Procedure',
						id: procedureBase + block.position.toString(16).padStart(4, '0'),
						status: 'completed',
						code: {
							coding: [{ system: SNOMED, ...procedureCode(block.category) }],
							text: block.exerciseName
						},
						subject: ref(id),
						encounter: ref(encounterId),
						performedPeriod: when
					};
					yield entryOf(procedure, ctx);
				}
			}
		}
		for (const entry of entries) {
			if (!entry.participantId) continue;
			for (const resource of entryResources(
				entry,
				encounters.get(entry.participantId)!,
				ctx.words
			)) {
				yield entryOf(resource, ctx);
			}
		}
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
}
