import type { BlockKind, Phase } from '../domain';
import { getsReadyBefore, type Dosing, type SupportTierCues } from '../dosing';
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

/** A routine version's own settings, as stored (or as the builder's draft has them). */
export type RoutineSettings = {
	/** "Get ready" seconds before each exercise that follows another; 0 for none. */
	transitionSeconds: number;
	/** Every reps block waits for Done instead of moving on at its planned time. */
	waitForDone: boolean;
};

export const DEFAULT_ROUTINE_SETTINGS: RoutineSettings = {
	transitionSeconds: 0,
	waitForDone: false
};

/** The id of the "Get ready" the plan puts before an exercise block: stable across rebuilds. */
export const getReadyId = (exerciseBlockId: string) => `${exerciseBlockId}:get-ready`;

function exerciseBlock(
	block: SourceBlock,
	exercise: PlanExercise | undefined,
	settings: RoutineSettings
): PlanBlock {
	const dosing = block.dosing ?? exercise?.dosing;
	return {
		id: block.id,
		kind: 'exercise',
		phase: block.phase,
		dosing,
		name: exercise?.name ?? 'Exercise',
		cue: exercise?.displayCue ?? '',
		supportTiers: exercise?.supportTiers ?? {},
		...(exercise?.media ? { media: exercise.media } : {}),
		// Always set on reps blocks, false included: a frozen plan without it predates timed reps.
		...(dosing?.kind === 'reps'
			? { waitForDone: settings.waitForDone || dosing.waitForDone === true }
			: {})
	};
}

function pauseBlock(block: SourceBlock): PlanBlock {
	return {
		id: block.id,
		kind: block.kind,
		phase: block.phase,
		seconds: block.seconds ?? 0,
		// Unnamed pauses stay unnamed: blockName() words them in each reader's language.
		name: block.label ?? '',
		cue: '',
		supportTiers: {}
	};
}

/**
 * Resolves blocks into the plan the timeline runs. One function for the live class (from the
 * database) and the builder's preview (from unsaved edits), so both count the same time. The
 * routine's "Get ready" comes in here as transition blocks of its own, so block indexes in a
 * plan count them.
 */
export function planFromBlocks(
	blocks: readonly SourceBlock[],
	exerciseOf: (exerciseId: string) => PlanExercise | undefined,
	settings: RoutineSettings = DEFAULT_ROUTINE_SETTINGS
): RoutinePlan {
	const out: PlanBlock[] = [];
	blocks.forEach((block, index) => {
		if (block.kind !== 'exercise') {
			out.push(pauseBlock(block));
			return;
		}
		if (settings.transitionSeconds > 0 && getsReadyBefore(blocks, index)) {
			out.push({
				id: getReadyId(block.id),
				kind: 'transition',
				phase: block.phase,
				seconds: settings.transitionSeconds,
				name: '',
				cue: '',
				supportTiers: {}
			});
		}
		const exercise = block.exerciseId ? exerciseOf(block.exerciseId) : undefined;
		out.push(exerciseBlock(block, exercise, settings));
	});
	return { blocks: out };
}
