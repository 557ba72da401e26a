import type { Dosing } from '../dosing';
import { SWITCH_SIDES_SECONDS } from '../dosing';
import type { PlanBlock, RoutinePlan, Segment, SegmentKind } from './types';

const isWaitingDosing = (dosing: Dosing) => dosing.kind === 'reps' && dosing.waitForDone === true;

type Place = Pick<Segment, 'set' | 'sets' | 'side' | 'rep' | 'reps'>;

function timed(kind: SegmentKind, seconds: number, place: Place): Segment {
	const ms = seconds * 1000;
	return { kind, durationMs: ms, plannedMs: ms, ...place };
}

/** One side of one set: the part a per-side dose repeats. */
function sideSegments(
	dosing: Dosing,
	set: number,
	side: Segment['side'],
	waitForDone: boolean
): Segment[] {
	const place: Place = { set, sets: dosing.sets, side, rep: null, reps: null };
	switch (dosing.kind) {
		case 'timed':
			return [timed('work', dosing.seconds, place)];
		case 'reps': {
			const repsPlace = { ...place, reps: dosing.reps };
			const seconds = dosing.reps * dosing.secondsPerRep;
			if (!waitForDone) return [timed('reps', seconds, repsPlace)];
			return [{ kind: 'manual', durationMs: null, plannedMs: seconds * 1000, ...repsPlace }];
		}
		case 'hold': {
			const out: Segment[] = [];
			for (let rep = 1; rep <= dosing.reps; rep++) {
				const repPlace = { ...place, rep, reps: dosing.reps };
				out.push(timed('hold', dosing.holdSeconds, repPlace));
				if (rep < dosing.reps && dosing.restBetweenRepsSeconds > 0) {
					out.push(timed('rep_rest', dosing.restBetweenRepsSeconds, repPlace));
				}
			}
			return out;
		}
	}
}

function dosingSegments(dosing: Dosing, waitForDone: boolean): Segment[] {
	const out: Segment[] = [];
	for (let set = 1; set <= dosing.sets; set++) {
		const place: Place = { set, sets: dosing.sets, side: null, rep: null, reps: null };
		if (dosing.perSide) {
			out.push(...sideSegments(dosing, set, 'left', waitForDone));
			out.push(timed('switch_sides', SWITCH_SIDES_SECONDS, place));
			out.push(...sideSegments(dosing, set, 'right', waitForDone));
		} else {
			out.push(...sideSegments(dosing, set, null, waitForDone));
		}
		if (set < dosing.sets && dosing.restBetweenSetsSeconds > 0) {
			out.push(timed('set_rest', dosing.restBetweenSetsSeconds, place));
		}
	}
	return out;
}

/**
 * The ordered segments a block runs through. An exercise block without dosing has none (the
 * engine passes straight over it); a rest or transition of 0 s is one segment that is over
 * the instant it begins, so plannedRoutineSeconds and the engine agree on every plan.
 */
export function expandBlock(block: PlanBlock): Segment[] {
	if (block.kind === 'exercise') {
		if (!block.dosing) return [];
		// The block's flag is what planFromBlocks decided; the dosing's own is honoured too, so a
		// hand-made plan cannot lose a "wait for Done" that its dosing asked for.
		const waits = block.waitForDone === true || isWaitingDosing(block.dosing);
		return dosingSegments(block.dosing, waits);
	}
	const seconds = block.seconds ?? 0;
	// A bad length must not make time run backwards; treat it as no rest at all.
	const safe = Number.isFinite(seconds) && seconds > 0 ? seconds : 0;
	return [timed(block.kind, safe, { set: 1, sets: 1, side: null, rep: null, reps: null })];
}

export function segmentsPlannedMs(segments: Segment[]): number {
	return segments.reduce((total, segment) => total + segment.plannedMs, 0);
}

/** The whole class by the plan: reps and manual segments count reps x secondsPerRep. */
export function plannedTotalMs(plan: RoutinePlan): number {
	return plan.blocks.reduce((total, block) => total + segmentsPlannedMs(expandBlock(block)), 0);
}
