import { describe, expect, it } from 'vitest';
import { addressFrom } from './client-address';

const peer = '127.0.0.1';

describe('client address of a socket (same rules as adapter-node)', () => {
	it('ignores X-Forwarded-For unless ADDRESS_HEADER says to read it', () => {
		expect(addressFrom({ 'x-forwarded-for': '10.0.0.7' }, peer, {})).toBe(peer);
	});

	it('takes the address the proxy appended, not what the client claimed', () => {
		const env = { ADDRESS_HEADER: 'X-Forwarded-For', XFF_DEPTH: '1' };
		expect(addressFrom({ 'x-forwarded-for': '10.0.0.7' }, peer, env)).toBe('10.0.0.7');
		// A client's own "X-Forwarded-For: 1.2.3.4" is passed on by Caddy with its real address after.
		expect(addressFrom({ 'x-forwarded-for': '1.2.3.4, 10.0.0.7' }, peer, env)).toBe('10.0.0.7');
		expect(
			addressFrom({ 'x-forwarded-for': '1.2.3.4, 10.0.0.7, 10.0.0.1' }, peer, {
				...env,
				XFF_DEPTH: '2'
			})
		).toBe('10.0.0.7');
	});

	it('refuses a request that did not come through the proxy, like adapter-node', () => {
		const env = { ADDRESS_HEADER: 'X-Forwarded-For' };
		expect(() => addressFrom({}, peer, env)).toThrow(/absent/);
		expect(() =>
			addressFrom({ 'x-forwarded-for': '10.0.0.7' }, peer, { ...env, XFF_DEPTH: '2' })
		).toThrow(/only found 1/);
		expect(() => addressFrom({ 'x-forwarded-for': 'a' }, peer, { ...env, XFF_DEPTH: '0' })).toThrow(
			/positive/
		);
	});

	it('reads another header as it is', () => {
		expect(addressFrom({ 'x-real-ip': '10.0.0.8' }, peer, { ADDRESS_HEADER: 'X-Real-IP' })).toBe(
			'10.0.0.8'
		);
	});
});
