import { dosingSchema } from './dosing';
import { draftDosingInput, type DraftBlock, type DraftSettings } from './routine-draft';
import {
	DEFAULT_ROUTINE_SETTINGS,
	planFromBlocks,
	type PlanExercise,
	type RoutinePlan,
	type RoutineSettings
} from './timeline';

/** The draft's settings as the plan reads them: "Get ready" seconds still being typed count as none. */
export function settingsFromDraft(draft: DraftSettings): RoutineSettings {
	const seconds = Number(draft.transitionSeconds);
	const usable =
		draft.transition === 'on' &&
		draft.transitionSeconds.trim() !== '' &&
		Number.isInteger(seconds) &&
		seconds >= 1 &&
		seconds <= 120;
	return { transitionSeconds: usable ? seconds : 0, waitForDone: draft.waitForDone };
}

/**
 * The plan the builder's edits would run, for the running total and the preview. A field
 * still being typed counts as the exercise's default (or no rest) until it makes sense; the
 * save refuses it by name.
 */
export function planFromDraft(
	blocks: readonly DraftBlock[],
	exerciseOf: (exerciseId: string) => PlanExercise | undefined,
	settings: DraftSettings | null = null
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
		exerciseOf,
		settings ? settingsFromDraft(settings) : DEFAULT_ROUTINE_SETTINGS
	);
}
