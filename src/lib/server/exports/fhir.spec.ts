import JSONSchemaValidator from '@asymmetrik/fhir-json-schema-validator';
import type { Bundle, BundleEntry, FhirResource, Observation } from 'fhir/r4';
import { beforeAll, describe, expect, it } from 'vitest';
import { wording } from '../../shared/rules';
import { appointmentStatus, encounterStatus, procedureCode } from './fhir-codes';
import { classlessEntries, fhirEntries, fhirJson, type FhirContext } from './fhir-resources';
import { PAGE_IDS, classPage, classlessPage } from './testing';

// The official FHIR R4 JSON schema (fhir.schema.json, shipped by the validator package) with ajv:
// every resource type Steady emits is checked against it, not by hand-written checks alone.
let validator: JSONSchemaValidator;
beforeAll(() => {
	validator = new JSONSchemaValidator();
}, 60_000);

const problems = (resource: object) =>
	validator.validate(resource, true).map((e) => `${e.dataPath ?? ''} ${e.message ?? ''}`);

function bundleOf(status: 'completed' | 'cancelled' | 'live' | 'scheduled' = 'completed') {
	const ctx: FhirContext = {
		words: wording('en'),
		timeZone: 'UTC',
		patients: new Set(),
		counts: {}
	};
	const entry: BundleEntry[] = [...fhirEntries(classPage({ status }), ctx)];
	const bundle: Bundle = {
		resourceType: 'Bundle',
		type: 'collection',
		timestamp: '2026-03-03T16:00:00.000Z',
		entry
	};
	return { bundle, counts: ctx.counts, resources: entry.map((e) => e.resource!) };
}

const ofType = <T extends FhirResource['resourceType']>(resources: FhirResource[], type: T) =>
	resources.filter((r) => r.resourceType === type) as Extract<FhirResource, { resourceType: T }>[];

describe('FHIR R4 bundle', () => {
	it('is valid against the R4 JSON schema, as a bundle and resource by resource', () => {
		const { bundle, resources, counts } = bundleOf();
		expect(problems(bundle)).toEqual([]);
		for (const resource of resources) expect(problems(resource), resource.resourceType).toEqual([]);
		// Every type Steady emits is in the checked bundle.
		expect(Object.keys(counts).sort()).toEqual([
			'AdverseEvent',
			'Appointment',
			'DocumentReference',
			'Encounter',
			'Group',
			'Observation',
			'Patient',
			'Procedure'
		]);
	});

	it('writes the same resources as JSON (the Procedures from their template) as objects', () => {
		const page = classPage({ status: 'completed' });
		const objects: FhirContext = {
			words: wording('en'),
			timeZone: 'UTC',
			patients: new Set(),
			counts: {}
		};
		const resources = [...fhirEntries(page, objects)].map((e) => e.resource);
		const ctx: FhirContext = {
			words: wording('en'),
			timeZone: 'UTC',
			patients: new Set(),
			counts: {}
		};
		const parsed = JSON.parse(`[${[...fhirJson(page, ctx)].join(',')}]`) as BundleEntry[];
		// JSON has no `undefined`: compare with the objects as JSON would carry them.
		expect(parsed.map((e) => e.resource)).toEqual(JSON.parse(JSON.stringify(resources)));
		expect(parsed.every((e) => e.fullUrl === `urn:uuid:${e.resource!.id}`)).toBe(true);
		expect(ctx.counts).toEqual(objects.counts);
		expect(ctx.counts.Procedure).toBe(5);
		// And the JSON form is itself valid against the schema, as a bundle.
		const bundle = { resourceType: 'Bundle', type: 'collection', entry: parsed };
		expect(problems(bundle)).toEqual([]);
	});

	it('fails an invalid resource (the check is real)', () => {
		const { resources } = bundleOf();
		const appointment = ofType(resources, 'Appointment')[0]!;
		expect(problems({ ...appointment, status: 'attended' }).length).toBeGreaterThan(0);
		const observation = ofType(resources, 'Observation')[0]!;
		expect(problems({ ...observation, valueScore: 3 }).length).toBeGreaterThan(0);
		const { bundle } = bundleOf();
		const broken = structuredClone(bundle);
		delete (broken.entry![0]!.resource as { resourceType?: string }).resourceType;
		expect(problems(broken).length).toBeGreaterThan(0);
	});

	it('gives each patient once, with the MRN typed MR in its system', () => {
		const { resources } = bundleOf();
		const patients = ofType(resources, 'Patient');
		expect(patients.map((p) => p.id).sort()).toEqual(
			[PAGE_IDS.ana, PAGE_IDS.ben, PAGE_IDS.cid].sort()
		);
		const ana = patients.find((p) => p.id === PAGE_IDS.ana)!;
		expect(ana.identifier).toEqual([
			expect.objectContaining({
				type: { coding: [expect.objectContaining({ code: 'MR' })] },
				system: 'urn:oid:1.2.36.146.595.217.0.1',
				value: 'MRN-0042'
			})
		]);
	});

	it('makes the class a Group of its roster, the waitlisted inactive', () => {
		const [group] = ofType(bundleOf().resources, 'Group');
		expect(group).toMatchObject({ type: 'person', actual: true, quantity: 3 });
		expect(group!.member!.find((m) => m.inactive)!.entity.reference).toBe(
			`urn:uuid:${PAGE_IDS.cid}`
		);
	});

	it('maps attendance to Appointment and Encounter status', () => {
		const statuses = (status: 'completed' | 'cancelled' | 'live' | 'scheduled') => {
			const { resources } = bundleOf(status);
			const of = (type: 'Appointment' | 'Encounter') =>
				Object.fromEntries(
					ofType(resources, type).map((r) => [
						(r.resourceType === 'Appointment' ? r.participant[0]!.actor! : r.subject!).reference,
						r.status
					])
				);
			return { appointment: of('Appointment'), encounter: of('Encounter') };
		};
		const [ana, ben, cid] = [PAGE_IDS.ana, PAGE_IDS.ben, PAGE_IDS.cid].map(
			(id) => `urn:uuid:${id}`
		);
		expect(statuses('completed')).toEqual({
			appointment: { [ana!]: 'fulfilled', [ben!]: 'noshow', [cid!]: 'waitlist' },
			encounter: { [ana!]: 'finished', [ben!]: 'cancelled', [cid!]: 'unknown' }
		});
		expect(statuses('live').appointment[ana!]).toBe('arrived');
		expect(statuses('live').encounter[ana!]).toBe('in-progress');
		expect(Object.values(statuses('cancelled').appointment)).toEqual([
			'cancelled',
			'cancelled',
			'cancelled'
		]);
		expect(appointmentStatus('scheduled', 'enrolled', undefined)).toBe('booked');
		expect(appointmentStatus('completed', 'enrolled', 'excused')).toBe('cancelled');
		expect(appointmentStatus('completed', 'cancelled', undefined)).toBe('cancelled');
		expect(encounterStatus('scheduled', 'enrolled', undefined)).toBe('planned');
	});

	it('codes vital signs, pain and exertion with LOINC, Borg 6-20 with its own code', () => {
		const observations = ofType(bundleOf().resources, 'Observation');
		const codes = observations.map((o) => o.code.coding!.map((c) => c.code).join('+'));
		expect(codes).toEqual([
			'85354-9',
			'8867-4',
			'2708-6+59408-5',
			'8310-5',
			'2339-0',
			'72514-3',
			'borg-rpe-6-20',
			'82289-0',
			// The outcome tests: LOINC where it has a code, Steady's own for the 4-stage test.
			'66247-8',
			'89423-8',
			'four-stage-balance'
		]);
		const bp = observations[0]!;
		expect(bp.component!.map((c) => [c.code.coding![0]!.code, c.valueQuantity!.value])).toEqual([
			['8480-6', 182],
			['8462-4', 90]
		]);
		// The HOLD flag sits on the blood pressure, not on the heart rate.
		expect(bp.interpretation![0]!.coding![0]!.code).toBe('HOLD:resting-sbp-180');
		expect(observations[1]!.interpretation).toBeUndefined();
		expect(observations[5]!.valueInteger).toBe(3);
		const borg = observations[6]!;
		expect(borg.code.coding![0]!.system).toMatch(/^https:\/\/steady/);
		expect(borg.code.text).toBe('Borg rating of perceived exertion (6-20)');
		expect(borg.valueInteger).toBe(13);
		expect(observations[7]!.valueQuantity!.value).toBe(4.5);
	});

	it('gives a Procedure per exercise block to those who attended, coded by category', () => {
		const procedures = ofType(bundleOf().resources, 'Procedure');
		expect(procedures.every((p) => p.subject.reference === `urn:uuid:${PAGE_IDS.ana}`)).toBe(true);
		expect(procedures.map((p) => p.code!.coding![0]!.code)).toEqual([
			'386293009',
			'266741004',
			'229072005',
			'229070002',
			'91251008'
		]);
		expect(procedureCode('balance_dynamic').code).toBe('386293009');
	});

	it('grades an adverse event and files the signed note as a DocumentReference', () => {
		const { resources } = bundleOf();
		const [event] = ofType(resources, 'AdverseEvent');
		expect(event!.seriousness!.coding![0]!.code).toBe('non-serious');
		expect(event!.severity!.coding![0]!.code).toBe('moderate');
		const [document] = ofType(resources, 'DocumentReference');
		expect(document).toMatchObject({ status: 'current', docStatus: 'amended' });
		const text = Buffer.from(document!.content[0]!.attachment.data!, 'base64').toString('utf8');
		expect(text).toContain('Progress to tandem stance');
		expect(text).toContain('Signed: Lee Park, PTA');
		expect(text).toContain('Co-signed: Rosa Díaz, PT, DPT');
		expect(text).toContain('Addendum');
		expect(text).toContain('Called family.');
		// The outcome tests the signed note froze, worded like the review page.
		expect(text).toContain('Outcome tests:');
		expect(text).toContain(
			'- 2026-03-03T15:40:00.000Z Timed Up and Go: 13.5 s with Walker · Fall risk (12 s or more) · Tested by Lee Park, PTA · Note: Turned slowly'
		);
	});

	it('references only resources in the bundle', () => {
		const { bundle } = bundleOf();
		const urls = new Set(bundle.entry!.map((e) => e.fullUrl));
		const references = JSON.stringify(bundle).match(/"reference":"[^"]+"/g) ?? [];
		for (const reference of references) {
			expect(urls.has(reference.slice('"reference":"'.length, -1))).toBe(true);
		}
	});

	it('makes each outcome test an exam Observation: LOINC and UCUM, components, the verdict', () => {
		const { resources } = bundleOf();
		const tests = ofType(resources, 'Observation').filter(
			(o) => o.category![0]!.coding![0]!.code === 'exam'
		);
		expect(tests).toHaveLength(3);
		for (const test of tests) expect(problems(test), test.code.text).toEqual([]);
		const [chair, tug, balance] = tests;
		expect(chair).toMatchObject({
			code: {
				coding: [{ system: 'http://loinc.org', code: '66247-8' }],
				text: '30-second chair stand'
			},
			valueQuantity: { value: 9, system: 'http://unitsofmeasure.org', code: '{#}/(30.s)' },
			component: [{ valueBoolean: false }],
			performer: [{ display: 'Lee Park, PTA' }],
			subject: { reference: `urn:uuid:${PAGE_IDS.ana}` }
		});
		// 9 stands at 77, female: under the STEADI cut-off of 10, so abnormal, with the words.
		expect(chair!.interpretation).toEqual([
			{
				coding: [
					{
						system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
						code: 'A',
						display: 'Abnormal'
					}
				],
				text: 'Below average (under 10 for age and sex)'
			}
		]);
		expect(chair!.encounter!.reference).toMatch(/^urn:uuid:/);
		expect(tug).toMatchObject({
			code: { coding: [{ code: '89423-8' }], text: 'Timed Up and Go' },
			valueQuantity: { value: 13.5, code: 's' },
			component: [{ valueCodeableConcept: { coding: [{ code: 'walker' }], text: 'Walker' } }],
			interpretation: [{ coding: [{ code: 'A' }], text: 'Fall risk (12 s or more)' }],
			note: [{ text: '=turned slowly' }]
		});
		// Arms used: the value is the STEADI score 0, the stands made beside it; still valid.
		const page = classPage();
		const entries = page.entries.get(PAGE_IDS.session)!;
		const chairEntry = entries.find(
			(e) => e.payload.kind === 'outcome_test' && e.payload.result.test === 'chair_stand_30s'
		)!;
		chairEntry.payload = {
			kind: 'outcome_test',
			result: { test: 'chair_stand_30s', count: 11, armsUsed: true }
		};
		const ctx: FhirContext = {
			words: wording('en'),
			timeZone: 'UTC',
			patients: new Set(),
			counts: {}
		};
		const armsUsed = [...fhirEntries(page, ctx)]
			.map((e) => e.resource!)
			.find(
				(r) => r.resourceType === 'Observation' && r.code.coding![0]!.code === '66247-8'
			) as Observation;
		expect(problems(armsUsed)).toEqual([]);
		expect(armsUsed.valueQuantity!.value).toBe(0);
		expect(armsUsed.component!.map((c) => c.valueBoolean ?? c.valueQuantity!.value)).toEqual([
			true,
			11
		]);
		expect(armsUsed.interpretation![0]!.coding![0]!.code).toBe('A');
		expect(balance!.code.coding![0]!.system).toBe(
			'https://steady.example.org/fhir/CodeSystem/outcome-test'
		);
		expect(balance!.code.text).toBe('4-stage balance');
		expect(balance!.valueQuantity).toBeUndefined();
		expect(
			balance!.component!.map((c) => [c.code.coding![0]!.code, c.valueInteger ?? c.valueQuantity])
		).toEqual([
			['stage-reached', 3],
			['seconds-held', { value: 4, unit: 's', system: 'http://unitsofmeasure.org', code: 's' }]
		]);
		expect(balance!.interpretation![0]!.coding![0]!.code).toBe('A');
	});

	it('adds a test recorded on the participant page: no encounter, its patient once, valid', () => {
		const ctx: FhirContext = {
			words: wording('en'),
			timeZone: 'UTC',
			patients: new Set(),
			counts: {}
		};
		const entry = [...fhirEntries(classPage(), ctx), ...classlessEntries(classlessPage(), ctx)];
		const bundle: Bundle = { resourceType: 'Bundle', type: 'collection', entry };
		expect(problems(bundle)).toEqual([]);
		const last = entry.at(-1)!.resource as Observation;
		expect(last).toMatchObject({
			resourceType: 'Observation',
			subject: { reference: `urn:uuid:${PAGE_IDS.ben}` },
			effectiveDateTime: '2026-03-10T16:00:00.000Z',
			valueQuantity: { value: 14 },
			// 14 stands at 76, male: at or over the cut-off of 11.
			interpretation: [{ coding: [{ code: 'N' }] }]
		});
		expect(last.encounter).toBeUndefined();
		// Ben's Patient came with the class; on its own, the test brings it.
		expect(entry.filter((e) => e.resource!.id === PAGE_IDS.ben)).toHaveLength(1);
		const alone: FhirContext = {
			words: wording('en'),
			timeZone: 'UTC',
			patients: new Set(),
			counts: {}
		};
		expect(
			[...classlessEntries(classlessPage(), alone)].map((e) => e.resource!.resourceType)
		).toEqual(['Patient', 'Observation']);
	});
});
