import { translator, type MessageKey, type Translate } from '$lib/i18n/translate';
import { SUPPORT_TIERS } from '$lib/shared/domain';
import { formatClock } from '$lib/shared/format';
import { blockName, type ClassState, type PlanBlock, type RoutinePlan } from '$lib/shared/timeline';

/**
 * What the wall shows for one instant of a class, in words: the title, what sits in the ring,
 * and which exercise the cue, picture and tiers belong to. Pure, so every segment kind is
 * checked without a browser.
 */

const SEGMENT_TITLES: Partial<Record<string, MessageKey>> = {
	rep_rest: 'display.segment.rest',
	set_rest: 'display.segment.set-rest',
	switch_sides: 'display.segment.switch-sides',
	transition: 'display.segment.get-ready'
};

/** Breaks inside an exercise: the exercise carries on after them. */
const PAUSES_IN_EXERCISE = new Set(['rep_rest', 'set_rest', 'switch_sides']);
/** Blocks of their own between exercises: they show what comes next. */
const BETWEEN_EXERCISES = new Set(['rest', 'transition']);

const TIER_LABELS = {
	seated: 'display.tier.seated',
	supported: 'display.tier.supported',
	standing: 'display.tier.standing'
} as const satisfies Record<string, MessageKey>;

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

const sideWord = (t: Translate, side: 'left' | 'right' | null) =>
	side ? t(side === 'left' ? 'display.side.left' : 'display.side.right') : null;

const joined = (...parts: (string | null)[]) => {
	const kept = parts.filter((part): part is string => !!part);
	return kept.length ? kept.join(' · ') : null;
};

function ringFace(state: ClassState, t: Translate): RingFace {
	const segment = state.segment;
	const clock = formatClock(state.segmentRemainingMs ?? 0);
	if (!segment) return { kind: 'clock', clock, line: null };
	const side = sideWord(t, segment.side);
	switch (segment.kind) {
		case 'reps':
		case 'manual': {
			const reps = segment.reps
				? t('display.reps-count', { reps: segment.reps })
				: t('display.reps');
			const label = joined(reps, side)!;
			return segment.kind === 'reps'
				? { kind: 'reps', label, clock, line: null }
				: { kind: 'reps', label, clock: null, line: t('display.own-pace') };
		}
		case 'hold':
			return {
				kind: 'clock',
				clock,
				line: joined(
					segment.rep && segment.reps
						? t('display.hold-of', { rep: segment.rep, reps: segment.reps })
						: null,
					side
				)
			};
		case 'rep_rest':
			return {
				kind: 'clock',
				clock,
				line:
					segment.rep && segment.reps
						? t('display.next-hold', { rep: segment.rep + 1, reps: segment.reps })
						: null
			};
		case 'set_rest':
			return {
				kind: 'clock',
				clock,
				line: t('display.next-set', { set: segment.set + 1, sets: segment.sets })
			};
		default:
			return { kind: 'clock', clock, line: side };
	}
}

function tierLabels(block: PlanBlock | null, t: Translate): string[] {
	if (!block) return [];
	return SUPPORT_TIERS.filter((tier) => block.supportTiers[tier]).map((tier) =>
		t(TIER_LABELS[tier])
	);
}

/** `t` speaks the class's language; the builder's preview and the tests use English. */
export function segmentFace(
	state: ClassState,
	plan: RoutinePlan | null = null,
	t: Translate = translator('en')
): SegmentFace {
	const segment = state.segment;
	const block = state.block;
	const kind = segment?.kind ?? 'work';
	const between = BETWEEN_EXERCISES.has(kind);
	const resting = between || PAUSES_IN_EXERCISE.has(kind);
	// The display holds the plan; the builder's preview may not, and then names the next only.
	const nextBlock =
		between && state.nextExercise ? (plan?.blocks[state.nextExercise.blockIndex] ?? null) : null;
	const about = between ? nextBlock : block?.kind === 'exercise' ? block : null;
	const cue = kind === 'switch_sides' ? t('display.other-side') : about ? about.cue : '';
	const titleKey = segment && SEGMENT_TITLES[segment.kind];
	const title = titleKey ? t(titleKey) : block ? blockName(block, t) : '';
	const fraction =
		!state.segmentDurationMs || state.segmentRemainingMs === null
			? 1
			: state.segmentRemainingMs / state.segmentDurationMs;
	return {
		title,
		resting,
		ring: ringFace(state, t),
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
			segment && segment.sets > 1 && !between
				? t('display.set-of', { set: segment.set, sets: segment.sets })
				: null,
		cue,
		tiers: tierLabels(about, t)
	};
}
