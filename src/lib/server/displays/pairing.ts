import { createHash, randomBytes, randomInt } from 'node:crypto';
import { and, eq, gt, isNotNull, isNull, lt } from 'drizzle-orm';
import { RateLimiterDrizzle } from 'rate-limiter-flexible';
import {
	PAIRING_ALPHABET,
	PAIRING_CODE_LENGTH,
	PAIRING_CODE_TTL_MS,
	isPairingCode,
	normalizePairingCode
} from '../../shared/pairing-code';
import type { Database } from '../db/client';
import { displays, pairingCodes, rateLimits, rooms } from '../db/schema';

/** 5 wrong codes from one address lock pairing from there for a minute. */
export const MAX_WRONG_CODES = 5;
export const PAIRING_LOCK_SECONDS = 60;

export type DisplayIdentity = { id: string; clinicId: string; roomId: string };

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

function randomCode(): string {
	return Array.from(
		{ length: PAIRING_CODE_LENGTH },
		() => PAIRING_ALPHABET[randomInt(PAIRING_ALPHABET.length)]
	).join('');
}

export type PairResult =
	| { ok: true; displayId: string; roomName: string }
	| { ok: false; error: string; retryAfterSeconds?: number };

export class PairingService {
	readonly #db: Database;
	readonly #wrongCodes: RateLimiterDrizzle;

	constructor(db: Database) {
		this.#db = db;
		this.#wrongCodes = new RateLimiterDrizzle({
			storeClient: db,
			schema: rateLimits,
			keyPrefix: 'pairing',
			points: MAX_WRONG_CODES,
			duration: PAIRING_LOCK_SECONDS,
			clearExpiredByTimeout: false
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
		now?: Date;
	}): Promise<PairResult> {
		const now = input.now ?? new Date();
		const key = `address:${input.address}`;
		const limit = await this.#wrongCodes.get(key);
		if (limit && limit.consumedPoints >= MAX_WRONG_CODES) {
			const retryAfterSeconds = Math.ceil(limit.msBeforeNext / 1000);
			return {
				ok: false,
				error: `Too many wrong codes. Try again in ${retryAfterSeconds} seconds.`,
				retryAfterSeconds
			};
		}

		const [room] = await this.#db
			.select({ id: rooms.id, name: rooms.name })
			.from(rooms)
			.where(and(eq(rooms.id, input.roomId), eq(rooms.clinicId, input.clinicId)));
		if (!room) return { ok: false, error: 'Choose a room of your clinic.' };

		const code = normalizePairingCode(input.code);
		const token = randomBytes(32).toString('base64url');
		const paired = isPairingCode(code)
			? await this.#db.transaction(async (tx) => {
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
							tokenHash: sha256(token),
							pairedBy: input.userId,
							pairedAt: now
						})
						.returning({ id: displays.id });
					await tx
						.update(pairingCodes)
						.set({ displayId: display!.id })
						.where(eq(pairingCodes.code, code));
					return display!.id;
				})
			: undefined;

		if (!paired) {
			const res = await this.#wrongCodes.penalty(key, 1);
			if (res.consumedPoints >= MAX_WRONG_CODES) {
				await this.#wrongCodes.block(key, PAIRING_LOCK_SECONDS);
			}
			return { ok: false, error: 'That code is not showing on any display (or it expired).' };
		}
		return { ok: true, displayId: paired, roomName: room.name };
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
