import type { MessageKey } from '../i18n/translate';
import type { ClassState } from '../shared/timeline';

/** Sounds the display plays; each has a caption, so no cue is sound-only. */
export type CueKind = 'tick' | 'go' | 'halfway' | 'switch' | 'rest' | 'next' | 'complete';

export const CUE_CAPTIONS: Record<CueKind, MessageKey | null> = {
	tick: null,
	go: 'display.cue.go',
	halfway: 'display.cue.halfway',
	switch: 'display.cue.switch',
	rest: 'display.cue.rest',
	next: 'display.cue.next',
	complete: 'display.cue.complete'
};

const WORKING = new Set(['work', 'hold', 'reps', 'manual']);
/** Long work a halfway cue helps pace: timed bouts, and reps blocks that move on by time. */
const PACED = new Set(['work', 'reps']);
const RESTING = new Set(['rest', 'rep_rest', 'set_rest']);

/**
 * What changed between two frames that deserves a cue. Pure: the display calls it every frame
 * with the previous and the current state, and plays what comes back.
 */
export function cuesBetween(before: ClassState | null, after: ClassState): CueKind[] {
	if (!before) return [];
	if (after.status === 'finished' && before.status !== 'finished') return ['complete'];
	if (after.status !== 'running' || !after.segment) return [];

	const sameSegment =
		before.status === 'running' &&
		before.blockIndex === after.blockIndex &&
		before.segmentIndex === after.segmentIndex;

	if (!sameSegment) {
		const kind = after.segment.kind;
		if (kind === 'switch_sides') return ['switch'];
		if (kind === 'transition') return ['next'];
		if (RESTING.has(kind)) return ['rest'];
		if (WORKING.has(kind)) return ['go'];
		return [];
	}

	const cues: CueKind[] = [];
	const duration = after.segmentDurationMs;
	const left = after.segmentRemainingMs;
	const wasLeft = before.segmentRemainingMs;
	if (duration !== null && left !== null && wasLeft !== null) {
		// 3-2-1 before the segment ends.
		for (const mark of [3000, 2000, 1000]) {
			if (wasLeft > mark && left <= mark && duration > 4000) cues.push('tick');
		}
		const half = duration / 2;
		if (PACED.has(after.segment.kind) && duration >= 20_000 && wasLeft > half && left <= half) {
			cues.push('halfway');
		}
	}
	return cues;
}
