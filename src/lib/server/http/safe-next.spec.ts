import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next';

const ORIGIN = 'http://steady.clinic.lan:3000';

describe('safeNextPath', () => {
	it('keeps a path on this site, with its query and hash', () => {
		expect(safeNextPath('/participants?q=a', ORIGIN)).toBe('/participants?q=a');
		expect(safeNextPath('/control/abc#roster', ORIGIN)).toBe('/control/abc#roster');
		expect(safeNextPath('/schedule', ORIGIN)).toBe('/schedule');
	});

	it('answers with the parsed path, not the text it was given', () => {
		expect(safeNextPath('/a/../schedule', ORIGIN)).toBe('/schedule');
		expect(safeNextPath(`${ORIGIN}/schedule`, ORIGIN)).toBe('/');
	});

	it('refuses every way out of the site seen in the attack', () => {
		const attacks = [
			'https://evil.example',
			'//evil.example',
			'/\\evil.example',
			'/\\/evil.example',
			'\\\\evil.example',
			'/\t/evil.example',
			'/\n/evil.example',
			'/\r\n/evil.example',
			'/%0A',
			'/\u0000/evil.example',
			'/\u001f/evil.example',
			'/\u007f/evil.example',
			'/ /evil.example',
			'/..//evil.example',
			'/.//evil.example',
			'/%2e%2e//evil.example',
			'javascript:alert(1)',
			'x',
			'',
			null,
			undefined
		];
		for (const next of attacks) {
			const path = safeNextPath(next, ORIGIN);
			expect(new URL(path, ORIGIN).origin, JSON.stringify(next)).toBe(ORIGIN);
			expect(path.startsWith('//'), JSON.stringify(next)).toBe(false);
		}
		for (const next of attacks.filter((next) => next !== '/%0A')) {
			expect(safeNextPath(next, ORIGIN), JSON.stringify(next)).toBe('/');
		}
	});

	it('gives a Location that a browser cannot read as another host', () => {
		// A tab or newline decoded from `?next=%2F%09%2Fevil.example` never reaches the header.
		expect(safeNextPath(decodeURIComponent('%2F%09%2Fevil.example'), ORIGIN)).toBe('/');
		expect(safeNextPath(decodeURIComponent('%2F%0A%2Fevil.example'), ORIGIN)).toBe('/');
	});
});
