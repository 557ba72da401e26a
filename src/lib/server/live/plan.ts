import { asc, eq } from 'drizzle-orm';
import type { Dosing, SupportTierCues } from '../../shared/dosing';
import type { PlanBlock, RoutinePlan } from '../../shared/timeline';
import type { Database } from '../db/client';
import { exercises, routineBlocks } from '../db/schema';

/**
 * The routine version a class runs, resolved into what the timeline needs: each block's own
 * dosing or its exercise's, and the cues the wall shows. Technician notes stay out: the plan
 * goes to displays too.
 */
export async function buildPlan(db: Database, routineVersionId: string): Promise<RoutinePlan> {
	const rows = await db
		.select({
			id: routineBlocks.id,
			kind: routineBlocks.kind,
			phase: routineBlocks.phase,
			seconds: routineBlocks.seconds,
			label: routineBlocks.label,
			blockDosing: routineBlocks.dosing,
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

	return {
		blocks: rows.map((row): PlanBlock => {
			if (row.kind === 'exercise') {
				return {
					id: row.id,
					kind: 'exercise',
					phase: row.phase,
					dosing: (row.blockDosing ?? row.exerciseDosing) as Dosing,
					name: row.exerciseName ?? 'Exercise',
					cue: row.cue ?? '',
					supportTiers: (row.supportTiers ?? {}) as SupportTierCues,
					...(row.mediaFile && row.mediaType
						? { media: { url: `/media/${row.mediaFile}`, type: row.mediaType } }
						: {})
				};
			}
			return {
				id: row.id,
				kind: row.kind,
				phase: row.phase,
				seconds: row.seconds ?? 0,
				name: row.label || (row.kind === 'rest' ? 'Rest' : 'Get ready'),
				cue: '',
				supportTiers: {}
			};
		})
	};
}
