import { randomUUID } from 'node:crypto';
import JSONSchemaValidator from '@asymmetrik/fhir-json-schema-validator';
import { parse } from 'csv-parse/sync';
import { and, eq } from 'drizzle-orm';
import type { Bundle, DocumentReference, Observation } from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entry, EntryPayload } from '../../shared/entries';
import { wording } from '../../shared/rules';
import { localDate } from '../../shared/time-zone';
import type { StaffUser } from '../auth/session';
import type { DatabaseHandle } from '../db/client';
import {
	participantEntries,
	participantIdentifiers,
	participants,
	recordAudit,
	rooms
} from '../db/schema';
import { anHourAgoToday } from '../db/test-database';
import { recordEntry } from '../entries/entries';
import type { LiveClassService } from '../live/live-classes';
import { demoClassAt, demoStaff, otherClinic, startClass } from '../testing/demo-clinic';
import { sessionPages, type Needs } from './read';

const NEEDS: Needs = { places: true, entryKinds: ['attendance'], notes: true };
import { exportCsv, exportFhir, streamOf, type Exporter } from './service';
import { CSV_COLUMNS } from './csv';
import { signNote } from '../records/notes';
import { ensureDrafts } from '../records/notes-draft';

let database: DatabaseHandle;
let live: LiveClassService;
let technician: StaffUser;
let who: Exporter;
let sessionId: string;
let members: string[];
let clinicId: string;
const clock = anHourAgoToday();
const today = localDate('UTC', new Date(clock));

let recorded = 0;
const entry = (participantId: string, payload: EntryPayload, supersedes?: string): Entry => ({
	id: randomUUID(),
	sessionId,
	participantId,
	// A second apart, so the file's order (by time recorded) is the order recorded here.
	recordedAt: clock + ++recorded * 1000,
	deviceId: 'phone-a',
	payload,
	...(supersedes ? { supersedes } : {})
});

async function record(participantId: string, payload: EntryPayload, supersedes?: string) {
	const made = entry(participantId, payload, supersedes);
	const result = await recordEntry(database.db, live, technician, made);
	expect(result.ok).toBe(true);
	return made.id;
}

async function read(stream: ReadableStream<Uint8Array>): Promise<string> {
	return new Response(stream).text();
}

beforeAll(async () => {
	({ database, technician, sessionId, members, live, clinicId } = await demoClassAt(
		clock,
		() => clock
	));
	const coordinator = await demoStaff(database.db, clinicId, 'coordinator');
	who = {
		db: database.db,
		clinicId,
		userId: coordinator.id,
		device: 'Chrome/140 (X11)',
		words: wording('en')
	};
	await startClass(live, sessionId, technician);
	const [ana, ben] = members;
	await record(ana!, { kind: 'attendance', status: 'present' });
	await record(ben!, { kind: 'attendance', status: 'absent' });
	await record(ana!, {
		kind: 'vitals',
		vitals: { timing: 'before', systolic: 185, diastolic: 88 }
	});
	const mistaken = await record(ana!, { kind: 'pain', value: 9 });
	await record(ana!, { kind: 'pain', value: 2 }, mistaken);
	await record(ana!, { kind: 'exertion', scale: 'borg_6_20', value: 12 });
	await record(ana!, {
		kind: 'adverse_event',
		type: 'fall',
		severity: 'mild',
		actionTaken: '=cmd|calc',
		whoWasTold: 'therapist'
	});
	// Outcome tests: Ana's in the class (80 on the day, female: cut-off 9), Ben's on his own page
	// (about no class: session_id null), a TUG with a walker.
	const day = new Date(clock);
	const eightyYearsAgo = `${day.getUTCFullYear() - 80}-01-01`;
	await database.db
		.update(participants)
		.set({ sex: 'female', dateOfBirth: eightyYearsAgo })
		.where(eq(participants.id, ana!));
	await record(ana!, {
		kind: 'outcome_test',
		result: { test: 'chair_stand_30s', count: 8, armsUsed: false },
		note: 'Used the wall once'
	});
	await database.db.insert(participantEntries).values({
		id: randomUUID(),
		clinicId,
		sessionId: null,
		participantId: ben!,
		kind: 'outcome_test',
		payload: {
			kind: 'outcome_test',
			result: { test: 'tug', seconds: 12.5, device: 'walker' }
		},
		recordedAt: new Date(clock + ++recorded * 1000),
		userId: technician.id,
		deviceId: 'browser'
	});
	await database.db.insert(participantIdentifiers).values({
		clinicId,
		participantId: ana!,
		kind: 'mrn',
		system: 'urn:oid:2.16.840.1.113883.19.5',
		value: 'MRN-77'
	});
}, 60_000);
afterAll(() => database.close());

describe('exports over the demo clinic', () => {
	it("writes the day's tolerance CSV from the current entries only", async () => {
		const result = await exportCsv(who, { file: 'tolerance', from: today, to: today });
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.file.filename).toBe(`steady-tolerance-${today}.csv`);
		const rows = parse(await read(streamOf(result.file.chunks)), {
			columns: true,
			bom: true
		}) as Record<string, string>[];
		// The pain of 9 was corrected to 2: only the correction counts.
		expect(rows.map((r) => [r.kind, r.pain || r.systolic_mmhg || r.exertion])).toEqual([
			['vitals', '185'],
			['pain', '2'],
			['exertion', '12']
		]);
		expect(rows[0]!.flag_codes).toMatch(/^HOLD:/);
	});

	it('escapes a formula typed into an adverse event', async () => {
		const result = await exportCsv(who, { file: 'adverse-events', from: today, to: today });
		if (!result.ok) throw new Error('refused');
		const [row] = parse(await read(streamOf(result.file.chunks)), {
			columns: true,
			bom: true
		}) as Record<string, string>[];
		expect(row!.action_taken).toBe(`'=cmd|calc`);
	});

	it('writes a FHIR bundle of the class that the R4 schema accepts', async () => {
		const result = await exportFhir(who, { scope: 'session', sessionId });
		if (!result.ok) throw new Error('refused');
		const bundle = JSON.parse(await read(streamOf(result.file.chunks))) as Bundle;
		const validator = new JSONSchemaValidator();
		expect(validator.validate(bundle, true)).toEqual([]);
		const types = bundle.entry!.map((e) => e.resource!.resourceType);
		for (const type of ['Patient', 'Group', 'Appointment', 'Encounter', 'Observation']) {
			expect(types).toContain(type);
		}
		const patient = bundle.entry!.find(
			(e) => e.resource!.resourceType === 'Patient' && e.resource!.id === members[0]
		)!.resource as { identifier: { value: string }[] };
		expect(patient.identifier[0]!.value).toBe('MRN-77');
		const statuses = bundle
			.entry!.filter((e) => e.resource!.resourceType === 'Appointment')
			.map((e) => (e.resource as { status: string }).status);
		expect(statuses).toContain('arrived');
		expect(statuses).toContain('noshow');
	}, 60_000);

	it('records one audit line per export, with counts and no PHI', async () => {
		const before = await database.db
			.select()
			.from(recordAudit)
			.where(and(eq(recordAudit.clinicId, clinicId), eq(recordAudit.action, 'exported')));
		const result = await exportCsv(who, { file: 'attendance', from: today, to: today });
		if (!result.ok) throw new Error('refused');
		const text = await read(streamOf(result.file.chunks));
		const after = await database.db
			.select()
			.from(recordAudit)
			.where(and(eq(recordAudit.clinicId, clinicId), eq(recordAudit.action, 'exported')));
		expect(after).toHaveLength(before.length + 1);
		const line = after.find((a) => !before.some((b) => b.id === a.id))!;
		expect(line).toMatchObject({ subject: 'export', userId: who.userId });
		expect(line.detail).toMatchObject({
			kind: 'attendance',
			format: 'csv',
			from: today,
			to: today,
			complete: true
		});
		expect((line.detail as { classes: number }).classes).toBeGreaterThan(0);
		expect((line.detail as { rows: number }).rows).toBe(parse(text, { bom: true }).length - 1);
		expect(JSON.stringify(line.detail)).not.toMatch(/MRN|present|absent/);
	});

	it('audits an export stopped halfway as incomplete', async () => {
		const result = await exportFhir(who, { scope: 'range', from: today, to: today });
		if (!result.ok) throw new Error('refused');
		const reader = streamOf(result.file.chunks).getReader();
		await reader.read();
		await reader.cancel();
		const lines = await database.db
			.select()
			.from(recordAudit)
			.where(eq(recordAudit.action, 'exported'));
		expect(lines.some((l) => (l.detail as { complete?: boolean }).complete === false)).toBe(true);
	});

	it("refuses another clinic's room, class and participant as not found", async () => {
		const elsewhere = await otherClinic(database.db);
		const stranger: Exporter = { ...who, clinicId: elsewhere };
		const [room] = await database.db.select({ id: rooms.id }).from(rooms).limit(1);
		expect(
			await exportCsv(stranger, { file: 'notes', from: today, to: today, roomId: room!.id })
		).toEqual({ ok: false, code: 'exports.not-found' });
		expect(await exportFhir(stranger, { scope: 'session', sessionId })).toEqual({
			ok: false,
			code: 'exports.not-found'
		});
		expect(
			await exportFhir(stranger, {
				scope: 'participant',
				participantId: members[0]!,
				from: today,
				to: today
			})
		).toEqual({ ok: false, code: 'exports.not-found' });
		// And its own export of the day holds none of this clinic's classes.
		const result = await exportCsv(stranger, { file: 'attendance', from: today, to: today });
		if (!result.ok) throw new Error('refused');
		const rows = parse(await read(streamOf(result.file.chunks)), { bom: true }) as string[][];
		expect(rows).toHaveLength(1);
	});

	it('pages through classes by keyset, each class exactly once', async () => {
		const from = localDate('UTC', new Date(clock - 30 * 86_400_000));
		const to = localDate('UTC', new Date(clock + 30 * 86_400_000));
		const seen: string[] = [];
		let pages = 0;
		for await (const page of sessionPages(database.db, { clinicId, from, to }, 'UTC', NEEDS, 3)) {
			pages++;
			seen.push(...page.sessions.map((s) => s.id));
		}
		const all: string[] = [];
		for await (const page of sessionPages(
			database.db,
			{ clinicId, from, to },
			'UTC',
			NEEDS,
			1000
		)) {
			all.push(...page.sessions.map((s) => s.id));
		}
		expect(all.length).toBeGreaterThan(3);
		// A last full page is followed by an empty query, which yields no page.
		expect(pages).toBe(Math.ceil(all.length / 3));
		expect(seen).toEqual(all);
	});

	it("exports one participant's classes only", async () => {
		const result = await exportFhir(who, {
			scope: 'participant',
			participantId: members[1]!,
			from: today,
			to: today
		});
		if (!result.ok) throw new Error('refused');
		const bundle = JSON.parse(await read(streamOf(result.file.chunks))) as Bundle;
		const patients = bundle.entry!.filter((e) => e.resource!.resourceType === 'Patient');
		expect(patients.map((p) => p.resource!.id)).toEqual([members[1]]);
	});

	it('writes the outcome-tests CSV: the class test and the one recorded about no class', async () => {
		const result = await exportCsv(who, { file: 'outcome-tests', from: today, to: today });
		if (!result.ok) throw new Error('refused');
		const text = await read(streamOf(result.file.chunks));
		const [header] = parse(text, { bom: true, to: 1 }) as string[][];
		expect(header).toEqual(CSV_COLUMNS['outcome-tests']);
		const rows = parse(text, { columns: true, bom: true }) as Record<string, string>[];
		const [ana, ben] = members;
		expect(rows).toHaveLength(2);
		expect(rows[0]).toMatchObject({
			date: today,
			session_id: sessionId,
			participant_id: ana,
			mrn: 'MRN-77',
			test: 'chair_stand_30s',
			loinc: '66247-8',
			chair_stands: '8',
			arms_used: 'false',
			score: '8',
			verdict: 'flag',
			cutoff: '9',
			tester_name: technician.name,
			note: 'Used the wall once'
		});
		expect(rows[1]).toMatchObject({
			date: today,
			session_id: '',
			class: '',
			participant_id: ben,
			test: 'tug',
			loinc: '89423-8',
			tug_seconds: '12.5',
			assistive_device: 'walker',
			verdict: 'flag',
			cutoff: '12'
		});
		// A room chosen: the test about no class is in no room.
		const [room] = await database.db.select({ id: rooms.id }).from(rooms).limit(1);
		const inRoom = await exportCsv(who, {
			file: 'outcome-tests',
			from: today,
			to: today,
			roomId: room!.id
		});
		if (!inRoom.ok) throw new Error('refused');
		const roomRows = parse(await read(streamOf(inRoom.file.chunks)), {
			columns: true,
			bom: true
		}) as Record<string, string>[];
		expect(roomRows.every((r) => r.session_id !== '')).toBe(true);
	});

	it("puts a participant-page test in the participant's bundle, valid, coded LOINC", async () => {
		const result = await exportFhir(who, {
			scope: 'participant',
			participantId: members[1]!,
			from: today,
			to: today
		});
		if (!result.ok) throw new Error('refused');
		const bundle = JSON.parse(await read(streamOf(result.file.chunks))) as Bundle;
		expect(new JSONSchemaValidator().validate(bundle, true)).toEqual([]);
		const tests = bundle
			.entry!.map((e) => e.resource!)
			.filter(
				(r): r is Observation =>
					r.resourceType === 'Observation' && r.category?.[0]?.coding?.[0]?.code === 'exam'
			);
		expect(tests).toHaveLength(1);
		expect(tests[0]).toMatchObject({
			code: { coding: [{ system: 'http://loinc.org', code: '89423-8' }] },
			valueQuantity: { value: 12.5, code: 's', system: 'http://unitsofmeasure.org' },
			subject: { reference: `urn:uuid:${members[1]}` },
			interpretation: [{ coding: [{ code: 'A' }] }],
			performer: [{ display: expect.stringContaining(technician.name) }]
		});
		expect(tests[0]!.encounter).toBeUndefined();
		// The range bundle has both tests, each subject a Patient of the bundle.
		const range = await exportFhir(who, { scope: 'range', from: today, to: today });
		if (!range.ok) throw new Error('refused');
		const all = JSON.parse(await read(streamOf(range.file.chunks))) as Bundle;
		expect(new JSONSchemaValidator().validate(all, true)).toEqual([]);
		const codes = all
			.entry!.map((e) => e.resource!)
			.filter((r): r is Observation => r.resourceType === 'Observation')
			.flatMap((o) => o.code.coding!.map((c) => c.code));
		expect(codes).toContain('66247-8');
		expect(codes).toContain('89423-8');
		const urls = new Set(all.entry!.map((e) => e.fullUrl));
		for (const reference of JSON.stringify(all).match(/"reference":"[^"]+"/g) ?? []) {
			expect(urls.has(reference.slice('"reference":"'.length, -1))).toBe(true);
		}
	}, 60_000);

	it('files a signed note with the outcome tests it froze (last: it ends the class)', async () => {
		const ended = await live.command({
			sessionId,
			user: technician,
			command: { type: 'end' },
			clientCommandId: randomUUID()
		});
		expect(ended.ok).toBe(true);
		await ensureDrafts(database.db, clinicId, sessionId, { userId: null, device: 'spec' });
		const [ana] = members;
		const signed = await signNote(database.db, { user: technician, device: 'spec' }, sessionId, {
			participantId: ana!,
			response: 'Tolerated well',
			cues: '',
			goals: '',
			plan: ''
		});
		expect(signed).toEqual({ ok: true });
		const result = await exportFhir(who, { scope: 'session', sessionId });
		if (!result.ok) throw new Error('refused');
		const bundle = JSON.parse(await read(streamOf(result.file.chunks))) as Bundle;
		expect(new JSONSchemaValidator().validate(bundle, true)).toEqual([]);
		const document = bundle.entry!.find((e) => e.resource!.resourceType === 'DocumentReference')!
			.resource as DocumentReference;
		const text = Buffer.from(document.content[0]!.attachment.data!, 'base64').toString('utf8');
		expect(text).toContain('Outcome tests:');
		expect(text).toMatch(
			/30-second chair stand: 8 stands · Below average \(under 9 for age and sex\) · Tested by .+ · Note: Used the wall once/
		);
	}, 60_000);
});
