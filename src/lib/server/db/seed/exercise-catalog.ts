/**
 * The demo exercise catalog for seeding: content drawn from reference/clinical.md, kept as data
 * (data/exercise-catalog.json) and typed here. exercise-catalog.spec.ts checks every entry
 * against the exercise form's rules.
 */
import catalog from './data/exercise-catalog.json' with { type: 'json' };
import type { ExerciseCategory, WaterDepth } from '../../../shared/domain';
import type { Dosing, SupportTierCues } from '../../../shared/dosing';

export type ExerciseSeed = {
	name: string; // unique
	displayCue: string; // shown on the wall TV: short, plain, imperative
	technicianNotes: string; // staff only
	category: ExerciseCategory;
	dosing: Dosing;
	supportTiers: SupportTierCues; // {} where tiers make no sense (tests, aquatic)
	equipment: string[];
	waterDepth: WaterDepth | null; // only for aquatic exercises
	contraindications: string[];
	source: string;
};

export const EXERCISE_CATALOG = catalog as ExerciseSeed[];
