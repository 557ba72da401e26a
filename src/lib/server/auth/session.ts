import type { Locale } from '../../i18n/locales';
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Role } from '../../shared/domain';
import type { Database } from '../db/client';
import { sessions, users } from '../db/schema';

export const SESSION_COOKIE = 'steady_session';
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 30 * 60 * 1000;
/** Refreshing last-seen on every request would write on every page view; a minute is enough. */
const TOUCH_AFTER_MS = 60 * 1000;

export type StaffUser = {
	id: string;
	clinicId: string;
	email: string;
	name: string;
	role: Role;
	/** Their chosen language; null or absent: the browser's. */
	language?: Locale | null;
};

/** `lastSeenAt` with `SESSION_IDLE_MS` and `expiresAt` tell when the session will end. */
export type ValidSession = { user: StaffUser; expiresAt: Date; lastSeenAt: Date };

function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

/** 256 random bits; the browser holds the token, the database only its hash. */
export async function createSession(
	db: Database,
	userId: string,
	now = new Date()
): Promise<{ token: string; expiresAt: Date }> {
	const token = randomBytes(32).toString('base64url');
	const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
	await db
		.insert(sessions)
		.values({ tokenHash: hashToken(token), userId, createdAt: now, expiresAt, lastSeenAt: now });
	return { token, expiresAt };
}

/**
 * The one check for "who is this": used by hooks.server.ts for pages and by the socket.io
 * middleware for sockets, so both refuse exactly the same sessions. `touch: false` checks without
 * moving the idle clock on: a socket re-checked by a timer is not someone using Steady.
 */
export async function validateSession(
	db: Database,
	token: string | undefined,
	now = new Date(),
	{ touch = true }: { touch?: boolean } = {}
): Promise<ValidSession | null> {
	if (!token || token.length > 200) return null;
	const tokenHash = hashToken(token);
	const [row] = await db
		.select({
			expiresAt: sessions.expiresAt,
			lastSeenAt: sessions.lastSeenAt,
			user: {
				id: users.id,
				clinicId: users.clinicId,
				email: users.email,
				name: users.name,
				role: users.role,
				language: users.language
			}
		})
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(and(eq(sessions.tokenHash, tokenHash), isNull(users.disabledAt)))
		.limit(1);
	if (!row) return null;

	const idleSince = now.getTime() - row.lastSeenAt.getTime();
	if (row.expiresAt.getTime() <= now.getTime() || idleSince >= SESSION_IDLE_MS) {
		await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
		return null;
	}
	if (touch && idleSince >= TOUCH_AFTER_MS) {
		await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
		return { user: row.user, expiresAt: row.expiresAt, lastSeenAt: now };
	}
	return { user: row.user, expiresAt: row.expiresAt, lastSeenAt: row.lastSeenAt };
}

/** Sign-out ends the session on the server: the cookie alone is worth nothing afterwards. */
export async function endSession(db: Database, token: string): Promise<void> {
	await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

export async function deleteExpiredSessions(db: Database, now = new Date()): Promise<void> {
	const idleCutoff = new Date(now.getTime() - SESSION_IDLE_MS);
	await db
		.delete(sessions)
		.where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleCutoff)));
}
