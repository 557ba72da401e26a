import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DatabaseHandle } from '../client';
import { enrollments, participants, users } from '../schema';
import { enrollmentRefusals } from '../../planning/enrollment';
import { demoClinicDatabase } from '../../testing/demo-clinic';

let database: DatabaseHandle;
let clinicId: string;
const now = new Date('2026-11-26T14:00:00Z');

beforeAll(async () => {
	({ database, clinicId } = await demoClinicDatabase(now, 'America/New_York'));
});
afterAll(() => database.close());

/**
 * Every place in the clinic that the enrolment checks would refuse (a pool exclusion, a double
 * booking), with the written reason it carries, if any.
 */
async function flaggedPlaces(db: Database) {
	const [coordinator] = await db
		.select({ id: users.id })
		.from(users)
		.where(and(eq(users.clinicId, clinicId), eq(users.role, 'coordinator')));
	const rows = await db
		.select({
			participantId: enrollments.participantId,
			seriesId: enrollments.seriesId,
			sessionId: enrollments.sessionId,
			status: enrollments.status,
			overrideReason: enrollments.overrideReason,
			overrideBy: enrollments.overrideBy,
			name: participants.firstName
		})
		.from(enrollments)
		.innerJoin(participants, eq(participants.id, enrollments.participantId))
		.where(and(eq(enrollments.clinicId, clinicId), isNull(participants.archivedAt)));
	const flagged = [];
	for (const row of rows) {
		if (row.status === 'cancelled') continue;
		const target = row.seriesId ? { seriesId: row.seriesId } : { sessionId: row.sessionId! };
		const refusals = await enrollmentRefusals(
			db,
			{ clinicId, userId: coordinator!.id },
			target,
			row.participantId,
			now
		);
		if (refusals.length) flagged.push({ ...row, codes: refusals.map((r) => r.code) });
	}
	return flagged;
}

describe('the demo clinic keeps its own enrolment rules', () => {
	it('gives every place the checks would refuse an override with a written reason', async () => {
		const flagged = await flaggedPlaces(database.db);
		// Nadia's open wounds in the pool class: the demo has one, so this is not vacuous.
		expect(flagged.map((f) => [f.name, f.codes])).toEqual([['Nadia', ['aquatic_exclusion']]]);
		for (const place of flagged) {
			expect(place.overrideReason?.trim().length ?? 0, place.name).toBeGreaterThanOrEqual(5);
			expect(place.overrideBy, place.name).not.toBeNull();
		}
	});

	it('would notice a flagged place without its reason', async () => {
		await database.db.update(enrollments).set({ overrideReason: null, overrideBy: null });
		const flagged = await flaggedPlaces(database.db);
		expect(flagged.filter((place) => !place.overrideReason?.trim()).map((p) => p.name)).toEqual([
			'Nadia'
		]);
	});
});
