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
