import type { ExerciseCategory, SupportTier, WaterDepth } from '$lib/shared/domain';

/**
 * What the builder's exercise picker filters and ranks: pure, so the unit tests read it.
 * A pause (rest) is a candidate like an exercise: typing "rest" finds it.
 */
export type PickerCandidate = {
	/** An exercise id, or "rest". */
	id: string;
	name: string;
	category: ExerciseCategory | null;
	equipment: string[];
	/** The support tiers the exercise has a cue for. */
	tiers: SupportTier[];
	depth: WaterDepth | null;
};

export type PickerFilters = {
	category: ExerciseCategory | '';
	equipment: string;
	tier: SupportTier | '';
	depth: WaterDepth | '';
};

export const NO_FILTERS: PickerFilters = { category: '', equipment: '', tier: '', depth: '' };

export function activeFilterCount(filters: PickerFilters): number {
	return Object.values(filters).filter(Boolean).length;
}

/** Lower case, without accents: "Équilibrio" is found by "equi". */
export function fold(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{Diacritic}/gu, '')
		.toLowerCase()
		.trim();
}

/**
 * How well a name matches what was typed: 0 it starts with it, 1 a word starts with it, 2 it is
 * inside; every typed word must be found. null: no match.
 */
export function matchRank(name: string, query: string): number | null {
	const words = fold(query).split(/\s+/).filter(Boolean);
	if (words.length === 0) return 0;
	const folded = fold(name);
	const starts = folded.split(/[^\p{L}\p{N}]+/u);
	let rank = 0;
	for (const word of words) {
		if (!folded.includes(word)) return null;
		if (!starts.some((start) => start.startsWith(word))) rank = Math.max(rank, 2);
	}
	if (rank === 0 && !folded.startsWith(words.join(' '))) rank = 1;
	return rank;
}

function passes(candidate: PickerCandidate, filters: PickerFilters): boolean {
	// A filter is about exercises: a rest has no category, equipment or depth.
	if (candidate.category === null) return activeFilterCount(filters) === 0;
	return (
		(!filters.category || candidate.category === filters.category) &&
		(!filters.equipment || candidate.equipment.includes(filters.equipment)) &&
		(!filters.tier || candidate.tiers.includes(filters.tier)) &&
		(!filters.depth || candidate.depth === filters.depth)
	);
}

/** The candidates that match, best first; equal matches keep the order they came in. */
export function pick<T extends PickerCandidate>(
	candidates: readonly T[],
	query: string,
	filters: PickerFilters
): T[] {
	return candidates
		.map((candidate, order) => ({ candidate, order, rank: matchRank(candidate.name, query) }))
		.filter((x) => x.rank !== null && passes(x.candidate, filters))
		.sort((a, b) => a.rank! - b.rank! || a.order - b.order)
		.map((x) => x.candidate);
}

/** Every piece of equipment the candidates name, sorted, for the filter's choices. */
export function equipmentOf(candidates: readonly PickerCandidate[]): string[] {
	return [...new Set(candidates.flatMap((c) => c.equipment))].sort((a, b) => a.localeCompare(b));
}
