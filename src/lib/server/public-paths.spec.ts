import { describe, expect, it } from 'vitest';
import { isPublicPath } from './public-paths';

describe('isPublicPath', () => {
	it('lets the sign-in page and health check through', () => {
		expect(isPublicPath('/sign-in')).toBe(true);
		expect(isPublicPath('/healthz')).toBe(true);
	});

	it('lets the unsigned wall display fetch exercise pictures', () => {
		expect(isPublicPath('/media/0123456789abcdef0123456789abcdef.png')).toBe(true);
		expect(isPublicPath('/mediator')).toBe(false);
	});

	it('lets a handout link open without an account, and nothing else under /h', () => {
		expect(isPublicPath('/h/' + 'a'.repeat(43))).toBe(true);
		expect(isPublicPath('/handouts/0b9f7d2e-0000-4000-8000-000000000000')).toBe(false);
	});

	it('does not match look-alike prefixes', () => {
		expect(isPublicPath('/sign-inside')).toBe(false);
		expect(isPublicPath('/')).toBe(false);
		expect(isPublicPath('/participants')).toBe(false);
	});
});
