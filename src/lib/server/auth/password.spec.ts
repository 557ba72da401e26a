import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
	it('uses argon2id with the OWASP parameters', async () => {
		const hash = await hashPassword('a long enough password');
		expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(await verifyPassword(hash, 'a long enough password')).toBe(true);
		expect(await verifyPassword(hash, 'a long enough passwore')).toBe(false);
	});

	it('treats a damaged stored hash as a failed check', async () => {
		expect(await verifyPassword('not-a-hash', 'anything')).toBe(false);
	});
});
