import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffUser } from '../auth/session';
import type { DatabaseHandle } from '../db/client';
import { clinics, participantIdentifiers, participants, recordAudit } from '../db/schema';
import { demoClinicDatabase, demoStaff, otherClinic } from '../testing/demo-clinic';
import { clinicRecordSettings, saveRecordSettings } from '../settings/records';
import { addIdentifier, listIdentifiers, removeIdentifier } from './identifiers';
import { auditLog } from './audit';

let database: DatabaseHandle;
let clinicId: string;
let coordinator: StaffUser;
let ana: string;
let ben: string;

beforeAll(async () => {
	({ database, clinicId } = await demoClinicDatabase());
	coordinator = await demoStaff(database.db, clinicId, 'coordinator');
	const people = await database.db
		.select({ id: participants.id })
		.from(participants)
		.where(eq(participants.clinicId, clinicId))
		.limit(2);
	[ana, ben] = people.map((p) => p.id) as [string, string];
});
afterAll(() => database.close());

const MRN = { kind: 'mrn', system: 'urn:oid:1.2.36.146.595.217.0.1', value: 'A-10042' };

describe('participant identifiers', () => {
	it('adds one, lists it, and audits the change without the value', async () => {
		const added = await addIdentifier(database.db, coordinator, 'Chrome (X11)', ana, MRN);
		expect(added.ok).toBe(true);
		expect(await listIdentifiers(database.db, clinicId, ana)).toEqual([
			expect.objectContaining({ kind: 'mrn', system: MRN.system, value: 'A-10042' })
		]);
		const [line] = await auditLog(database.db, clinicId, { participantId: ana });
		expect(line).toMatchObject({
			action: 'changed',
			subject: 'participant',
			device: 'Chrome (X11)',
			userName: coordinator.name
		});
		expect(JSON.stringify(line!.detail)).not.toContain('A-10042');
	});

	it('refuses bad fields beside each one, and the same system and value twice in a clinic, changing nothing', async () => {
		const before = await database.db.select().from(participantIdentifiers);
		const audits = (await database.db.select().from(recordAudit)).length;
		expect(
			await addIdentifier(database.db, coordinator, 'd', ben, {
				kind: 'ssn',
				system: 'not a uri',
				value: 'x'.repeat(65)
			})
		).toEqual({
			ok: false,
			problems: {
				kind: { code: 'records.identifiers.kind-invalid' },
				system: { code: 'records.identifiers.system-not-uri' },
				value: { code: 'records.identifiers.value-too-long', params: { max: 64 } }
			}
		});
		expect(
			await addIdentifier(database.db, coordinator, 'd', ben, { ...MRN, system: 'mrn-system' })
		).toMatchObject({
			ok: false,
			problems: { system: { code: 'records.identifiers.system-not-uri' } }
		});
		// Another participant, the same MRN in the same system: the clinic has it already.
		expect(await addIdentifier(database.db, coordinator, 'd', ben, MRN)).toEqual({
			ok: false,
			problems: { value: { code: 'records.identifiers.taken' } }
		});
		expect(await database.db.select().from(participantIdentifiers)).toEqual(before);
		expect((await database.db.select().from(recordAudit)).length).toBe(audits);
		// The same value in another system is another identifier.
		expect(
			(
				await addIdentifier(database.db, coordinator, 'd', ben, {
					...MRN,
					kind: 'ehr',
					system: 'https://ehr.example.org/id'
				})
			).ok
		).toBe(true);
	});

	it('is clinic-scoped: another clinic neither sees nor removes it, and may use the same value', async () => {
		const elsewhere = await otherClinic(database.db);
		const stranger = { ...coordinator, clinicId: elsewhere };
		const [mine] = await listIdentifiers(database.db, clinicId, ana);
		expect(await listIdentifiers(database.db, elsewhere, ana)).toEqual([]);
		expect(await removeIdentifier(database.db, stranger, 'd', ana, mine!.id)).toBe(false);
		expect(await listIdentifiers(database.db, clinicId, ana)).toHaveLength(1);
	});

	it('removes one, audited; removing it again finds nothing', async () => {
		const [mine] = await listIdentifiers(database.db, clinicId, ana);
		expect(await removeIdentifier(database.db, coordinator, 'd', ana, mine!.id)).toBe(true);
		expect(await listIdentifiers(database.db, clinicId, ana)).toEqual([]);
		const [line] = await auditLog(database.db, clinicId, { participantId: ana });
		expect(line).toMatchObject({
			action: 'changed',
			detail: { change: 'identifier-removed', kind: 'mrn' }
		});
		expect(await removeIdentifier(database.db, coordinator, 'd', ana, mine!.id)).toBe(false);
	});
});

describe('record settings', () => {
	it('starts with the demo contact, saves a valid edit, refuses a long contact', async () => {
		expect(await clinicRecordSettings(database.db, clinicId)).toEqual({
			requireCosign: false,
			contact: 'Riverside Rehab · 555-0142 · 12 River Road'
		});
		expect(
			await saveRecordSettings(database.db, clinicId, coordinator.id, {
				requireCosign: 'on',
				contact: '  Riverside Rehab · 555-0100  '
			})
		).toEqual({ ok: true, changed: true });
		expect(await clinicRecordSettings(database.db, clinicId)).toEqual({
			requireCosign: true,
			contact: 'Riverside Rehab · 555-0100'
		});
		expect(
			await saveRecordSettings(database.db, clinicId, coordinator.id, {
				requireCosign: '',
				contact: 'x'.repeat(301)
			})
		).toEqual({
			ok: false,
			problems: { contact: { code: 'records.settings.contact-too-long', params: { max: 300 } } }
		});
		const [row] = await database.db
			.select({ requireCosign: clinics.requireCosign })
			.from(clinics)
			.where(eq(clinics.id, clinicId));
		expect(row!.requireCosign).toBe(true);
	});
});
