import { SUPPORT_TIERS } from '$lib/shared/domain';
import { formatClock } from '$lib/shared/format';
import type { ClassState, PlanBlock, RoutinePlan } from '$lib/shared/timeline';

/**
 * What the wall shows for one instant of a class, in words: the title, what sits in the ring,
 * and which exercise the cue, picture and tiers belong to. Pure, so every segment kind is
 * checked without a browser.
 */

const SEGMENT_TITLES: Partial<Record<string, string>> = {
	rep_rest: 'Rest',
	set_rest: 'Rest between sets',
	switch_sides: 'Switch sides',
	transition: 'Get ready'
};

/** Breaks inside an exercise: the exercise carries on after them. */
const PAUSES_IN_EXERCISE = new Set(['rep_rest', 'set_rest', 'switch_sides']);
/** Blocks of their own between exercises: they show what comes next. */
const BETWEEN_EXERCISES = new Set(['rest', 'transition']);

const TIER_LABELS = { seated: 'Seated', supported: 'Supported', standing: 'Standing' } as const;

/**
 * The ring's content. `clock`: the countdown large, with at most one short line under it.
 * `reps`: "10 reps · LEFT" with the time left small ('reps', timed) or no clock at all
 * ('manual', waits for Done): never a clock counting up.
 */
export type RingFace =
	| { kind: 'clock'; clock: string; line: string | null }
	| { kind: 'reps'; label: string; clock: string | null; line: string | null };

export type SegmentFace = {
	title: string;
	/** Rest and Get ready: yellow title and ring, the next exercise in the body. */
	resting: boolean;
	ring: RingFace;
	/** 0..1 of the segment left; 1 while waiting for Done. */
	fraction: number;
	/** The exercise whose cue, picture and tiers the body shows (null: nothing to show). */
	about: PlanBlock | null;
	/**
	 * Beside the title: on Rest and Get ready the next exercise ("Next: Calf raises"); in a rest
	 * or a side switch inside an exercise, that exercise's own name.
	 */
	aside: { next: boolean; name: string } | null;
	/** Under the ring during an exercise; null on Rest and Get ready (the title line says it). */
	next: string | null;
	/** "Set 1 of 2" above the cue when the dose has sets. */
	setLine: string | null;
	cue: string;
	tiers: string[];
};

const sideWord = (side: 'left' | 'right' | null) => (side ? side.toUpperCase() : null);

const joined = (...parts: (string | null)[]) => {
	const kept = parts.filter((part): part is string => !!part);
	return kept.length ? kept.join(' · ') : null;
};

function ringFace(state: ClassState): RingFace {
	const segment = state.segment;
	const clock = formatClock(state.segmentRemainingMs ?? 0);
	if (!segment) return { kind: 'clock', clock, line: null };
	const side = sideWord(segment.side);
	switch (segment.kind) {
		case 'reps':
		case 'manual': {
			const label = joined(segment.reps ? `${segment.reps} reps` : 'Reps', side)!;
			return segment.kind === 'reps'
				? { kind: 'reps', label, clock, line: null }
				: { kind: 'reps', label, clock: null, line: 'Go at your own pace' };
		}
		case 'hold':
			return {
				kind: 'clock',
				clock,
				line: joined(
					segment.rep && segment.reps ? `hold ${segment.rep} of ${segment.reps}` : null,
					side
				)
			};
		case 'rep_rest':
			return {
				kind: 'clock',
				clock,
				line:
					segment.rep && segment.reps ? `next: hold ${segment.rep + 1} of ${segment.reps}` : null
			};
		case 'set_rest':
			return { kind: 'clock', clock, line: `next: set ${segment.set + 1} of ${segment.sets}` };
		default:
			return { kind: 'clock', clock, line: side };
	}
}

function tierLabels(block: PlanBlock | null): string[] {
	if (!block) return [];
	return SUPPORT_TIERS.filter((tier) => block.supportTiers[tier]).map((tier) => TIER_LABELS[tier]);
}

export function segmentFace(state: ClassState, plan: RoutinePlan | null = null): SegmentFace {
	const segment = state.segment;
	const block = state.block;
	const kind = segment?.kind ?? 'work';
	const between = BETWEEN_EXERCISES.has(kind);
	const resting = between || PAUSES_IN_EXERCISE.has(kind);
	// The display holds the plan; the builder's preview may not, and then names the next only.
	const nextBlock =
		between && state.nextExercise ? (plan?.blocks[state.nextExercise.blockIndex] ?? null) : null;
	const about = between ? nextBlock : block?.kind === 'exercise' ? block : null;
	const cue = kind === 'switch_sides' ? 'Same exercise, other side.' : about ? about.cue : '';
	const title = (segment && SEGMENT_TITLES[segment.kind]) ?? block?.name ?? '';
	const fraction =
		!state.segmentDurationMs || state.segmentRemainingMs === null
			? 1
			: state.segmentRemainingMs / state.segmentDurationMs;
	return {
		title,
		resting,
		ring: ringFace(state),
		fraction,
		about,
		aside: between
			? state.nextExercise
				? { next: true, name: state.nextExercise.name }
				: null
			: resting && block
				? { next: false, name: block.name }
				: null,
		next: between ? null : (state.nextExercise?.name ?? null),
		setLine:
			segment && segment.sets > 1 && !between ? `Set ${segment.set} of ${segment.sets}` : null,
		cue,
		tiers: tierLabels(about)
	};
}
