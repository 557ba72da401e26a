import { describe, expect, it } from 'vitest';
import type { ClassState, PlanBlock, RoutinePlan, Segment } from '$lib/shared/timeline';
import { segmentFace } from './segment-face';
import { translator } from '$lib/i18n/translate';

const block = (id: string, kind: PlanBlock['kind'], extra: Partial<PlanBlock> = {}): PlanBlock => ({
	id,
	kind,
	phase: 'main',
	name: id,
	cue: '',
	supportTiers: {},
	...extra
});

const plan: RoutinePlan = {
	blocks: [
		block('Ankle circles', 'exercise', {
			cue: 'Draw slow circles.',
			supportTiers: { seated: 'Sit tall', standing: 'Hold the chair' },
			media: { url: '/media/ankle.png', type: 'image/png' }
		}),
		// Pauses nobody named carry no name: the wall words them in the class's language.
		block('get-ready', 'transition', { seconds: 10, name: '' }),
		block('Calf raises', 'exercise', {
			cue: 'Rise onto your toes.',
			supportTiers: { supported: 'Hold the chair', standing: 'Hands free' },
			media: { url: '/media/calf.mp4', type: 'video/mp4' }
		}),
		block('rest', 'rest', { seconds: 45, name: '' })
	]
};

const segment = (kind: Segment['kind'], extra: Partial<Segment> = {}): Segment => ({
	kind,
	durationMs: kind === 'manual' ? null : 30_000,
	plannedMs: 30_000,
	set: 1,
	sets: 1,
	side: null,
	rep: null,
	reps: null,
	...extra
});

function at(blockIndex: number, current: Segment, extra: Partial<ClassState> = {}): ClassState {
	const timed = current.durationMs !== null;
	return {
		status: 'running',
		blockIndex,
		block: plan.blocks[blockIndex]!,
		phase: 'main',
		segment: current,
		segmentIndex: 0,
		segmentElapsedMs: 12_000,
		segmentRemainingMs: timed ? 18_000 : null,
		segmentDurationMs: timed ? 30_000 : null,
		blockRemainingMs: 18_000,
		next: null,
		nextExercise: blockIndex < 2 ? { blockIndex: 2, name: 'Calf raises' } : null,
		elapsedMs: 60_000,
		totalRemainingMs: 600_000,
		progress: 0.1,
		startedAt: 0,
		endedAt: null,
		...extra
	};
}

describe('the wall for each kind of segment', () => {
	it('timed work: the countdown, the side under it, the exercise and what comes next', () => {
		const face = segmentFace(at(0, segment('work', { side: 'left' })), plan);
		expect(face.ring).toEqual({ kind: 'clock', clock: '0:18', line: 'LEFT' });
		expect(face.title).toBe('Ankle circles');
		expect(face.resting).toBe(false);
		expect(face.fraction).toBeCloseTo(0.6);
		expect(face.cue).toBe('Draw slow circles.');
		expect(face.tiers).toEqual(['Seated', 'Standing']);
		expect(face.about?.media?.url).toBe('/media/ankle.png');
		expect(face.next).toBe('Calf raises');
		expect(face.aside).toBeNull();
	});

	it('timed reps: "10 reps · LEFT" with the time left small, never a clock counting up', () => {
		const face = segmentFace(at(0, segment('reps', { reps: 10, side: 'left' })), plan);
		expect(face.ring).toEqual({ kind: 'reps', label: '10 reps · LEFT', clock: '0:18', line: null });
		expect(face.fraction).toBeCloseTo(0.6);
	});

	it('reps that wait for Done: the count and no clock at all, the ring full', () => {
		const face = segmentFace(at(0, segment('manual', { reps: 12 })), plan);
		expect(face.ring).toEqual({
			kind: 'reps',
			label: '12 reps',
			clock: null,
			line: 'Go at your own pace'
		});
		expect(face.fraction).toBe(1);
	});

	it('hold x reps: the hold countdown and "hold 2 of 5"', () => {
		const face = segmentFace(at(0, segment('hold', { rep: 2, reps: 5, side: 'right' })), plan);
		expect(face.ring).toEqual({ kind: 'clock', clock: '0:18', line: 'hold 2 of 5 · RIGHT' });
	});

	it('a rest between holds stays with the exercise and says which hold is next', () => {
		const face = segmentFace(at(0, segment('rep_rest', { rep: 2, reps: 5 })), plan);
		expect(face.title).toBe('Rest');
		expect(face.resting).toBe(true);
		expect(face.ring).toMatchObject({ kind: 'clock', line: 'next: hold 3 of 5' });
		expect(face.aside).toEqual({ next: false, name: 'Ankle circles' });
		expect(face.cue).toBe('Draw slow circles.');
		expect(face.next).toBe('Calf raises');
	});

	it('sets: "Set 1 of 2" above the cue, the next set named in a rest between sets', () => {
		expect(segmentFace(at(0, segment('work', { set: 1, sets: 2 })), plan).setLine).toBe(
			'Set 1 of 2'
		);
		const rest = segmentFace(at(0, segment('set_rest', { set: 1, sets: 2 })), plan);
		expect(rest.title).toBe('Rest between sets');
		expect(rest.ring).toMatchObject({ line: 'next: set 2 of 2' });
	});

	it('switching sides says so in words', () => {
		const face = segmentFace(at(0, segment('switch_sides')), plan);
		expect(face.title).toBe('Switch sides');
		expect(face.cue).toBe('Same exercise, other side.');
	});

	it('Get ready shows the next exercise: its name, cue, tiers and picture', () => {
		const face = segmentFace(at(1, segment('transition')), plan);
		expect(face.title).toBe('Get ready');
		expect(face.resting).toBe(true);
		expect(face.aside).toEqual({ next: true, name: 'Calf raises' });
		expect(face.cue).toBe('Rise onto your toes.');
		expect(face.tiers).toEqual(['Supported', 'Standing']);
		expect(face.about?.media?.type).toBe('video/mp4');
		// Named beside the title already: not again under the ring.
		expect(face.next).toBeNull();
	});

	it('a Rest block does the same; without the plan (the builder preview) it names the next only', () => {
		const withPlan = segmentFace(
			at(3, segment('rest'), { nextExercise: { blockIndex: 2, name: 'Calf raises' } }),
			plan
		);
		expect(withPlan.cue).toBe('Rise onto your toes.');
		const withoutPlan = segmentFace(
			at(3, segment('rest'), { nextExercise: { blockIndex: 2, name: 'Calf raises' } })
		);
		expect(withoutPlan.aside).toEqual({ next: true, name: 'Calf raises' });
		expect(withoutPlan.cue).toBe('');
		expect(withoutPlan.tiers).toEqual([]);
		expect(withoutPlan.about).toBeNull();
	});

	it('an unnamed rest is titled in the class’s language; a named one keeps its name', () => {
		expect(segmentFace(at(3, segment('rest')), plan).title).toBe('Rest');
		expect(segmentFace(at(3, segment('rest')), plan, translator('es')).title).toBe('Descanso');
		const named = block('Water break', 'rest', { seconds: 45 });
		const face = segmentFace({ ...at(3, segment('rest')), block: named }, plan, translator('es'));
		expect(face.title).toBe('Water break');
	});

	it('the last rest, with nothing after it, names nothing', () => {
		const face = segmentFace(at(3, segment('rest')), plan);
		expect(face.aside).toBeNull();
		expect(face.about).toBeNull();
	});
});
