import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import {
	classSessions,
	clinics,
	enrollments,
	exercises,
	participantEntries,
	participants,
	routineBlocks,
	users
} from '../db/schema';
import { handoutOf } from '../participants/handout';
import { demoClinicDatabase } from '../testing/demo-clinic';

/** A handout opened from a class: that class's routine, the tier used there, pictures, contact. */
let database: DatabaseHandle;
let clinicId: string;
let sessionId: string;
let memberId: string;
let userId: string;
const now = new Date('2026-11-26T08:00:00Z');

beforeAll(async () => {
	({ database, clinicId } = await demoClinicDatabase(now));
	const db = database.db;
	const [place] = await db
		.select({ participantId: enrollments.participantId, seriesId: enrollments.seriesId })
		.from(enrollments)
		.innerJoin(classSessions, eq(classSessions.seriesId, enrollments.seriesId))
		.where(and(eq(enrollments.clinicId, clinicId), eq(enrollments.status, 'enrolled')))
		.limit(1);
	const [session] = await db
		.select({ id: classSessions.id })
		.from(classSessions)
		.where(eq(classSessions.seriesId, place!.seriesId!))
		.orderBy(asc(classSessions.startsAt))
		.limit(1);
	sessionId = session!.id;
	memberId = place!.participantId;
	const [user] = await db.select({ id: users.id }).from(users).where(eq(users.clinicId, clinicId));
	userId = user!.id;
});
afterAll(() => database.close());

async function record(modifications: string[], supersedes: string | null = null) {
	const id = randomUUID();
	await database.db.insert(participantEntries).values({
		id,
		clinicId,
		sessionId,
		participantId: memberId,
		kind: 'modifications',
		payload: { kind: 'modifications', modifications } as never,
		supersedes,
		recordedAt: now,
		userId,
		deviceId: 'test-phone'
	});
	return id;
}

describe('a handout from a class', () => {
	it('has the class’s exercises, tier "standing" without entries, and no contact when empty', async () => {
		// The demo clinic has a contact; a clinic that never set one prints none.
		await database.db.update(clinics).set({ contact: '' }).where(eq(clinics.id, clinicId));
		const handout = await handoutOf(database.db, clinicId, memberId, { now, sessionId });
		expect(handout!.session).toMatchObject({ id: sessionId, tier: 'standing' });
		expect(handout!.exercises.length).toBeGreaterThan(0);
		expect(handout!.clinicContact).toBe('');
		expect(handout!.shortName).toMatch(/^\S+ \S\.$/);
	});

	it('takes the tier from the participant’s current modifications entries, with its cue', async () => {
		const seated = await record(['seated']);
		let handout = await handoutOf(database.db, clinicId, memberId, { now, sessionId });
		expect(handout!.session!.tier).toBe('seated');
		const withCue = handout!.exercises.find((exercise) => exercise.tierCue);
		expect(withCue, 'the demo library has seated cues').toBeTruthy();

		// Edited to hand support: the superseded "seated" no longer counts.
		await record(['one_hand_support'], seated);
		handout = await handoutOf(database.db, clinicId, memberId, { now, sessionId });
		expect(handout!.session!.tier).toBe('supported');
	});

	it('shows a picture where the library has one, and none for a video or nothing', async () => {
		const [first, second] = await database.db
			.select({ id: routineBlocks.exerciseId })
			.from(routineBlocks)
			.innerJoin(classSessions, eq(classSessions.routineVersionId, routineBlocks.routineVersionId))
			.where(and(eq(classSessions.id, sessionId), eq(routineBlocks.kind, 'exercise')))
			.orderBy(asc(routineBlocks.position));
		await database.db
			.update(exercises)
			.set({ mediaFile: `${'ab'.repeat(16)}.png`, mediaType: 'image/png' })
			.where(eq(exercises.id, first!.id!));
		if (second!.id !== first!.id) {
			await database.db
				.update(exercises)
				.set({ mediaFile: `${'cd'.repeat(16)}.mp4`, mediaType: 'video/mp4' })
				.where(eq(exercises.id, second!.id!));
		}
		const handout = await handoutOf(database.db, clinicId, memberId, { now, sessionId });
		expect(handout!.exercises[0]!.picture).toEqual({
			file: `${'ab'.repeat(16)}.png`,
			type: 'image/png'
		});
		expect(handout!.exercises.filter((exercise) => exercise.picture)).toHaveLength(1);
	});

	it('carries the clinic’s contact', async () => {
		await database.db
			.update(clinics)
			.set({ contact: ' Call 555-0100, Mon-Fri 8-5 ' })
			.where(eq(clinics.id, clinicId));
		const handout = await handoutOf(database.db, clinicId, memberId, { now, sessionId });
		expect(handout!.clinicContact).toBe('Call 555-0100, Mon-Fri 8-5');
	});

	it('is null for a class the participant had no place in, or another clinic’s', async () => {
		const [stranger] = await database.db
			.insert(participants)
			.values({
				clinicId,
				firstName: 'Nobody',
				lastName: 'Here',
				displayName: 'Nobody H.',
				dateOfBirth: '1950-01-01'
			})
			.returning({ id: participants.id });
		expect(await handoutOf(database.db, clinicId, stranger!.id, { now, sessionId })).toBeNull();
		expect(await handoutOf(database.db, randomUUID(), memberId, { now, sessionId })).toBeNull();
		expect(
			await handoutOf(database.db, clinicId, memberId, { now, sessionId: randomUUID() })
		).toBeNull();
	});
});
