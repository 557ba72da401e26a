import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoutineInput } from '../../shared/routine-form';
import type { DatabaseHandle } from '../db/client';
import { classSessions, exercises, routineBlocks, routines, routineVersions } from '../db/schema';
import { draftBlockOf, draftSettingsOf } from '../../shared/routine-draft';
import { planFromDraft } from '../../shared/routine-plan';
import { plannedTotalMs, type PlanExercise } from '../../shared/timeline';
import { buildPlan } from '../live/plan';
import { listExercises } from '../planning/lists';
import { archiveRoutine, createRoutine, routineForEdit, saveRoutine } from './routines';
import { demoClinicDatabase } from '../testing/demo-clinic';

let database: DatabaseHandle;
let clinicId: string;
let exerciseIds: string[];
const clock = new Date('2026-11-26T15:00:00Z');

beforeAll(async () => {
	({ database, clinicId } = await demoClinicDatabase(clock));
	exerciseIds = (
		await database.db
			.select({ id: exercises.id })
			.from(exercises)
			.where(eq(exercises.clinicId, clinicId))
			.orderBy(asc(exercises.name))
			.limit(3)
	).map((row) => row.id);
});
afterAll(() => database.close());

const input = (name: string, seconds = 30): RoutineInput => ({
	name,
	description: '',
	blocks: [
		{ kind: 'exercise', phase: 'warm_up', exerciseId: exerciseIds[0]!, dosing: null },
		{ kind: 'rest', phase: 'main', seconds, label: '' },
		{
			kind: 'exercise',
			phase: 'main',
			exerciseId: exerciseIds[1]!,
			dosing: { kind: 'timed', seconds: 40, sets: 2, restBetweenSetsSeconds: 10, perSide: false }
		}
	]
});

async function versionsOf(routineId: string) {
	return database.db
		.select({ id: routineVersions.id, version: routineVersions.version })
		.from(routineVersions)
		.where(eq(routineVersions.routineId, routineId))
		.orderBy(asc(routineVersions.version));
}

async function routineIdOf(name: string) {
	const [row] = await database.db
		.select({ id: routines.id })
		.from(routines)
		.where(and(eq(routines.clinicId, clinicId), eq(routines.name, name)));
	return row!.id;
}

/** Archives the clinic's routine of that name, on the test's day. */
const archiveByName = async (name: string) =>
	archiveRoutine(database.db, clinicId, await routineIdOf(name), '2026-11-26');

async function sessionsOf(routineId: string) {
	const rows = await database.db
		.select({ session: classSessions })
		.from(classSessions)
		.innerJoin(routineVersions, eq(routineVersions.id, classSessions.routineVersionId))
		.where(eq(routineVersions.routineId, routineId))
		.orderBy(asc(classSessions.startsAt));
	return rows.map((row) => row.session);
}

describe('routine versions', () => {
	it('updates a routine no class used in place', async () => {
		const created = await createRoutine(database.db, clinicId, null, 'Fresh', '');
		expect(created.ok).toBe(true);
		if (!created.ok) return;
		const first = await saveRoutine(database.db, clinicId, null, created.id, input('Fresh'), null);
		const second = await saveRoutine(
			database.db,
			clinicId,
			null,
			created.id,
			{ ...input('Fresh', 60), transitionSeconds: 30 },
			null
		);
		expect(first).toMatchObject({ ok: true, version: 1, newVersion: false });
		expect(second).toMatchObject({ ok: true, version: 1, newVersion: false });
		const versions = await versionsOf(created.id);
		expect(versions).toHaveLength(1);
		const blocks = await database.db
			.select({ seconds: routineBlocks.seconds })
			.from(routineBlocks)
			.where(eq(routineBlocks.routineVersionId, versions[0]!.id))
			.orderBy(asc(routineBlocks.position));
		expect(blocks.map((b) => b.seconds)).toEqual([null, 60, null]);
		const loaded = await routineForEdit(database.db, clinicId, created.id);
		expect(loaded!.settings).toEqual({ transitionSeconds: 30, waitForDone: false });
	});

	it('keeps a past class on its version and moves classes not yet run to the new one', async () => {
		const routineId = await routineIdOf('Balance Basics');
		const sessions = await sessionsOf(routineId);
		expect(sessions.length).toBeGreaterThan(2);
		const [ran, running] = sessions;
		const oldVersionId = ran!.routineVersionId;
		await database.db
			.update(classSessions)
			.set({ status: 'completed', startedAt: clock, endedAt: clock })
			.where(eq(classSessions.id, ran!.id));
		await database.db
			.update(classSessions)
			.set({ status: 'cancelled' })
			.where(eq(classSessions.id, running!.id));
		const planBefore = await buildPlan(database.db, oldVersionId);

		const result = await saveRoutine(
			database.db,
			clinicId,
			null,
			routineId,
			input('Balance Basics'),
			null
		);
		expect(result).toMatchObject({ ok: true, version: 2, newVersion: true });
		const after = await sessionsOf(routineId);
		const newVersionId = (await versionsOf(routineId)).at(-1)!.id;

		const byId = new Map(after.map((s) => [s.id, s]));
		expect(byId.get(ran!.id)!.routineVersionId).toBe(oldVersionId);
		// A cancelled class did not run, but it will not run either: it keeps what it had.
		expect(byId.get(running!.id)!.routineVersionId).toBe(oldVersionId);
		const scheduled = after.filter((s) => s.status === 'scheduled');
		expect(scheduled.length).toBeGreaterThan(0);
		expect(scheduled.every((s) => s.routineVersionId === newVersionId)).toBe(true);
		if (result.ok) expect(result.movedSessions).toBe(scheduled.length);

		// The old version's blocks are untouched: a replay of the past class gives the same plan.
		expect(await buildPlan(database.db, oldVersionId)).toEqual(planBefore);
		expect((await buildPlan(database.db, newVersionId)).blocks).toHaveLength(3);
	});

	it('numbers versions upwards and never twice under concurrent saves', async () => {
		const routineId = await routineIdOf('Core Strength');
		const before = (await versionsOf(routineId)).at(-1)!.version;
		const results = await Promise.all(
			[30, 40, 50, 60].map((seconds) =>
				saveRoutine(database.db, clinicId, null, routineId, input('Core Strength', seconds), null)
			)
		);
		expect(results.every((r) => r.ok)).toBe(true);
		const versions = (await versionsOf(routineId)).map((v) => v.version);
		expect(new Set(versions).size).toBe(versions.length);
		// Scheduled classes used the first new version, so each later save made another one.
		expect(versions.at(-1)).toBeGreaterThan(before);
		expect(versions).toEqual([...versions].sort((a, b) => a - b));
	});

	it('refuses a save based on an older page, and changes nothing', async () => {
		const routineId = await routineIdOf('Aquatic Balance');
		const loaded = await routineForEdit(database.db, clinicId, routineId);
		const base = loaded!.revision;
		const first = await saveRoutine(
			database.db,
			clinicId,
			null,
			routineId,
			input('Aquatic Balance'),
			base
		);
		expect(first.ok).toBe(true);
		const versions = await versionsOf(routineId);
		const stale = await saveRoutine(
			database.db,
			clinicId,
			null,
			routineId,
			input('Aquatic Balance', 90),
			base
		);
		expect(stale).toMatchObject({ ok: false, conflict: true });
		expect(await versionsOf(routineId)).toEqual(versions);
	});

	it('refuses exercises of another clinic and a name another routine has', async () => {
		const routineId = await routineIdOf('Fresh');
		const bad = input('Balance Basics');
		bad.blocks[0] = {
			kind: 'exercise',
			phase: 'warm_up',
			exerciseId: '00000000-0000-4000-8000-000000000000',
			dosing: null
		};
		const result = await saveRoutine(database.db, clinicId, null, routineId, bad, null);
		expect(result).toMatchObject({
			ok: false,
			problems: {
				name: { code: 'routines.name-taken' },
				'blocks.0.exerciseId': { code: 'builder.exercise-unknown' }
			}
		});
	});

	it('archives only a routine no waiting class or ongoing series uses', async () => {
		const busy = await archiveByName('Core Strength');
		expect(busy.ok).toBe(false);
		const idle = await archiveByName('Fresh');
		expect(idle.ok).toBe(true);
		const again = await createRoutine(database.db, clinicId, null, 'Fresh', '');
		expect(again).toMatchObject({
			ok: false,
			problems: { name: { code: 'routines.name-taken-archived' } }
		});
	});

	it('stores the routine settings with the version, in place or in a new one', async () => {
		const routineId = await routineIdOf('Balance Basics');
		const settled = (await versionsOf(routineId)).at(-1)!;
		const withSettings: RoutineInput = {
			...input('Balance Basics'),
			transitionSeconds: 20,
			waitForDone: true
		};
		const saved = await saveRoutine(database.db, clinicId, null, routineId, withSettings, null);
		expect(saved).toMatchObject({ ok: true });
		const loaded = (await routineForEdit(database.db, clinicId, routineId))!;
		expect(loaded.settings).toEqual({ transitionSeconds: 20, waitForDone: true });
		expect(draftSettingsOf(loaded.settings)).toEqual({
			transition: 'on',
			transitionSeconds: '20',
			waitForDone: true
		});
		// Off again: stored as 0, and the builder offers its usual seconds for next time.
		const off = { ...withSettings, transitionSeconds: null, waitForDone: false };
		await saveRoutine(database.db, clinicId, null, routineId, off, null);
		const reloaded = (await routineForEdit(database.db, clinicId, routineId))!;
		expect(reloaded.settings).toEqual({ transitionSeconds: 0, waitForDone: false });
		expect(draftSettingsOf(reloaded.settings).transition).toBe('off');
		// The version the earlier test's scheduled classes moved to was used: new versions each time.
		expect((await versionsOf(routineId)).at(-1)!.version).toBeGreaterThan(settled.version);
	});

	it('previews the same plan a live class runs, Get ready and waits included', async () => {
		const routineId = await routineIdOf('Balance Basics');
		const [stand] = await database.db
			.select({ id: exercises.id })
			.from(exercises)
			.where(and(eq(exercises.clinicId, clinicId), eq(exercises.name, 'Sit-to-stand')));
		const blocks: RoutineInput['blocks'] = [
			{ kind: 'exercise', phase: 'warm_up', exerciseId: exerciseIds[0]!, dosing: null },
			{ kind: 'exercise', phase: 'main', exerciseId: stand!.id, dosing: null },
			{ kind: 'rest', phase: 'main', seconds: 30, label: '' },
			{ kind: 'exercise', phase: 'main', exerciseId: exerciseIds[1]!, dosing: null },
			{ kind: 'exercise', phase: 'cool_down', exerciseId: stand!.id, dosing: null }
		];
		const saved = await saveRoutine(
			database.db,
			clinicId,
			null,
			routineId,
			{ ...input('Balance Basics'), blocks, transitionSeconds: 12, waitForDone: true },
			null
		);
		expect(saved.ok).toBe(true);
		const loaded = (await routineForEdit(database.db, clinicId, routineId))!;
		const library = new Map(
			(await listExercises(database.db, clinicId)).map((e) => [e.id, e as unknown as PlanExercise])
		);
		const preview = planFromDraft(
			loaded.blocks.map(draftBlockOf),
			(id) => library.get(id),
			draftSettingsOf(loaded.settings)
		);
		const versionId = (await versionsOf(routineId)).at(-1)!.id;
		const live = await buildPlan(database.db, versionId);
		expect(preview).toEqual(live);
		expect(live.blocks.map((b) => b.kind)).toEqual([
			'exercise',
			'transition',
			'exercise',
			'rest',
			'exercise',
			'transition',
			'exercise'
		]);
		expect(live.blocks.filter((b) => b.kind === 'transition').map((b) => b.seconds)).toEqual([
			12, 12
		]);
		const stands = live.blocks.filter((b) => b.dosing?.kind === 'reps');
		expect(stands.length).toBeGreaterThan(0);
		expect(stands.every((b) => b.waitForDone === true)).toBe(true);
		expect(plannedTotalMs(preview)).toBeGreaterThan(0);
	});
});
