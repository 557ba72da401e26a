import { createHash, randomBytes, randomInt } from 'node:crypto';
import { and, eq, gt, isNotNull, isNull, lt } from 'drizzle-orm';
import {
	PAIRING_ALPHABET,
	PAIRING_CODE_LENGTH,
	PAIRING_CODE_TTL_MS,
	isPairingCode,
	normalizePairingCode
} from '../../shared/pairing-code';
import type { Database } from '../db/client';
import type { Problem } from '../../i18n/problem';
import { SlowDown } from '../auth/slow-down';
import { displays, pairingCodes, rooms } from '../db/schema';
import { chooseName } from './names';

/**
 * Wrong codes slow the address that typed them, like wrong passwords (auth/sign-in.ts): 5 free,
 * then 1, 2, 4 … seconds between tries, at most a minute. Never a lock, and never for other
 * addresses: a stranger cannot stop the clinic pairing its displays. A code has 30^6 values and
 * lives 10 minutes, so a minute a guess is hopeless.
 */
export const FREE_WRONG_CODES = 5;
export const MAX_PAIRING_DELAY_SECONDS = 60;

export type DisplayIdentity = { id: string; clinicId: string; roomId: string };

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

function randomCode(): string {
	return Array.from(
		{ length: PAIRING_CODE_LENGTH },
		() => PAIRING_ALPHABET[randomInt(PAIRING_ALPHABET.length)]
	).join('');
}

export type PairResult =
	| { ok: true; displayId: string; roomName: string; name: string }
	| { ok: false; problem: Problem; retryAfterSeconds?: number; field?: 'name' };

export class PairingService {
	readonly #db: Database;
	readonly #wrongCodes: SlowDown;

	constructor(db: Database) {
		this.#db = db;
		this.#wrongCodes = new SlowDown(db, {
			prefix: 'pairing',
			windowSeconds: 60 * 60,
			maxDelaySeconds: MAX_PAIRING_DELAY_SECONDS
		});
	}

	/** A new code for an unpaired display, and the secret it will collect its token with. */
	async requestCode(now = new Date()): Promise<{ code: string; secret: string; expiresAt: Date }> {
		await this.#db.delete(pairingCodes).where(lt(pairingCodes.expiresAt, now));
		const secret = randomBytes(24).toString('base64url');
		const expiresAt = new Date(now.getTime() + PAIRING_CODE_TTL_MS);
		for (;;) {
			const code = randomCode();
			const inserted = await this.#db
				.insert(pairingCodes)
				.values({ code, claimSecretHash: sha256(secret), expiresAt })
				.onConflictDoNothing()
				.returning({ code: pairingCodes.code });
			if (inserted.length) return { code, secret, expiresAt };
		}
	}

	/** A signed-in technician binds the display showing `code` to one of their clinic's rooms. */
	async pair(input: {
		code: string;
		roomId: string;
		clinicId: string;
		userId: string;
		address: string;
		/** What staff will call it; blank for "<room> TV <n>". */
		name?: string;
		now?: Date;
	}): Promise<PairResult> {
		const now = input.now ?? new Date();
		const key = `address:${input.address}`;
		// Taken before the code is looked at, so parallel guesses cannot slip past the count.
		const taken = await this.#wrongCodes.take(key, FREE_WRONG_CODES);
		if (!taken.ok) {
			const retryAfterSeconds = Math.ceil(taken.retryAfterMs / 1000);
			return {
				ok: false,
				problem: { code: 'pair.too-many-wrong', params: { seconds: retryAfterSeconds } },
				retryAfterSeconds
			};
		}

		const [room] = await this.#db
			.select({ id: rooms.id, name: rooms.name })
			.from(rooms)
			.where(and(eq(rooms.id, input.roomId), eq(rooms.clinicId, input.clinicId)));
		if (!room) {
			await this.#wrongCodes.refund(key, taken);
			return { ok: false, problem: { code: 'pair.room-not-in-clinic' } };
		}

		const code = normalizePairingCode(input.code);
		const token = randomBytes(32).toString('base64url');
		const paired = isPairingCode(code)
			? await this.#db.transaction(async (tx) => {
					// The name first: a taken name leaves the code on the screen to try again.
					const named = await chooseName(tx, room.id, input.name);
					if (!named.ok) return named;
					// Single use: only an unclaimed, unexpired code is taken, and only once.
					const [row] = await tx
						.update(pairingCodes)
						.set({ deviceToken: token })
						.where(
							and(
								eq(pairingCodes.code, code),
								gt(pairingCodes.expiresAt, now),
								isNull(pairingCodes.displayId)
							)
						)
						.returning({ code: pairingCodes.code });
					if (!row) return undefined;
					const [display] = await tx
						.insert(displays)
						.values({
							clinicId: input.clinicId,
							roomId: room.id,
							name: named.name,
							tokenHash: sha256(token),
							pairedBy: input.userId,
							pairedAt: now
						})
						.returning({ id: displays.id });
					await tx
						.update(pairingCodes)
						.set({ displayId: display!.id })
						.where(eq(pairingCodes.code, code));
					return { ok: true as const, id: display!.id, name: named.name };
				})
			: undefined;

		if (paired && !paired.ok) {
			// Not a wrong code: the try is given back.
			await this.#wrongCodes.refund(key, taken);
			return { ok: false, problem: paired.problem, field: 'name' };
		}
		if (!paired) {
			await this.#wrongCodes.failed(key, taken, FREE_WRONG_CODES);
			return { ok: false, problem: { code: 'pair.code-unknown' } };
		}
		await this.#wrongCodes.succeeded(key, taken, { forget: false });
		return { ok: true, displayId: paired.id, roomName: room.name, name: paired.name };
	}

	/** Retires a code its display replaced, unless it has been paired meanwhile. */
	async discard(code: string): Promise<void> {
		await this.#db
			.delete(pairingCodes)
			.where(and(eq(pairingCodes.code, code), isNull(pairingCodes.displayId)));
	}

	/** The display that asked for `code` collects its token, once. */
	async claim(code: string, secret: string, now = new Date()): Promise<string | null> {
		const [row] = await this.#db
			.delete(pairingCodes)
			.where(
				and(
					eq(pairingCodes.code, normalizePairingCode(code)),
					eq(pairingCodes.claimSecretHash, sha256(secret)),
					gt(pairingCodes.expiresAt, now),
					isNotNull(pairingCodes.deviceToken)
				)
			)
			.returning({ token: pairingCodes.deviceToken });
		return row?.token ?? null;
	}

	/** Which display holds this token; null for unknown or revoked tokens. */
	async identify(token: string | undefined, now = new Date()): Promise<DisplayIdentity | null> {
		if (!token || token.length > 100) return null;
		const [display] = await this.#db
			.update(displays)
			.set({ lastSeenAt: now })
			.where(and(eq(displays.tokenHash, sha256(token)), isNull(displays.revokedAt)))
			.returning({ id: displays.id, clinicId: displays.clinicId, roomId: displays.roomId });
		return display ?? null;
	}

	async revoke(displayId: string, clinicId: string, now = new Date()): Promise<boolean> {
		const revoked = await this.#db
			.update(displays)
			.set({ revokedAt: now })
			.where(
				and(eq(displays.id, displayId), eq(displays.clinicId, clinicId), isNull(displays.revokedAt))
			)
			.returning({ id: displays.id });
		return revoked.length > 0;
	}
}
