import type { RefusalCode } from '../refusals';
import type { Phase } from '../domain';
import type { Dosing, SupportTierCues } from '../dosing';

/** One block of a routine, already resolved: the exercise's dosing and cues are copied in. */
export type PlanBlock = {
	id: string;
	kind: 'exercise' | 'rest' | 'transition';
	phase: Phase;
	/** Length of a rest or transition block. */
	seconds?: number;
	/** Exercise blocks: the block's own dosing, else the exercise's default. */
	dosing?: Dosing;
	/** The exercise's name, a pause's own label, or '' for a pause nobody named (blockName()). */
	name: string;
	/** Short display cue; '' for rest. */
	cue: string;
	supportTiers: SupportTierCues;
	/** Exercise blocks: a picture or short looping video the wall shows beside the cue. */
	media?: PlanMedia;
	/**
	 * Exercise blocks with reps dosing: true when the block waits for Done (the routine or the
	 * block asked for it), false or absent when it moves on at its planned time by itself.
	 */
	waitForDone?: boolean;
};

/** A file served from /media to displays without sign-in; `type` was checked at upload. */
export type PlanMedia = { url: string; type: string };

export type RoutinePlan = { blocks: PlanBlock[] };

export type Command =
	| { type: 'start' }
	| { type: 'pause' }
	| { type: 'resume' }
	/** To the start of the next block; after the last block the class is finished. */
	| { type: 'next' }
	/** To the start of the current block, or of the previous one within 2 s of this one's start. */
	| { type: 'back' }
	/** Ends the current reps segment: early when it is timed, at all when it waits for Done. */
	| { type: 'done' }
	/** Lengthens (or shortens) the current timed segment; an integer in -600..600, not 0. */
	| { type: 'extend'; seconds: number }
	| { type: 'jump'; blockIndex: number }
	/** Staff closed the class. */
	| { type: 'end' }
	/** Emergency stop: time freezes; only 'resume' or 'end' apply afterwards. */
	| { type: 'stop' };

/** One accepted command; `at` is server epoch ms. */
export type LogEntry = { seq: number; at: number; command: Command };

/**
 * 'reps': one side of one set of a reps dose, timed at reps x secondsPerRep; 'done' ends it
 * early. 'manual': the same when the block waits for Done: no end in time, only 'done' ends it.
 */
export type SegmentKind =
	| 'work'
	| 'hold'
	| 'reps'
	| 'rep_rest'
	| 'switch_sides'
	| 'set_rest'
	| 'rest'
	| 'transition'
	| 'manual';

export type Segment = {
	kind: SegmentKind;
	/** null for a manual segment: it waits for 'done' however long it takes. */
	durationMs: number | null;
	/** What the plan expects; a reps or manual segment counts reps x secondsPerRep. */
	plannedMs: number;
	set: number;
	sets: number;
	side: 'left' | 'right' | null;
	rep: number | null;
	reps: number | null;
};

export type ClassStatus = 'not_started' | 'running' | 'paused' | 'stopped' | 'finished' | 'ended';

export type ClassState = {
	status: ClassStatus;
	/** 0 before the start; the last block once finished. */
	blockIndex: number;
	/** The current block (the first one before the start); null only for an empty plan. */
	block: PlanBlock | null;
	phase: Phase | null;
	/** null when not started, finished or ended. Kind 'manual': waiting for Done. */
	segment: Segment | null;
	segmentIndex: number;
	/** Counts up, in manual segments too. */
	segmentElapsedMs: number;
	/** null when there is no segment or it is manual; never negative. */
	segmentRemainingMs: number | null;
	/** Including extensions; null when there is no segment or it is manual. */
	segmentDurationMs: number | null;
	/** What is left of this block (a manual segment counts max(0, planned - elapsed)). */
	blockRemainingMs: number;
	next: { blockIndex: number; name: string; kind: PlanBlock['kind'] } | null;
	/** The next exercise block after the current one: what "Next: ..." shows on a rest. */
	nextExercise: { blockIndex: number; name: string } | null;
	/** Class time since the start, pauses and stops excluded. */
	elapsedMs: number;
	totalRemainingMs: number;
	/** 0..1, position in the plan by planned time; 1 once finished. */
	progress: number;
	startedAt: number | null;
	/** When 'end' came, or the instant the last segment finished. */
	endedAt: number | null;
};

export type Applicability = { ok: true } | { ok: false; code: RefusalCode };
