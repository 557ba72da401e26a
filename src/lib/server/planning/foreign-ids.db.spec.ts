import { and, eq, gt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import {
	classSeries,
	classSessions,
	enrollments,
	exercises,
	participants,
	rooms,
	routines
} from '../db/schema';
import { participantFormSchema } from '../../shared/participant-form';
import { deleteUnusedExercise, updateExercise } from '../exercises/exercises';
import { archiveRoutine, restoreRoutine, saveRoutine } from '../routines/routines';
import { cancel, enroll } from './enrollment';
import { clinicOwns } from './owned';
import { setArchived, updateParticipant } from './participants';
import { recordPoolCheck } from './pool-check';
import { roomFormSchema, seriesFormSchema } from '../../shared/planning/forms';
import { archiveRoom, saveRoom } from './rooms';
import { archiveSeries, saveSeries, seriesFormValues } from './series';
import { cancelSession, moveSession } from './session-changes';
import { demoClinicDatabase, otherClinic } from '../testing/demo-clinic';

/**
 * Clinic B's coordinator names clinic A's rows. Every service must say "not found" (so the
 * action answers 404 and logs nothing) and leave A's rows exactly as they were: no false
 * "Archived" for a change that never happened.
 */

let database: DatabaseHandle;
const now = new Date('2026-11-26T15:00:00Z');
let a: {
	clinicId: string;
	participantId: string;
	seriesId: string;
	sessionId: string;
	poolSessionId: string;
	roomId: string;
	spareRoomId: string;
	routineId: string;
	exerciseId: string;
};
let b: { clinicId: string; userId: string; roomId: string };

beforeAll(async () => {
	let clinicId: string;
	({ database, clinicId } = await demoClinicDatabase(now));
	const db = database.db;
	const [place] = await db
		.select({ participantId: enrollments.participantId, seriesId: enrollments.seriesId })
		.from(enrollments)
		.where(and(eq(enrollments.clinicId, clinicId), eq(enrollments.status, 'enrolled')))
		.limit(1);
	const coming = await db
		.select({ id: classSessions.id, type: classSessions.type, roomId: classSessions.roomId })
		.from(classSessions)
		.where(and(eq(classSessions.clinicId, clinicId), gt(classSessions.startsAt, now)))
		.orderBy(classSessions.startsAt);
	const gym = coming.find((s) => s.type !== 'aquatic')!;
	const [spare] = await db
		.insert(rooms)
		.values({ clinicId, name: 'Spare room', kind: 'gym', capacity: 5 })
		.returning({ id: rooms.id });
	const [routine] = await db
		.select({ id: routines.id })
		.from(routines)
		.where(eq(routines.clinicId, clinicId))
		.limit(1);
	const [exercise] = await db
		.insert(exercises)
		.values({
			clinicId,
			name: 'Unused stretch',
			displayCue: 'Stretch',
			category: 'flexibility',
			dosing: { kind: 'timed', seconds: 30, sets: 1, restBetweenSetsSeconds: 0, perSide: false }
		})
		.returning({ id: exercises.id });
	a = {
		clinicId,
		participantId: place!.participantId,
		seriesId: place!.seriesId!,
		sessionId: gym.id,
		poolSessionId: coming.find((s) => s.type === 'aquatic')!.id,
		roomId: gym.roomId,
		spareRoomId: spare!.id,
		routineId: routine!.id,
		exerciseId: exercise!.id
	};

	const otherId = await otherClinic(db);
	const [otherRoom] = await db
		.insert(rooms)
		.values({ clinicId: otherId, name: 'Gym', kind: 'gym', capacity: 8 })
		.returning({ id: rooms.id });
	b = {
		clinicId: otherId,
		userId: '00000000-0000-4000-8000-000000000000',
		roomId: otherRoom!.id
	};
});
afterAll(() => database.close());

/** Everything of clinic A these tests point at, to compare before and after. */
async function snapshotOfA() {
	const db = database.db;
	return {
		participant: await db.select().from(participants).where(eq(participants.id, a.participantId)),
		series: await db.select().from(classSeries).where(eq(classSeries.id, a.seriesId)),
		sessions: await db.select().from(classSessions).where(eq(classSessions.clinicId, a.clinicId)),
		places: await db.select().from(enrollments).where(eq(enrollments.clinicId, a.clinicId)),
		rooms: await db.select().from(rooms).where(eq(rooms.clinicId, a.clinicId)),
		routines: await db.select().from(routines).where(eq(routines.clinicId, a.clinicId)),
		exercise: await db.select().from(exercises).where(eq(exercises.id, a.exerciseId))
	};
}

describe("clinic B naming clinic A's rows", () => {
	it('is told "not found" by every service, and nothing of A changes', async () => {
		const db = database.db;
		const before = await snapshotOfA();
		const actor = { clinicId: b.clinicId, userId: b.userId };

		expect(await setArchived(db, b.clinicId, a.participantId, true)).toBe(false);
		expect(await setArchived(db, b.clinicId, a.participantId, false)).toBe(false);
		const renamed = participantFormSchema.parse({
			firstName: 'Taken',
			lastName: 'Over',
			displayName: '',
			dateOfBirth: '1950-01-01',
			precautions: '',
			assistiveDevice: 'none',
			sex: 'not_recorded',
			preferredLanguage: '',
			screenedOn: '',
			exclusions: [],
			aquaticPrecautions: [],
			goals: '',
			emergencyContact: ''
		});
		expect(await updateParticipant(db, b.clinicId, a.participantId, renamed)).toBe(false);
		expect(await archiveSeries(db, b.clinicId, a.seriesId, now)).toBe(false);
		const seriesForm = await seriesFormValues(db, a.clinicId, a.seriesId);
		const parsedSeries = seriesFormSchema.parse(seriesForm);
		expect(await saveSeries(db, b.clinicId, a.seriesId, parsedSeries, now)).toMatchObject({
			ok: false,
			notFound: true
		});
		expect(await archiveRoom(db, b.clinicId, a.spareRoomId, now)).toMatchObject({
			ok: false,
			notFound: true
		});
		const room = roomFormSchema.parse({ name: 'Taken over', kind: 'gym', capacity: '4' });
		expect(await saveRoom(db, b.clinicId, a.roomId, room)).toMatchObject({
			ok: false,
			notFound: true
		});
		expect(
			await cancelSession(db, b.clinicId, a.sessionId, { reason: 'Closed for the day' }, now)
		).toMatchObject({ ok: false, notFound: true });
		expect(
			await moveSession(
				db,
				b.clinicId,
				a.sessionId,
				{ date: '2026-12-20', startTime: '10:00', roomId: b.roomId, reason: 'Moved' },
				now
			)
		).toMatchObject({ ok: false, notFound: true });
		// A's participant in A's series, asked for by B: neither a place taken nor "none to cancel".
		for (const target of [{ seriesId: a.seriesId }, { sessionId: a.sessionId }]) {
			expect(
				await enroll(db, actor, target, { participantId: a.participantId }, now)
			).toMatchObject({ ok: false, notFound: true });
			expect(await cancel(db, actor, target, a.participantId, now)).toMatchObject({
				ok: false,
				notFound: true
			});
		}
		expect(await archiveRoutine(db, b.clinicId, a.routineId, '2026-11-26')).toMatchObject({
			ok: false,
			notFound: true
		});
		expect(await restoreRoutine(db, b.clinicId, a.routineId)).toBe(false);
		expect(await saveRoutine(db, b.clinicId, null, a.routineId, {} as never, null)).toMatchObject({
			ok: false,
			notFound: true
		});
		expect(await updateExercise(db, b.clinicId, a.exerciseId, {} as never)).toMatchObject({
			ok: false,
			notFound: true
		});
		expect(await deleteUnusedExercise(db, b.clinicId, a.exerciseId)).toMatchObject({
			ok: false,
			notFound: true
		});
		expect(
			await recordPoolCheck(db, { id: b.userId, clinicId: b.clinicId }, a.poolSessionId, {})
		).toMatchObject({ ok: false, notFound: true });
		for (const [kind, id] of [
			['participants', a.participantId],
			['classSeries', a.seriesId],
			['classSessions', a.sessionId],
			['routines', a.routineId],
			['exercises', a.exerciseId]
		] as const) {
			expect(await clinicOwns(db, kind, b.clinicId, id), kind).toBe(false);
			expect(await clinicOwns(db, kind, a.clinicId, id), kind).toBe(true);
		}

		expect(await snapshotOfA()).toEqual(before);
	});

	it("reports a change only when one was made in the caller's own clinic", async () => {
		const db = database.db;
		const actor = { clinicId: a.clinicId, userId: b.userId };
		// A cancel for someone with no place is answered, but as "nothing cancelled".
		const [stranger] = await db
			.insert(participants)
			.values({
				clinicId: a.clinicId,
				firstName: 'New',
				lastName: 'Person',
				displayName: 'New P.',
				dateOfBirth: '1950-01-01'
			})
			.returning({ id: participants.id });
		expect(await cancel(db, actor, { seriesId: a.seriesId }, stranger!.id, now)).toMatchObject({
			ok: true,
			cancelled: false
		});
		expect(await archiveRoom(db, a.clinicId, a.spareRoomId, now)).toEqual({ ok: true });
		expect(await archiveRoom(db, a.clinicId, a.spareRoomId, now)).toMatchObject({
			notFound: true
		});
		expect(await setArchived(db, a.clinicId, a.participantId, true)).toBe(true);
		expect(await setArchived(db, a.clinicId, a.participantId, false)).toBe(true);
		expect(await restoreRoutine(db, a.clinicId, a.routineId)).toBe(true);
		expect(await archiveSeries(db, a.clinicId, a.seriesId, now)).toBe(true);
		expect(await archiveSeries(db, a.clinicId, a.seriesId, now)).toBe(false);
	});
});
