/**
 * Pairing codes are read off a TV across the room and typed on a phone: six characters from an
 * alphabet without the look-alikes 0/O, 1/I/L.
 */
export const PAIRING_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const PAIRING_CODE_LENGTH = 6;
export const PAIRING_CODE_TTL_MS = 10 * 60 * 1000;

/** Upper-cases and drops spaces and dashes, so "abc 234" and "ABC-234" both work. */
export function normalizePairingCode(input: string): string {
	return input.toUpperCase().replace(/[\s-]/g, '');
}

export function isPairingCode(code: string): boolean {
	return (
		code.length === PAIRING_CODE_LENGTH && [...code].every((c) => PAIRING_ALPHABET.includes(c))
	);
}
