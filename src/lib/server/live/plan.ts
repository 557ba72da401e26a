import { asc, eq } from 'drizzle-orm';
import type { Dosing, SupportTierCues } from '../../shared/dosing';
import {
	planFromBlocks,
	type PlanExercise,
	type RoutinePlan,
	type RoutineSettings
} from '../../shared/timeline';
import type { Database } from '../db/client';
import { exercises, routineBlocks, routineVersions } from '../db/schema';

/**
 * The routine version a class runs, resolved into what the timeline needs: each block's own
 * dosing or its exercise's, the version's "Get ready" and wait-for-Done settings, and the cues
 * the wall shows. Technician notes stay out: the plan goes to displays too. The resolving itself
 * is planFromBlocks, which the builder's preview shares.
 */
export async function buildPlan(db: Database, routineVersionId: string): Promise<RoutinePlan> {
	const [settings] = await db
		.select({
			transitionSeconds: routineVersions.transitionSeconds,
			waitForDone: routineVersions.waitForDone
		})
		.from(routineVersions)
		.where(eq(routineVersions.id, routineVersionId));
	const rows = await db
		.select({
			id: routineBlocks.id,
			kind: routineBlocks.kind,
			phase: routineBlocks.phase,
			seconds: routineBlocks.seconds,
			label: routineBlocks.label,
			dosing: routineBlocks.dosing,
			exerciseId: routineBlocks.exerciseId,
			exerciseName: exercises.name,
			exerciseDosing: exercises.dosing,
			cue: exercises.displayCue,
			supportTiers: exercises.supportTiers,
			mediaFile: exercises.mediaFile,
			mediaType: exercises.mediaType
		})
		.from(routineBlocks)
		.leftJoin(exercises, eq(exercises.id, routineBlocks.exerciseId))
		.where(eq(routineBlocks.routineVersionId, routineVersionId))
		.orderBy(asc(routineBlocks.position));

	const byId = new Map<string, PlanExercise>();
	for (const row of rows) {
		if (!row.exerciseId || row.exerciseName === null) continue;
		byId.set(row.exerciseId, {
			name: row.exerciseName,
			displayCue: row.cue ?? '',
			dosing: row.exerciseDosing as Dosing,
			supportTiers: (row.supportTiers ?? {}) as SupportTierCues,
			...(row.mediaFile && row.mediaType
				? { media: { url: `/media/${row.mediaFile}`, type: row.mediaType } }
				: {})
		});
	}
	const versionSettings: RoutineSettings = settings ?? { transitionSeconds: 0, waitForDone: false };
	return planFromBlocks(rows, (id) => byId.get(id), versionSettings);
}

/**
 * A plan as frozen in class_sessions.plan. Plans frozen before reps blocks moved on by
 * themselves have reps blocks without a waitForDone: those classes ran waiting for Done at every
 * reps block, and must replay so (a class live across the upgrade, reports of classes that ran),
 * or their logged Done taps would land on other segments.
 */
export function frozenPlan(plan: RoutinePlan): RoutinePlan {
	const legacy = plan.blocks.some(
		(block) =>
			block.kind === 'exercise' && block.dosing?.kind === 'reps' && block.waitForDone === undefined
	);
	if (!legacy) return plan;
	return {
		...plan,
		blocks: plan.blocks.map((block) =>
			block.kind === 'exercise' && block.dosing?.kind === 'reps'
				? { ...block, waitForDone: true }
				: block
		)
	};
}
