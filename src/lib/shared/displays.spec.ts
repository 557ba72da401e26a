import { describe, expect, it } from 'vitest';
import { displayNameSchema } from './displays';

describe('displayNameSchema', () => {
	it('tidies spaces and refuses blank, long and unprintable names', () => {
		expect(displayNameSchema.parse('  Gym A \t left  TV ')).toBe('Gym A left TV');
		for (const bad of ['', '   ', 'x'.repeat(41), 'a\u0007b', 'Gym A\u200b', '\u202eVT']) {
			expect(displayNameSchema.safeParse(bad).success).toBe(false);
		}
	});
});
