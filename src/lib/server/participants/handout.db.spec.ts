import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { clinics, participants } from '../db/schema';
import { handoutOf } from './handout';
import { demoClinicDatabase } from '../testing/demo-clinic';

let database: DatabaseHandle;
let clinicId: string;
const now = new Date('2026-11-26T08:00:00Z');

beforeAll(async () => {
	({ database, clinicId } = await demoClinicDatabase(now));
});
afterAll(() => database.close());

async function participantId(firstName: string) {
	const [row] = await database.db
		.select({ id: participants.id })
		.from(participants)
		.where(and(eq(participants.clinicId, clinicId), eq(participants.firstName, firstName)));
	return row!.id;
}

describe('a home exercise handout', () => {
	it("is in the participant's language, else the clinic's, with the routine's exercises", async () => {
		const eleanor = await handoutOf(database.db, clinicId, await participantId('Eleanor'), { now });
		expect(eleanor).toMatchObject({ language: 'en', routineName: 'Balance Basics' });
		expect(eleanor!.exercises[0]).toMatchObject({ name: 'Marching warm-up', untranslated: [] });
		expect(eleanor!.exercises.length).toBeGreaterThan(3);

		// Tomás reads Spanish (demo seed): the library's Spanish words.
		const tomas = await handoutOf(database.db, clinicId, await participantId('Tomás'), { now });
		expect(tomas!.language).toBe('es');
		expect(tomas!.exercises.length).toBeGreaterThan(0);

		await database.db.update(clinics).set({ language: 'es' }).where(eq(clinics.id, clinicId));
		const inSpanish = await handoutOf(database.db, clinicId, await participantId('Eleanor'), {
			now
		});
		expect(inSpanish!.language).toBe('es');
		expect(inSpanish!.exercises[0]!.name).toBe('Marcha de calentamiento');
		await database.db.update(clinics).set({ language: 'en' }).where(eq(clinics.id, clinicId));
	});

	it("is not another clinic's", async () => {
		const id = await participantId('Eleanor');
		expect(await handoutOf(database.db, crypto.randomUUID(), id, { now })).toBeNull();
	});
});
