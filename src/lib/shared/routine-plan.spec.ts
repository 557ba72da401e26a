import { describe, expect, it } from 'vitest';
import { plannedRoutineSeconds, type Dosing } from './dosing';
import { applyOp, moveBlock, moveBlockTo, newBlock, parseOp } from './routine-builder';
import { draftDosing, draftFromForm, type DraftBlock } from './routine-draft';
import type { Problem } from '../i18n/problem';
import { parseRoutineDraft } from './routine-form';
import { planFromDraft } from './routine-plan';
import { translator } from '../i18n/translate';
import {
	blockName,
	getReadyId,
	planFromBlocks,
	plannedTotalMs,
	type PlanExercise,
	type SourceBlock
} from './timeline';

const single = { sets: 1, restBetweenSetsSeconds: 0, perSide: false };
const MARCH = '00000000-0000-4000-8000-000000000001';
const STAND = '00000000-0000-4000-8000-000000000002';
const library = new Map<string, PlanExercise>([
	[
		MARCH,
		{
			name: 'March',
			displayCue: 'Knees up',
			dosing: { kind: 'timed', seconds: 60, ...single },
			supportTiers: { seated: 'Seated' }
		}
	],
	[
		STAND,
		{
			name: 'Sit to stand',
			displayCue: 'Up and down',
			dosing: { kind: 'reps', reps: 10, secondsPerRep: 3, ...single },
			supportTiers: {}
		}
	]
]);
const exerciseOf = (id: string) => library.get(id);

const ex = (key: string, exerciseId: string, phase: DraftBlock['phase'] = 'main'): DraftBlock =>
	newBlock({ what: exerciseId, phase }, key);

const off = { transition: 'off', transitionSeconds: '15', waitForDone: false } as const;

describe('planFromBlocks', () => {
	it('takes the block’s own dosing, else the exercise’s, and names rests', () => {
		const own: Dosing = { kind: 'timed', seconds: 20, ...single };
		const plan = planFromBlocks(
			[
				{ id: 'a', kind: 'exercise', phase: 'warm_up', exerciseId: MARCH, dosing: null },
				{ id: 'b', kind: 'rest', phase: 'main', seconds: 45 },
				{ id: 'c', kind: 'exercise', phase: 'main', exerciseId: MARCH, dosing: own },
				{ id: 'd', kind: 'transition', phase: 'main', seconds: 15, label: 'Chairs' }
			],
			exerciseOf
		);
		// An unnamed rest stays unnamed in the plan; each reader's page words it (blockName).
		expect(plan.blocks.map((b) => b.name)).toEqual(['March', '', 'March', 'Chairs']);
		expect(plan.blocks.map((b) => blockName(b, translator('es')))).toEqual([
			'March',
			'Descanso',
			'March',
			'Chairs'
		]);
		expect(plan.blocks[0]!.dosing).toEqual(library.get(MARCH)!.dosing);
		expect(plan.blocks[2]!.dosing).toEqual(own);
		expect(plan.blocks[0]!.cue).toBe('Knees up');
		expect(plannedTotalMs(plan)).toBe((60 + 45 + 20 + 15) * 1000);
	});

	const source: SourceBlock[] = [
		{ id: 'a', kind: 'exercise', phase: 'warm_up', exerciseId: MARCH, dosing: null },
		{ id: 'b', kind: 'exercise', phase: 'main', exerciseId: STAND, dosing: null },
		{ id: 'c', kind: 'rest', phase: 'main', seconds: 45 },
		{ id: 'd', kind: 'exercise', phase: 'main', exerciseId: MARCH, dosing: null },
		{ id: 'e', kind: 'exercise', phase: 'cool_down', exerciseId: STAND, dosing: null }
	];

	it('puts the routine’s Get ready before each exercise that follows an exercise', () => {
		const plan = planFromBlocks(source, exerciseOf, { transitionSeconds: 20, waitForDone: false });
		expect(plan.blocks.map((b) => [b.id, b.kind, b.phase, b.name, b.seconds])).toEqual([
			['a', 'exercise', 'warm_up', 'March', undefined],
			['b:get-ready', 'transition', 'main', '', 20],
			['b', 'exercise', 'main', 'Sit to stand', undefined],
			['c', 'rest', 'main', '', 45],
			['d', 'exercise', 'main', 'March', undefined],
			['e:get-ready', 'transition', 'cool_down', '', 20],
			['e', 'exercise', 'cool_down', 'Sit to stand', undefined]
		]);
		expect(plan.blocks[1]!.id).toBe(getReadyId('b'));
		const seconds = plannedRoutineSeconds(source, (id) => library.get(id)!.dosing, 20);
		expect(plannedTotalMs(plan)).toBe(seconds * 1000);
		expect(plannedTotalMs(plan)).toBe((60 + 30 + 45 + 60 + 30 + 2 * 20) * 1000);
	});

	it('puts none in when the routine’s Get ready is off', () => {
		expect(planFromBlocks(source, exerciseOf).blocks.map((b) => b.id)).toEqual([
			'a',
			'b',
			'c',
			'd',
			'e'
		]);
	});

	it('marks every reps block with whether it waits for Done', () => {
		const waits = (settings: { transitionSeconds: number; waitForDone: boolean }) =>
			planFromBlocks(source, exerciseOf, settings).blocks.map((b) => b.waitForDone);
		expect(waits({ transitionSeconds: 0, waitForDone: false })).toEqual([
			undefined,
			false,
			undefined,
			undefined,
			false
		]);
		expect(waits({ transitionSeconds: 0, waitForDone: true })).toEqual([
			undefined,
			true,
			undefined,
			undefined,
			true
		]);
		const own: Dosing = { ...library.get(STAND)!.dosing, waitForDone: true } as Dosing;
		const oneWaits = source.map((b) => (b.id === 'e' ? { ...b, dosing: own } : b));
		expect(planFromBlocks(oneWaits, exerciseOf).blocks.map((b) => b.waitForDone ?? null)).toEqual([
			null,
			false,
			null,
			null,
			true
		]);
	});
});

describe('planFromDraft: the builder’s running total', () => {
	it('counts overrides, rests and manual reps at their planned time', () => {
		let blocks = [ex('1', MARCH, 'warm_up'), ex('2', STAND)];
		blocks = applyOp(blocks, { op: 'add', choice: { what: 'rest', phase: 'main' } }, '3');
		expect(plannedTotalMs(planFromDraft(blocks, exerciseOf))).toBe((60 + 30 + 45) * 1000);

		blocks = applyOp(blocks, { op: 'duplicate', index: 0 }, '4');
		expect(plannedTotalMs(planFromDraft(blocks, exerciseOf))).toBe((120 + 30 + 45) * 1000);

		const dosing = draftDosing(library.get(MARCH)!.dosing);
		blocks[0] = {
			...blocks[0]!,
			dosing: { ...dosing, values: { ...dosing.values, seconds: '30' } }
		};
		expect(plannedTotalMs(planFromDraft(blocks, exerciseOf))).toBe((90 + 30 + 45) * 1000);
	});

	it('counts the draft’s Get ready once its seconds make sense', () => {
		const blocks = [ex('1', MARCH, 'warm_up'), ex('2', STAND)];
		const on = (seconds: string) => ({
			...off,
			transition: 'on' as const,
			transitionSeconds: seconds
		});
		expect(plannedTotalMs(planFromDraft(blocks, exerciseOf, on('10')))).toBe((60 + 10 + 30) * 1000);
		for (const bad of ['', '0', '121', '2.5', 'x']) {
			expect(plannedTotalMs(planFromDraft(blocks, exerciseOf, on(bad))), bad).toBe(90_000);
		}
		expect(plannedTotalMs(planFromDraft(blocks, exerciseOf, off))).toBe(90_000);
	});

	it('counts a half-typed override as the default until it is valid', () => {
		const dosing = draftDosing(library.get(MARCH)!.dosing);
		const blocks = [
			{ ...ex('1', MARCH), dosing: { ...dosing, values: { ...dosing.values, seconds: '' } } }
		];
		expect(plannedTotalMs(planFromDraft(blocks, exerciseOf))).toBe(60_000);
	});
});

describe('builder moves', () => {
	const blocks = [
		ex('a', MARCH, 'warm_up'),
		ex('b', MARCH),
		ex('c', STAND),
		ex('d', STAND, 'cool_down')
	];
	const keys = (list: DraftBlock[]) => list.map((b) => `${b.key}:${b.phase}`);

	it('swaps within a phase and crosses into the next phase at its edge', () => {
		expect(keys(moveBlock(blocks, 2, -1))).toEqual([
			'a:warm_up',
			'c:main',
			'b:main',
			'd:cool_down'
		]);
		expect(keys(moveBlock(blocks, 1, -1))).toEqual([
			'a:warm_up',
			'b:warm_up',
			'c:main',
			'd:cool_down'
		]);
		expect(keys(moveBlock(blocks, 3, 1))).toEqual(keys(blocks));
		expect(keys(moveBlock(blocks, 0, -1))).toEqual(keys(blocks));
	});

	it('drops a dragged block where it lands, in phase order', () => {
		expect(keys(moveBlockTo(blocks, 0, 3, 'main'))).toEqual([
			'b:main',
			'c:main',
			'a:main',
			'd:cool_down'
		]);
		expect(keys(moveBlockTo(blocks, 3, 0, 'warm_up'))).toEqual([
			'd:warm_up',
			'a:warm_up',
			'b:main',
			'c:main'
		]);
	});

	it('adds a block at the end of its phase', () => {
		const out = applyOp(blocks, { op: 'add', choice: { what: 'rest', phase: 'main' } }, 'e');
		expect(keys(out)).toEqual(['a:warm_up', 'b:main', 'c:main', 'e:main', 'd:cool_down']);
	});

	it('adds no Get ready block: it is a routine setting', () => {
		expect(parseOp('add', { what: 'transition', phase: 'main' })).toBeNull();
	});

	it('reads the buttons a page without JavaScript posts', () => {
		expect(parseOp('up:3', { what: '', phase: '' })).toEqual({ op: 'up', index: 3 });
		expect(parseOp('add', { what: 'rest', phase: 'cool_down' })).toEqual({
			op: 'add',
			choice: { what: 'rest', phase: 'cool_down' }
		});
		expect(parseOp('drop:1', { what: '', phase: '' })).toBeNull();
	});
});

describe('the routine form', () => {
	/** The fields the builder posts: nested blocks and dosing under dotted names (blocks.0.dosing.sets). */
	function form(values: object, prefix = '', data = new FormData()) {
		for (const [key, value] of Object.entries(values)) {
			if (typeof value === 'object') form(value, `${prefix}${key}.`, data);
			else data.set(`${prefix}${key}`, value);
		}
		return data;
	}

	it('reads the posted fields and accepts a good routine', () => {
		const draft = draftFromForm(
			form({
				name: ' Morning balance ',
				description: '',
				blocks: [
					{
						key: 'x',
						kind: 'exercise',
						phase: 'warm_up',
						exerciseId: MARCH,
						dosing: { kind: 'timed', seconds: '60', sets: '1', restBetweenSetsSeconds: '0' }
					},
					{ kind: 'rest', phase: 'main', seconds: '30' },
					{
						kind: 'exercise',
						phase: 'main',
						exerciseId: STAND,
						override: 'on',
						dosing: {
							kind: 'reps',
							reps: '8',
							secondsPerRep: '4',
							sets: '2',
							restBetweenSetsSeconds: '30',
							perSide: 'on'
						}
					}
				]
			})
		);
		const result = parseRoutineDraft(draft);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.value.name).toBe('Morning balance');
		expect(result.value.blocks[0]).toMatchObject({ kind: 'exercise', dosing: null });
		expect(result.value.blocks[2]).toMatchObject({
			dosing: { kind: 'reps', reps: 8, secondsPerRep: 4, sets: 2, perSide: true }
		});
	});

	it('names every bad field', () => {
		const draft = draftFromForm(
			form({
				name: '',
				blocks: [
					{
						kind: 'exercise',
						phase: 'main',
						exerciseId: MARCH,
						override: 'on',
						dosing: { kind: 'timed', seconds: '2', sets: '', restBetweenSetsSeconds: '0' }
					},
					{ kind: 'rest', phase: 'warm_up', seconds: '0' }
				]
			})
		);
		const result = parseRoutineDraft(draft);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems).toMatchObject({
			name: { code: 'routines.name-missing' },
			'blocks.0.dosing.seconds': { code: 'builder.at-least', params: { min: 5 } },
			'blocks.0.dosing.sets': { code: 'builder.enter-number' },
			'blocks.1.seconds': { code: 'builder.at-least-seconds', params: { min: 1 } }
		});
	});

	it('refuses blocks out of phase order', () => {
		const blocks = [ex('a', MARCH, 'main'), ex('b', MARCH, 'warm_up')];
		const result = parseRoutineDraft({ name: 'Mixed', description: '', ...off, blocks });
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.problems.blocks).toEqual({ code: 'builder.phase-order' });
		}
	});

	it('refuses a routine without an exercise', () => {
		const result = parseRoutineDraft({ name: 'Empty', description: '', ...off, blocks: [] });
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problems.blocks?.code).toBe('builder.no-exercise');
	});

	const standing = { kind: 'exercise', phase: 'main', exerciseId: STAND };
	const oneExercise = { name: 'Settings', blocks: [standing] };
	/** Ten reps of four seconds, one set. */
	const tenReps = {
		kind: 'reps',
		reps: '10',
		secondsPerRep: '4',
		sets: '1',
		restBetweenSetsSeconds: '0'
	};

	it('reads the routine settings: Get ready seconds and wait for Done', () => {
		const result = parseRoutineDraft(
			draftFromForm(
				form({ ...oneExercise, transition: 'on', transitionSeconds: '20', waitForDone: 'on' })
			)
		);
		expect(result).toMatchObject({ ok: true, value: { transitionSeconds: 20, waitForDone: true } });
		const offResult = parseRoutineDraft(
			draftFromForm(form({ ...oneExercise, transition: 'off', transitionSeconds: '999' }))
		);
		expect(offResult).toMatchObject({
			ok: true,
			value: { transitionSeconds: null, waitForDone: false }
		});
	});

	it('names a bad Get ready length beside its field', () => {
		const cases: [string, Problem][] = [
			['0', { code: 'builder.transition-too-short', params: { min: 1 } }],
			['121', { code: 'builder.at-most-seconds', params: { max: 120 } }],
			['', { code: 'builder.transition-missing' }],
			['7.5', { code: 'builder.whole-seconds' }]
		];
		for (const [typed, problem] of cases) {
			const result = parseRoutineDraft(
				draftFromForm(form({ ...oneExercise, transition: 'on', transitionSeconds: typed }))
			);
			expect(result, typed).toEqual({ ok: false, problems: { transitionSeconds: problem } });
		}
	});

	it('refuses a posted Get ready block by name', () => {
		const result = parseRoutineDraft(
			draftFromForm(
				form({
					...oneExercise,
					blocks: [standing, { kind: 'transition', phase: 'main', seconds: '15' }]
				})
			)
		);
		expect(result).toEqual({
			ok: false,
			problems: { 'blocks.1.kind': { code: 'builder.transition-block' } }
		});
	});

	it('makes a ticked Wait for Done the block’s own dosing, without JavaScript too', () => {
		const result = parseRoutineDraft(
			draftFromForm(
				form({
					...oneExercise,
					blocks: [{ ...standing, dosing: { ...tenReps, waitForDone: 'on' } }]
				})
			)
		);
		expect(result).toMatchObject({
			ok: true,
			value: { blocks: [{ dosing: { kind: 'reps', secondsPerRep: 4, waitForDone: true } }] }
		});
		const moving = parseRoutineDraft(
			draftFromForm(
				form({ ...oneExercise, blocks: [{ ...standing, override: 'on', dosing: tenReps }] })
			)
		);
		expect(moving.ok && moving.value.blocks[0]).toMatchObject({ dosing: { secondsPerRep: 4 } });
		expect(
			moving.ok && moving.value.blocks[0]!.kind === 'exercise' && moving.value.blocks[0]!.dosing
		).not.toHaveProperty('waitForDone');
	});
});
