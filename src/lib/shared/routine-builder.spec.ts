import { describe, expect, it } from 'vitest';
import {
	canonicalInsertion,
	insertBlock,
	insertionIndex,
	insertionValue,
	newBlock,
	parseInsertion
} from './routine-builder';
import type { DraftBlock } from './routine-draft';

const block = (key: string, phase: DraftBlock['phase'] = 'main'): DraftBlock =>
	newBlock({ what: `exercise-${key}`, phase }, key);
const keys = (blocks: DraftBlock[]) => blocks.map((b) => `${b.key}/${b.phase}`);

// warm-up: w; main: a, b; cool-down: c
const routine = [block('w', 'warm_up'), block('a'), block('b'), block('c', 'cool_down')];

describe('insertBlock', () => {
	it('puts a block between two others of one phase, in that phase', () => {
		expect(keys(insertBlock(routine, 2, block('n', 'warm_up')))).toEqual([
			'w/warm_up',
			'a/main',
			'n/main',
			'b/main',
			'c/cool_down'
		]);
	});

	it('at a phase boundary, the block keeps its own phase', () => {
		expect(keys(insertBlock(routine, 1, block('n', 'warm_up')))).toContain('n/warm_up');
		expect(keys(insertBlock(routine, 1, block('n', 'main')))).toEqual([
			'w/warm_up',
			'n/main',
			'a/main',
			'b/main',
			'c/cool_down'
		]);
		expect(keys(insertBlock(routine, 3, block('n', 'cool_down')))).toEqual([
			'w/warm_up',
			'a/main',
			'b/main',
			'n/cool_down',
			'c/cool_down'
		]);
	});

	it('a block that would land out of phase order goes to the edge of its phase', () => {
		// A cool-down block asked for at the very start.
		expect(keys(insertBlock(routine, 0, block('n', 'cool_down')))).toEqual([
			'w/warm_up',
			'a/main',
			'b/main',
			'n/cool_down',
			'c/cool_down'
		]);
	});

	it('clamps the index and fills an empty routine', () => {
		expect(keys(insertBlock(routine, 99, block('n', 'cool_down'))).at(-1)).toBe('n/cool_down');
		expect(keys(insertBlock(routine, -3, block('n', 'warm_up')))[0]).toBe('n/warm_up');
		expect(keys(insertBlock([], 5, block('n')))).toEqual(['n/main']);
	});

	it('leaves the blocks it was given alone', () => {
		const before = keys(routine);
		insertBlock(routine, 2, block('n'));
		expect(keys(routine)).toEqual(before);
	});
});

describe('insertionIndex', () => {
	it('after a block: right after it, in its phase', () => {
		expect(insertionIndex(routine, { after: 'a' })).toEqual({ index: 2, phase: 'main' });
		expect(insertionIndex(routine, { after: 'w' })).toEqual({ index: 1, phase: 'warm_up' });
	});

	it('the start and the end of a phase, empty phases too', () => {
		expect(insertionIndex(routine, { at: 'start', phase: 'main' })).toEqual({
			index: 1,
			phase: 'main'
		});
		expect(insertionIndex(routine, { at: 'end', phase: 'main' })).toEqual({
			index: 3,
			phase: 'main'
		});
		expect(insertionIndex(routine, { at: 'end', phase: 'cool_down' }).index).toBe(4);
		const noMain = [block('w', 'warm_up'), block('c', 'cool_down')];
		expect(insertionIndex(noMain, { at: 'start', phase: 'main' }).index).toBe(1);
		expect(insertionIndex(noMain, { at: 'end', phase: 'main' }).index).toBe(1);
		expect(insertionIndex([], { at: 'start', phase: 'cool_down' }).index).toBe(0);
	});

	it('a point after a block that is gone falls back to the end of Main', () => {
		expect(insertionIndex(routine, { after: 'gone' })).toEqual({ index: 3, phase: 'main' });
	});

	it('with insertBlock, builds a routine in the order the points say', () => {
		let blocks: DraftBlock[] = [];
		const add = (key: string, at: Parameters<typeof insertionIndex>[1]) => {
			const { index, phase } = insertionIndex(blocks, at);
			blocks = insertBlock(blocks, index, block(key, phase));
		};
		add('a', { at: 'end', phase: 'main' });
		add('b', { after: 'a' });
		add('c', { after: 'b' });
		add('between', { after: 'a' });
		add('first', { at: 'start', phase: 'warm_up' });
		expect(keys(blocks)).toEqual(['first/warm_up', 'a/main', 'between/main', 'b/main', 'c/main']);
	});
});

describe('insertion values', () => {
	it('round-trip through the select, and refuse anything else', () => {
		for (const point of [
			{ after: 'new-abc-1' },
			{ at: 'start', phase: 'warm_up' },
			{ at: 'end', phase: 'cool_down' }
		] as const) {
			expect(parseInsertion(insertionValue(point))).toEqual(point);
		}
		expect(parseInsertion('end:lunch')).toBeNull();
		expect(parseInsertion('middle:main')).toBeNull();
		expect(parseInsertion('after:')).toBeNull();
		expect(parseInsertion('')).toBeNull();
	});

	it('name one point one way', () => {
		expect(canonicalInsertion(routine, { at: 'end', phase: 'main' })).toEqual({ after: 'b' });
		expect(canonicalInsertion(routine, { at: 'start', phase: 'main' })).toEqual({
			at: 'start',
			phase: 'main'
		});
		expect(canonicalInsertion([], { at: 'start', phase: 'main' })).toEqual({
			at: 'end',
			phase: 'main'
		});
		expect(canonicalInsertion(routine, { after: 'gone' })).toEqual({ after: 'b' });
	});
});
