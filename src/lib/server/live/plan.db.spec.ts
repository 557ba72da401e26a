import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dosing } from '../../shared/dosing';
import {
	classState,
	expandBlock,
	plannedTotalMs,
	type LogEntry,
	type RoutinePlan
} from '../../shared/timeline';
import type { DatabaseHandle } from '../db/client';
import { routineBlocks, routines, routineVersions } from '../db/schema';
import { DEMO_ROUTINES, TRANSITION_SECONDS } from '../db/seed/demo-routines';
import { buildPlan, frozenPlan } from './plan';
import { newestVersion } from '../routines/routines';
import { demoClinicDatabase } from '../testing/demo-clinic';

/**
 * Issue 10's target: a class runs from Start to Class complete with no tap in between, unless a
 * block says "wait for Done". Checked on the plan a live class really gets (buildPlan) for every
 * demo routine, run by the same engine the wall and the phones use.
 */

let database: DatabaseHandle;
const T0 = Date.UTC(2026, 10, 26, 15);
const MARGIN_MS = 1000;
const start: LogEntry[] = [{ seq: 1, at: T0, command: { type: 'start' } }];

beforeAll(async () => {
	({ database } = await demoClinicDatabase(new Date(T0)));
});
afterAll(() => database.close());

/** The version of the demo routine called `name` that new classes run. */
async function newestVersionOf(name: string) {
	const [routine] = await database.db
		.select({ id: routines.id })
		.from(routines)
		.where(eq(routines.name, name));
	return (await newestVersion(database.db, routine!.id))!.id;
}

/** Every segment the class passes through after one 'start', sampled at each second. */
function kindsOnTheWay(plan: RoutinePlan, until: number) {
	const kinds = new Set<string>();
	for (let t = T0; t <= until; t += 1000) {
		const state = classState(plan, start, t);
		if (state.segment) kinds.add(state.segment.kind);
	}
	return kinds;
}

describe('every demo routine runs start to finish without a tap', () => {
	for (const { name } of DEMO_ROUTINES) {
		it(name, async () => {
			const plan = await buildPlan(database.db, await newestVersionOf(name));
			const total = plannedTotalMs(plan);
			expect(total, name).toBeGreaterThan(20 * 60_000);
			const segments = plan.blocks.flatMap(expandBlock);
			expect(
				segments.filter((s) => s.kind === 'manual'),
				name
			).toEqual([]);

			expect(classState(plan, start, T0 + total - 1).status, name).toBe('running');
			expect(classState(plan, start, T0 + total + MARGIN_MS), name).toMatchObject({
				status: 'finished',
				endedAt: T0 + total,
				progress: 1
			});
			const kinds = kindsOnTheWay(plan, T0 + total);
			expect(kinds.has('manual'), name).toBe(false);
			expect(kinds.has('transition'), name).toBe(true);
		});
	}

	it('counts a Balance Basics reps block down instead of waiting for one of its Done taps', async () => {
		const plan = await buildPlan(database.db, await newestVersionOf('Balance Basics'));
		const reps = plan.blocks.flatMap(expandBlock).filter((s) => s.kind === 'reps');
		expect(reps.length).toBeGreaterThanOrEqual(20);
		// The "Get ready" blocks the version's setting puts in, where the old transition blocks were:
		// before each exercise that follows an exercise.
		const steps = DEMO_ROUTINES.find((r) => r.name === 'Balance Basics')!.steps;
		const expected = steps.filter(
			(step, i) => 'exercise' in step && 'exercise' in (steps[i - 1] ?? {})
		);
		const getReady = plan.blocks.filter((b) => b.kind === 'transition');
		expect(getReady.length).toBe(expected.length);
		expect(getReady.length).toBeGreaterThan(10);
		for (const block of getReady) {
			expect(block).toMatchObject({ name: '', seconds: TRANSITION_SECONDS });
			expect(plan.blocks[plan.blocks.indexOf(block) + 1]).toMatchObject({
				kind: 'exercise',
				phase: block.phase,
				id: block.id.replace(/:get-ready$/, '')
			});
		}
	});
});

/** The first instant, after one 'start', at which the class sits in a manual segment. */
function firstWait(plan: RoutinePlan) {
	const total = plannedTotalMs(plan);
	for (let t = T0; t <= T0 + total; t += 1000) {
		const state = classState(plan, start, t);
		if (state.segment?.kind === 'manual') return { at: t, state };
	}
	return null;
}

/** A log with 'done' tapped the moment each wait reaches its planned length. */
function doneOnTime(plan: RoutinePlan): LogEntry[] {
	const log = [...start];
	const end = T0 + plannedTotalMs(plan);
	for (let t = T0; t <= end; t += 1000) {
		const state = classState(plan, log, t);
		if (state.segment?.kind !== 'manual') continue;
		const at = t + state.segment.plannedMs - state.segmentElapsedMs;
		log.push({ seq: log.length + 1, at, command: { type: 'done' } });
		t = at - 1000;
	}
	return log;
}

describe('waiting for Done', () => {
	it('stops at every reps block when the routine waits, until Done', async () => {
		const versionId = await newestVersionOf('Balance Basics');
		await database.db
			.update(routineVersions)
			.set({ waitForDone: true })
			.where(eq(routineVersions.id, versionId));
		const plan = await buildPlan(database.db, versionId);
		const waits = plan.blocks.flatMap(expandBlock).filter((s) => s.kind === 'manual');
		expect(waits.length).toBeGreaterThanOrEqual(20);
		expect(plan.blocks.flatMap(expandBlock).some((s) => s.kind === 'reps')).toBe(false);

		const wait = firstWait(plan)!;
		expect(wait).not.toBeNull();
		// An hour later it still waits there, counting up.
		const later = classState(plan, start, wait.at + 3_600_000);
		expect(later).toMatchObject({
			status: 'running',
			blockIndex: wait.state.blockIndex,
			segmentIndex: wait.state.segmentIndex,
			segmentRemainingMs: null
		});
		expect(later.segment?.kind).toBe('manual');
		const done: LogEntry[] = [...start, { seq: 2, at: wait.at, command: { type: 'done' } }];
		const after = classState(plan, done, wait.at);
		expect([after.blockIndex, after.segmentIndex]).not.toEqual([
			wait.state.blockIndex,
			wait.state.segmentIndex
		]);
		await database.db
			.update(routineVersions)
			.set({ waitForDone: false })
			.where(eq(routineVersions.id, versionId));
	});

	it('stops only at the block that says so', async () => {
		const versionId = await newestVersionOf('Core Strength');
		const blocks = await database.db
			.select({ id: routineBlocks.id, dosing: routineBlocks.dosing })
			.from(routineBlocks)
			.where(eq(routineBlocks.routineVersionId, versionId))
			.orderBy(asc(routineBlocks.position));
		const before = await buildPlan(database.db, versionId);
		const target = before.blocks.find((b) => b.kind === 'exercise' && b.dosing?.kind === 'reps')!;
		expect(target).toBeDefined();
		const own = { ...(target.dosing as Dosing), waitForDone: true };
		await database.db
			.update(routineBlocks)
			.set({ dosing: own })
			.where(and(eq(routineBlocks.id, target.id), eq(routineBlocks.routineVersionId, versionId)));
		expect(blocks.some((b) => b.id === target.id)).toBe(true);

		const plan = await buildPlan(database.db, versionId);
		const total = plannedTotalMs(plan);
		expect(total).toBe(plannedTotalMs(before));
		const wait = firstWait(plan)!;
		expect(wait.state.block?.id).toBe(target.id);
		expect(classState(plan, start, T0 + total + 600_000)).toMatchObject({
			status: 'running',
			block: { id: target.id }
		});
		// Done at each wait's planned end: the rest runs by itself and the class ends on time.
		expect(classState(plan, doneOnTime(plan), T0 + total + MARGIN_MS)).toMatchObject({
			status: 'finished',
			endedAt: T0 + total
		});
	});

	it('replays a plan frozen before reps moved on as it ran: every reps block waits', async () => {
		const plan = await buildPlan(database.db, await newestVersionOf('Aquatic Balance'));
		const legacy: RoutinePlan = {
			blocks: plan.blocks.map(({ waitForDone: _, ...block }) => block)
		};
		const replayed = frozenPlan(legacy);
		const repsBlocks = replayed.blocks.filter((b) => b.dosing?.kind === 'reps');
		expect(repsBlocks.length).toBeGreaterThan(0);
		expect(repsBlocks.every((b) => b.waitForDone === true)).toBe(true);
		// A plan made today is left as it is.
		expect(frozenPlan(plan)).toBe(plan);
	});
});
