import { PHASES, type Phase } from './domain';
import type { DraftBlock } from './routine-draft';

/**
 * Edits the builder makes to a draft's blocks. Pure and shared: the page applies them in the
 * browser, and the server applies the same ones when a browser without JavaScript posts a
 * button. Blocks stay in phase order: moving past the edge of a phase moves the block into
 * the next phase instead of out of order.
 */

const phaseIndex = (phase: Phase) => PHASES.indexOf(phase);

export function moveBlock(blocks: DraftBlock[], index: number, direction: -1 | 1): DraftBlock[] {
	const block = blocks[index];
	if (!block) return blocks;
	const neighbour = blocks[index + direction];
	const out = [...blocks];
	if (neighbour && neighbour.phase === block.phase) {
		out[index] = neighbour;
		out[index + direction] = block;
		return out;
	}
	const nextPhase = PHASES[phaseIndex(block.phase) + direction];
	if (!nextPhase) return blocks;
	out[index] = { ...block, phase: nextPhase };
	return out;
}

/** Drag and drop: take the block out and put it before `before` (blocks.length: at the end). */
export function moveBlockTo(
	blocks: DraftBlock[],
	from: number,
	before: number,
	phase: Phase
): DraftBlock[] {
	const block = blocks[from];
	if (!block) return blocks;
	const out = blocks.filter((_, i) => i !== from);
	const at = Math.max(0, Math.min(out.length, before > from ? before - 1 : before));
	out.splice(at, 0, { ...block, phase });
	return inPhaseOrder(out);
}

export function duplicateBlock(blocks: DraftBlock[], index: number, key: string): DraftBlock[] {
	const block = blocks[index];
	if (!block) return blocks;
	const copy: DraftBlock = {
		...block,
		key,
		dosing: block.dosing ? { ...block.dosing, values: { ...block.dosing.values } } : null
	};
	return [...blocks.slice(0, index + 1), copy, ...blocks.slice(index + 1)];
}

export function removeBlock(blocks: DraftBlock[], index: number): DraftBlock[] {
	return blocks.filter((_, i) => i !== index);
}

/** A new block goes at the end of its phase. */
export function addBlock(blocks: DraftBlock[], block: DraftBlock): DraftBlock[] {
	let at = blocks.length;
	while (at > 0 && phaseIndex(blocks[at - 1]!.phase) > phaseIndex(block.phase)) at--;
	return [...blocks.slice(0, at), block, ...blocks.slice(at)];
}

/**
 * Where the builder's picker puts the next block: the start or the end of a phase, or right
 * after a block (by key, so the point follows the block when it moves).
 */
export type InsertionPoint = { at: 'start' | 'end'; phase: Phase } | { after: string };

/** The index a new block goes at, and the phase it takes there. */
export function insertionIndex(
	blocks: DraftBlock[],
	point: InsertionPoint
): { index: number; phase: Phase } {
	if ('after' in point) {
		const index = blocks.findIndex((block) => block.key === point.after);
		// The block it followed is gone: the end of Main, as a new routine starts.
		if (index < 0) return insertionIndex(blocks, { at: 'end', phase: 'main' });
		return { index: index + 1, phase: blocks[index]!.phase };
	}
	const rank = phaseIndex(point.phase);
	const index =
		point.at === 'start'
			? blocks.findIndex((block) => phaseIndex(block.phase) >= rank)
			: blocks.findIndex((block) => phaseIndex(block.phase) > rank);
	return { index: index < 0 ? blocks.length : index, phase: point.phase };
}

/**
 * Put a block before `at` (blocks.length: at the end). It takes the phase of the place it lands
 * in when that place is between two blocks of one phase; otherwise its own phase decides, and a
 * block that would land out of phase order goes to the edge of its phase.
 */
export function insertBlock(blocks: DraftBlock[], at: number, block: DraftBlock): DraftBlock[] {
	const index = Math.max(0, Math.min(blocks.length, Math.trunc(at) || 0));
	const before = blocks[index - 1];
	const after = blocks[index];
	const phase = before && after && before.phase === after.phase ? before.phase : block.phase;
	const out = [...blocks.slice(0, index), { ...block, phase }, ...blocks.slice(index)];
	return inPhaseOrder(out);
}

/** An insertion point as a select posts it: "start:main", "end:cool_down", "after:<key>". */
export function insertionValue(point: InsertionPoint): string {
	return 'after' in point ? `after:${point.after}` : `${point.at}:${point.phase}`;
}

export function parseInsertion(value: string): InsertionPoint | null {
	const match = /^(start|end|after):(.{1,80})$/.exec(value);
	if (!match) return null;
	if (match[1] === 'after') return { after: match[2]! };
	const phase = PHASES.find((p) => p === match[2]);
	return phase ? { at: match[1] as 'start' | 'end', phase } : null;
}

/**
 * The same point the way the picker's select lists it: the end of a phase that has blocks is
 * "after its last block"; the start of an empty phase is its end.
 */
export function canonicalInsertion(blocks: DraftBlock[], point: InsertionPoint): InsertionPoint {
	if ('after' in point) {
		return blocks.some((block) => block.key === point.after)
			? point
			: canonicalInsertion(blocks, { at: 'end', phase: 'main' });
	}
	const inPhase = blocks.filter((block) => block.phase === point.phase);
	if (inPhase.length === 0) return { at: 'end', phase: point.phase };
	return point.at === 'end' ? { after: inPhase.at(-1)!.key } : point;
}

/** A stable sort by phase: a drop that lands out of order goes to the edge of its phase. */
export function inPhaseOrder(blocks: DraftBlock[]): DraftBlock[] {
	return blocks
		.map((block, i) => ({ block, i }))
		.sort((a, b) => phaseIndex(a.block.phase) - phaseIndex(b.block.phase) || a.i - b.i)
		.map(({ block }) => block);
}

export const REST_SECONDS = 45;

export type AddChoice = { what: string; phase: Phase };

/**
 * "rest" or an exercise id, as the add form's select posts it. "Get ready" is a routine setting,
 * not a block: parseOp refuses to add one.
 */
export function newBlock(choice: AddChoice, key: string): DraftBlock {
	if (choice.what === 'rest') {
		return {
			key,
			kind: 'rest',
			phase: choice.phase,
			exerciseId: '',
			seconds: String(REST_SECONDS),
			label: '',
			dosing: null
		};
	}
	return {
		key,
		kind: 'exercise',
		phase: choice.phase,
		exerciseId: choice.what,
		seconds: '',
		label: '',
		dosing: null
	};
}

/** The buttons a browser without JavaScript posts: "up:3", "down:0", "duplicate:2", "remove:1", "add". */
export type BuilderOp =
	{ op: 'up' | 'down' | 'duplicate' | 'remove'; index: number } | { op: 'add'; choice: AddChoice };

export function applyOp(blocks: DraftBlock[], op: BuilderOp, key: string): DraftBlock[] {
	switch (op.op) {
		case 'up':
			return moveBlock(blocks, op.index, -1);
		case 'down':
			return moveBlock(blocks, op.index, 1);
		case 'duplicate':
			return duplicateBlock(blocks, op.index, key);
		case 'remove':
			return removeBlock(blocks, op.index);
		case 'add':
			return addBlock(blocks, newBlock(op.choice, key));
	}
}

export function parseOp(value: string, add: { what: string; phase: string }): BuilderOp | null {
	if (value === 'add') {
		// An old page may still offer "Get ready": it is the routine's setting now.
		if (!add.what || add.what === 'transition') return null;
		const phase = (PHASES as readonly string[]).includes(add.phase) ? (add.phase as Phase) : 'main';
		return { op: 'add', choice: { what: add.what, phase } };
	}
	const match = /^(up|down|duplicate|remove):(\d{1,4})$/.exec(value);
	if (!match) return null;
	return { op: match[1] as 'up' | 'down' | 'duplicate' | 'remove', index: Number(match[2]) };
}
