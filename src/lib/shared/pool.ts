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

/** Form values arrive as text; an empty box is "missing", not zero. */
export const formNumber = (value: unknown) =>
	typeof value === 'string' ? (value.trim() === '' ? undefined : Number(value)) : value;

/** The raw pool-range fields as typed, keyed like the schema ("ph.min"). */
export type PoolRangesInput = Record<keyof PoolRanges, { min: string; max: string }>;

export function poolRangesFormInput(form: FormData): PoolRangesInput {
	const text = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value.slice(0, 20) : '';
	};
	const pair = (key: keyof PoolRanges) => ({ min: text(`${key}.min`), max: text(`${key}.max`) });
	return { freeChlorinePpm: pair('freeChlorinePpm'), ph: pair('ph') };
}
