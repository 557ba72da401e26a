import { EXERCISE_CATEGORIES, SUPPORT_TIERS, WATER_DEPTHS } from './domain';
import type { ExerciseCategory, SupportTier, WaterDepth } from './domain';

/**
 * The library's filters, read from the query string so a plain GET form (no JavaScript) filters,
 * and a filtered list can be bookmarked. A value that is not one of the choices is ignored:
 * an old or hand-edited link shows more, never an error page.
 */
export type ExerciseFilters = {
	q: string;
	category: ExerciseCategory | null;
	equipment: string | null;
	tier: SupportTier | null;
	depth: WaterDepth | null;
	archived: boolean;
};

function oneOf<T extends string>(choices: readonly T[], value: string | null): T | null {
	return choices.find((choice) => choice === value) ?? null;
}

export function readExerciseFilters(params: URLSearchParams): ExerciseFilters {
	const equipment = params.get('equipment')?.trim().toLowerCase().slice(0, 40);
	return {
		q: (params.get('q') ?? '').trim().slice(0, 80),
		category: oneOf(EXERCISE_CATEGORIES, params.get('category')),
		equipment: equipment || null,
		tier: oneOf(SUPPORT_TIERS, params.get('tier')),
		depth: oneOf(WATER_DEPTHS, params.get('depth')),
		archived: params.get('archived') === '1'
	};
}

export function filtersActive(filters: ExerciseFilters): boolean {
	return Boolean(
		filters.q ||
		filters.category ||
		filters.equipment ||
		filters.tier ||
		filters.depth ||
		filters.archived
	);
}
