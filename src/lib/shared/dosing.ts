import { z } from 'zod';
import { SUPPORT_TIERS, type BlockKind } from './domain';

/**
 * How much of an exercise one block asks for. Three ways to dose, as in clinical handouts:
 * a timed bout, holds repeated with rest between, or a rep count at a planned pace.
 * Sets repeat the whole dose; per-side doses run left, a switch pause, then right.
 */
const common = {
	sets: z.number().int().min(1).max(10),
	restBetweenSetsSeconds: z.number().int().min(0).max(600),
	perSide: z.boolean()
};

export const dosingSchema = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('timed'), seconds: z.number().int().min(5).max(3600), ...common }),
	z.object({
		kind: z.literal('hold'),
		holdSeconds: z.number().int().min(1).max(120),
		reps: z.number().int().min(1).max(50),
		restBetweenRepsSeconds: z.number().int().min(0).max(120),
		...common
	}),
	z.object({
		kind: z.literal('reps'),
		reps: z.number().int().min(1).max(100),
		// The pace: the block moves on after reps x secondsPerRep, unless it waits for Done.
		secondsPerRep: z.number().int().min(1).max(60),
		// The technician ends the block with Done however long it takes (the wall counts up).
		waitForDone: z.boolean().optional(),
		...common
	})
]);
export type Dosing = z.infer<typeof dosingSchema>;

export const supportTiersSchema = z.partialRecord(z.enum(SUPPORT_TIERS), z.string().min(1).max(80));
export type SupportTierCues = z.infer<typeof supportTiersSchema>;

/** The pause between the left and the right side of a per-side dose. */
export const SWITCH_SIDES_SECONDS = 5;

/** Seconds one side of one set takes. */
export function secondsPerSet(dosing: Dosing): number {
	switch (dosing.kind) {
		case 'timed':
			return dosing.seconds;
		case 'hold':
			return dosing.reps * dosing.holdSeconds + (dosing.reps - 1) * dosing.restBetweenRepsSeconds;
		case 'reps':
			return dosing.reps * dosing.secondsPerRep;
	}
}

/** Planned seconds for the whole dose: every set, both sides when per-side, the rests between. */
export function plannedDosingSeconds(dosing: Dosing): number {
	const sides = dosing.perSide ? 2 : 1;
	const oneSet = sides * secondsPerSet(dosing) + (sides - 1) * SWITCH_SIDES_SECONDS;
	return dosing.sets * oneSet + (dosing.sets - 1) * dosing.restBetweenSetsSeconds;
}

export type PlannedBlock = {
	kind: BlockKind;
	seconds?: number | null;
	dosing?: Dosing | null;
	exerciseId?: string | null;
};

/**
 * Where a routine's "Get ready" goes: before an exercise that directly follows another. A rest
 * between them is time enough to get ready. planFromBlocks and plannedRoutineSeconds share it.
 */
export function getsReadyBefore(blocks: readonly { kind: BlockKind }[], index: number): boolean {
	return blocks[index]?.kind === 'exercise' && blocks[index - 1]?.kind === 'exercise';
}

/**
 * Planned seconds of a routine: each block's own dosing, else its exercise's default, and the
 * routine's "Get ready" (transitionSeconds, 0 for none) wherever getsReadyBefore puts it.
 */
export function plannedRoutineSeconds(
	blocks: PlannedBlock[],
	dosingOfExercise: (exerciseId: string) => Dosing,
	transitionSeconds = 0
): number {
	return blocks.reduce((total, block, index) => {
		if (block.kind !== 'exercise') return total + (block.seconds ?? 0);
		const ready = getsReadyBefore(blocks, index) ? transitionSeconds : 0;
		return (
			total + ready + plannedDosingSeconds(block.dosing ?? dosingOfExercise(block.exerciseId!))
		);
	}, 0);
}
