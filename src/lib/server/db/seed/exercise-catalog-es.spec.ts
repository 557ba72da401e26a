import { describe, expect, it } from 'vitest';
import { DISPLAY_CUE_MAX, NAME_MAX } from '../../../shared/exercise-form';
import { DEMO_ROUTINES } from './demo-routines';
import { EXERCISE_CATALOG } from './exercise-catalog';
import { EXERCISE_CATALOG_ES } from './exercise-catalog-es';

describe("the demo library's Spanish", () => {
	it('names every exercise the demo routines use, within the limits the form holds', () => {
		const used = DEMO_ROUTINES.flatMap((routine) =>
			routine.steps.flatMap((step) => ('exercise' in step ? [step.exercise] : []))
		);
		expect(used.filter((name) => !EXERCISE_CATALOG_ES[name])).toEqual([]);
		const english = new Set(EXERCISE_CATALOG.map((exercise) => exercise.name));
		expect(Object.keys(EXERCISE_CATALOG_ES).filter((name) => !english.has(name))).toEqual([]);
		for (const [name, spanish] of Object.entries(EXERCISE_CATALOG_ES)) {
			expect(spanish.name.length, name).toBeLessThanOrEqual(NAME_MAX);
			expect(spanish.displayCue.length, name).toBeLessThanOrEqual(DISPLAY_CUE_MAX);
		}
	});
});
