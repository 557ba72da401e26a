import { dosingSchema } from './dosing';
import { draftDosingInput, type DraftBlock } from './routine-draft';
import { planFromBlocks, type PlanExercise, type RoutinePlan } from './timeline';

/**
 * The plan the builder's edits would run, for the running total and the preview. A field
 * still being typed counts as the exercise's default (or no rest) until it makes sense; the
 * save refuses it by name.
 */
export function planFromDraft(
	blocks: readonly DraftBlock[],
	exerciseOf: (exerciseId: string) => PlanExercise | undefined
): RoutinePlan {
	return planFromBlocks(
		blocks.map((block) => {
			const own = block.dosing ? dosingSchema.safeParse(draftDosingInput(block.dosing)) : null;
			const seconds = Number(block.seconds);
			return {
				id: block.key,
				kind: block.kind,
				phase: block.phase,
				exerciseId: block.exerciseId || null,
				dosing: own?.success ? own.data : null,
				seconds: Number.isInteger(seconds) && seconds > 0 ? seconds : 0,
				label: block.label
			};
		}),
		exerciseOf
	);
}
