import type { BlockKind, Phase } from '../domain';
import type { Dosing, SupportTierCues } from '../dosing';
import type { PlanBlock, PlanMedia, RoutinePlan } from './types';

/** A routine block as stored (or as the builder holds it before saving). */
export type SourceBlock = {
	id: string;
	kind: BlockKind;
	phase: Phase;
	exerciseId?: string | null;
	/** The block's own dosing; null means the exercise's default. */
	dosing?: Dosing | null;
	seconds?: number | null;
	label?: string;
};

/** What the wall may show of an exercise: never the technician notes. */
export type PlanExercise = {
	name: string;
	displayCue: string;
	dosing: Dosing;
	supportTiers: SupportTierCues;
	/** The picture or looping video shown beside the cue, if the exercise has one. */
	media?: PlanMedia;
};

/**
 * Resolves blocks into the plan the timeline runs. One function for the live class (from the
 * database) and the builder's preview (from unsaved edits), so both count the same time.
 */
export function planFromBlocks(
	blocks: readonly SourceBlock[],
	exerciseOf: (exerciseId: string) => PlanExercise | undefined
): RoutinePlan {
	return {
		blocks: blocks.map((block): PlanBlock => {
			if (block.kind === 'exercise') {
				const exercise = block.exerciseId ? exerciseOf(block.exerciseId) : undefined;
				return {
					id: block.id,
					kind: 'exercise',
					phase: block.phase,
					dosing: block.dosing ?? exercise?.dosing,
					name: exercise?.name ?? 'Exercise',
					cue: exercise?.displayCue ?? '',
					supportTiers: exercise?.supportTiers ?? {},
					...(exercise?.media ? { media: exercise.media } : {})
				};
			}
			return {
				id: block.id,
				kind: block.kind,
				phase: block.phase,
				seconds: block.seconds ?? 0,
				name: block.label || (block.kind === 'rest' ? 'Rest' : 'Get ready'),
				cue: '',
				supportTiers: {}
			};
		})
	};
}
