/**
 * The class timeline: a routine plan plus the log of accepted commands give, for any instant,
 * where the class is. Pure, so the server, the wall and every phone compute the same state.
 */
export { expandBlock, plannedTotalMs } from './segments';
export { applicable, classState } from './state';
export { blockName } from './block-name';
export {
	DEFAULT_ROUTINE_SETTINGS,
	getReadyId,
	planFromBlocks,
	type PlanExercise,
	type RoutineSettings,
	type SourceBlock
} from './plan-from-blocks';
export type {
	Applicability,
	ClassState,
	ClassStatus,
	Command,
	LogEntry,
	PlanBlock,
	PlanMedia,
	RoutinePlan,
	Segment,
	SegmentKind
} from './types';
