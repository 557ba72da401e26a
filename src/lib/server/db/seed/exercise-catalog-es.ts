import spanish from './data/exercise-catalog-es.json' with { type: 'json' };

/**
 * Spanish (neutral, formal "usted") for the demo exercise catalog, keyed by the English name: the
 * wall's name and cue for every exercise the demo routines use (data/exercise-catalog-es.json).
 */
export const EXERCISE_CATALOG_ES: Record<string, { name: string; displayCue: string }> = spanish;
