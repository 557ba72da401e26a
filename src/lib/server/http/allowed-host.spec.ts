import { describe, expect, it } from 'vitest';
import { isAllowedHost } from '../../../../server/realtime.js';

describe('isAllowedHost (with ORIGIN set)', () => {
	it("takes ORIGIN's own host, with or without its default port, in any case", () => {
		for (const host of ['steady.clinic.lan', 'STEADY.clinic.lan', 'steady.clinic.lan:443']) {
			expect(isAllowedHost(host, 'https://steady.clinic.lan'), host).toBe(true);
		}
		expect(isAllowedHost('steady.clinic.lan:8443', 'https://steady.clinic.lan:8443')).toBe(true);
	});

	it('refuses other names, ports, and hosts dressed up to parse as the right one', () => {
		const others = [
			'evil.example',
			'steady.clinic.lan.evil.example',
			'steady.clinic.lan:80',
			'127.0.0.1',
			'evil@steady.clinic.lan',
			'steady.clinic.lan/evil',
			'steady.clinic.lan\\evil',
			'',
			undefined
		];
		for (const host of others) {
			expect(isAllowedHost(host, 'https://steady.clinic.lan'), String(host)).toBe(false);
		}
	});
});
