import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EXERCISE_CATEGORIES, WATER_DEPTHS } from '../../../shared/domain';
import { dosingSchema, supportTiersSchema } from '../../../shared/dosing';
import { DISPLAY_CUE_MAX, NAME_MAX } from '../../../shared/exercise-form';
import { EXERCISE_CATALOG } from './exercise-catalog';

/** The JSON data is typed by a cast: this holds every entry to that type and the form's limits. */
const seedSchema = z.strictObject({
	name: z.string().min(1).max(NAME_MAX),
	displayCue: z.string().min(1).max(DISPLAY_CUE_MAX),
	technicianNotes: z.string(),
	category: z.enum(EXERCISE_CATEGORIES),
	dosing: dosingSchema,
	supportTiers: supportTiersSchema,
	equipment: z.array(z.string().min(1)),
	waterDepth: z.enum(WATER_DEPTHS).nullable(),
	contraindications: z.array(z.string().min(1)),
	source: z.string().min(1)
});

describe('the demo exercise catalog', () => {
	it('holds only well-formed exercises with unique names', () => {
		for (const exercise of EXERCISE_CATALOG) {
			const parsed = seedSchema.safeParse(exercise);
			expect(parsed.error?.issues ?? [], exercise.name).toEqual([]);
		}
		const names = EXERCISE_CATALOG.map((exercise) => exercise.name.toLowerCase());
		expect(new Set(names).size).toBe(names.length);
		expect(EXERCISE_CATALOG.length).toBeGreaterThan(50);
	});
});
