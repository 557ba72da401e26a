import { hash, verify } from '@node-rs/argon2';

/** OWASP's argon2id setting: 19 MiB, 2 passes, 1 lane. */
// `algorithm: 2` is Argon2id: the library's enum is a const enum that isolated modules cannot read.
const OWASP = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string): Promise<string> {
	return hash(password, OWASP);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		// A malformed stored hash is a failed check, not a crash of the sign-in page.
		return false;
	}
}

/**
 * Verifying against this when the email is unknown keeps "no such user" as slow as
 * "wrong password", so timing does not tell which accounts exist.
 */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
	decoyHash ??= hash('steady-decoy-password', OWASP);
	return decoyHash;
}
