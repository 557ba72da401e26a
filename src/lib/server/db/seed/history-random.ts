/**
 * The seeded random stream of the history generator: the same seed on the same clinic makes the
 * same history, so a bench or a test sees the same year every time. mulberry32: small, fast,
 * good enough for made-up clinical data (not for anything secret).
 */
export type Random = {
	/** 0 <= x < 1 */
	next(): number;
	/** Whether an event of this probability happens. */
	chance(probability: number): boolean;
	/** A whole number from min to max, both included. */
	int(min: number, max: number): number;
	/** A number from min to max. */
	between(min: number, max: number): number;
	/** Normal-ish noise (sum of three uniforms), mean 0, about this spread. */
	noise(spread: number): number;
	pick<T>(items: readonly T[]): T;
};

export function seededRandom(seed: number): Random {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		chance: (probability) => next() < probability,
		int: (min, max) => min + Math.floor(next() * (max - min + 1)),
		between: (min, max) => min + next() * (max - min),
		noise: (spread) => ((next() + next() + next() - 1.5) / 1.5) * spread,
		pick: (items) => items[Math.floor(next() * items.length)]!
	};
}
