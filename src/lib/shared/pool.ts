import { z } from 'zod';

/**
 * Pool chemistry ranges for the pre-class check (clinical.md section 4: free chlorine >= 1.0 ppm
 * and pH 7.2-7.8 in one local code; jurisdictions differ, so a coordinator can change them).
 * Water temperature is checked against the room's own target range.
 */
export type PoolRanges = {
	freeChlorinePpm: { min: number; max: number };
	ph: { min: number; max: number };
};

export const DEFAULT_POOL_RANGES: PoolRanges = {
	freeChlorinePpm: { min: 1.0, max: 5.0 },
	ph: { min: 7.2, max: 7.8 }
};

const range = (lowest: number, highest: number, what: string) =>
	z
		.object({
			min: z.number().min(lowest, `${what}: ${lowest} to ${highest}`).max(highest),
			max: z.number().min(lowest).max(highest, `${what}: ${lowest} to ${highest}`)
		})
		.refine((r) => r.min < r.max, { message: `${what}: the lower limit must be below the upper` });

export const poolRangesSchema = z.object({
	freeChlorinePpm: range(0, 10, 'Free chlorine (ppm)'),
	ph: range(6, 9, 'pH')
});
