import { describe, expect, it } from 'vitest';
import { safeNextPath } from './cookie';

describe('safeNextPath', () => {
	it('keeps same-site paths', () => {
		expect(safeNextPath('/participants?q=a')).toBe('/participants?q=a');
	});

	it('refuses anything that leaves the site', () => {
		for (const bad of ['https://evil.example', '//evil.example', '/\\evil.example', 'x', null]) {
			expect(safeNextPath(bad)).toBe('/');
		}
	});
});
