import type { MessageKey, Translate } from '$lib/i18n/translate';
import { formatClock } from '$lib/shared/format';
import { blockName, type ClassState } from '$lib/shared/timeline';

/** What the wall calls the in-between segments (running-screen.svelte on the display). */
const SEGMENT_TITLES: Partial<Record<string, MessageKey>> = {
	rep_rest: 'controller.segment.rest',
	set_rest: 'controller.segment.set-rest',
	switch_sides: 'controller.segment.switch-sides',
	transition: 'controller.segment.get-ready'
};

const RESTING = new Set(['rep_rest', 'set_rest', 'switch_sides', 'rest', 'transition']);

/** A segment with no duration waits for Done (kind 'manual'); timed reps move on by themselves. */
export const waitsForDone = (state: ClassState | null): boolean =>
	state?.status === 'running' || state?.status === 'paused'
		? state.segment?.durationMs === null
		: false;

export const isResting = (state: ClassState): boolean =>
	!!state.segment && RESTING.has(state.segment.kind);

/** The in-between segment's title, in the reader's words; the block's own name otherwise. */
export function segmentTitle(
	state: ClassState,
	t: Translate,
	name = state.block ? blockName(state.block, t) : undefined
): string {
	const title = state.segment && SEGMENT_TITLES[state.segment.kind];
	return title ? t(title) : (name ?? '');
}

/** The wall's clock: counts up while waiting for Done, else down. */
export function segmentClock(state: ClassState): string {
	return state.segment?.durationMs === null
		? formatClock(state.segmentElapsedMs)
		: formatClock(state.segmentRemainingMs ?? 0);
}

/** 0..1 of the segment left, for a ring; full while waiting for Done. */
export function segmentFraction(state: ClassState): number {
	if (!state.segmentDurationMs) return 1;
	return (state.segmentRemainingMs ?? 0) / state.segmentDurationMs;
}

export type Detail = { key: 'side' | 'set' | 'hold' | 'reps'; text: string };

/** Side, set, hold and rep count of the current segment, in the order the wall shows them. */
export function segmentDetails(state: ClassState, t: Translate): Detail[] {
	const segment = state.segment;
	if (!segment) return [];
	const details: Detail[] = [];
	if (segment.side) {
		details.push({
			key: 'side',
			text: t(segment.side === 'left' ? 'controller.side.left' : 'controller.side.right')
		});
	}
	if (segment.sets > 1) {
		details.push({
			key: 'set',
			text: t('controller.set-of', { set: segment.set, sets: segment.sets })
		});
	}
	if (segment.kind === 'hold' && segment.reps && segment.rep) {
		details.push({
			key: 'hold',
			text: t('controller.hold-of', { rep: segment.rep, reps: segment.reps })
		});
	} else if (segment.kind === 'rep_rest' && segment.reps && segment.rep) {
		details.push({
			key: 'hold',
			text: t('controller.after-hold-of', { rep: segment.rep, reps: segment.reps })
		});
	} else if (segment.reps && !isResting(state)) {
		details.push({ key: 'reps', text: t('controller.reps', { reps: segment.reps }) });
	}
	return details;
}
