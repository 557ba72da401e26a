import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from '../db/client';
import { classSessions, handoutLinks, participants, users } from '../db/schema';
import { handoutOf } from '../participants/handout';
import { audit } from '../records/audit';

/** How long a link handed over in class opens the handout. */
export const HANDOUT_LINK_DAYS = 7;
const LINK_MS = HANDOUT_LINK_DAYS * 24 * 60 * 60 * 1000;

/** 32 random bytes in base64url: 43 characters, nothing else (src/params/handout_token.ts). */
export const HANDOUT_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Only this is stored: a stolen copy of the table opens nothing. */
export function tokenHash(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

type Actor = { clinicId: string; userId: string; device: string };

/**
 * A new link to a participant's handout of one class. The token is returned once, here, and never
 * stored. Null when the participant or the class is not this clinic's, or the participant had no
 * place in it.
 */
export async function createHandoutLink(
	db: Database,
	actor: Actor,
	participantId: string,
	sessionId: string,
	now = new Date()
): Promise<{ id: string; token: string; expiresAt: Date } | null> {
	const handout = await handoutOf(db, actor.clinicId, participantId, { now, sessionId });
	if (!handout) return null;
	const token = randomBytes(32).toString('base64url');
	const expiresAt = new Date(now.getTime() + LINK_MS);
	return db.transaction(async (tx) => {
		const [link] = await tx
			.insert(handoutLinks)
			.values({
				clinicId: actor.clinicId,
				participantId,
				sessionId,
				tokenHash: tokenHash(token),
				createdBy: actor.userId,
				createdAt: now,
				expiresAt
			})
			.returning({ id: handoutLinks.id });
		await audit(tx, {
			clinicId: actor.clinicId,
			userId: actor.userId,
			device: actor.device,
			action: 'link_created',
			subject: 'handout',
			participantId,
			sessionId,
			subjectId: link!.id,
			detail: { days: HANDOUT_LINK_DAYS }
		});
		return { id: link!.id, token, expiresAt };
	});
}

/**
 * The handout a token opens: only a known, unrevoked, unexpired link, and only while its
 * participant and class are still its clinic's. Every other token is the same null (the page
 * answers the same 404 for all of them). An opening is audited without an account.
 */
export async function openHandoutLink(
	db: Database,
	token: string,
	device: string,
	now = new Date()
) {
	if (!HANDOUT_TOKEN.test(token)) return null;
	const [link] = await db
		.select({
			id: handoutLinks.id,
			clinicId: handoutLinks.clinicId,
			participantId: handoutLinks.participantId,
			sessionId: handoutLinks.sessionId
		})
		.from(handoutLinks)
		.where(
			and(
				eq(handoutLinks.tokenHash, tokenHash(token)),
				isNull(handoutLinks.revokedAt),
				gt(handoutLinks.expiresAt, now)
			)
		);
	if (!link) return null;
	const handout = await handoutOf(db, link.clinicId, link.participantId, {
		now,
		sessionId: link.sessionId
	});
	if (!handout) return null;
	await audit(db, {
		clinicId: link.clinicId,
		userId: null,
		device,
		action: 'link_opened',
		subject: 'handout',
		participantId: link.participantId,
		sessionId: link.sessionId,
		subjectId: link.id
	});
	return handout;
}

export type ActiveLink = {
	id: string;
	createdAt: Date;
	expiresAt: Date;
	createdByName: string;
	classStartsAt: Date | null;
};

/** A participant's links that still open their handout, oldest first (for revoking). */
export async function activeLinks(
	db: Database,
	clinicId: string,
	participantId: string,
	now = new Date()
): Promise<ActiveLink[]> {
	return db
		.select({
			id: handoutLinks.id,
			createdAt: handoutLinks.createdAt,
			expiresAt: handoutLinks.expiresAt,
			createdByName: users.name,
			classStartsAt: classSessions.startsAt
		})
		.from(handoutLinks)
		.innerJoin(users, eq(users.id, handoutLinks.createdBy))
		.leftJoin(classSessions, eq(classSessions.id, handoutLinks.sessionId))
		.where(
			and(
				eq(handoutLinks.clinicId, clinicId),
				eq(handoutLinks.participantId, participantId),
				isNull(handoutLinks.revokedAt),
				gt(handoutLinks.expiresAt, now)
			)
		)
		.orderBy(asc(handoutLinks.createdAt));
}

/** Revokes one of the participant's links; false when there is no such link of this clinic's. */
export async function revokeHandoutLink(
	db: Database,
	actor: Actor,
	participantId: string,
	linkId: string,
	now = new Date()
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const [link] = await tx
			.update(handoutLinks)
			.set({ revokedAt: now, revokedBy: actor.userId })
			.where(
				and(
					eq(handoutLinks.id, linkId),
					eq(handoutLinks.clinicId, actor.clinicId),
					eq(handoutLinks.participantId, participantId),
					isNull(handoutLinks.revokedAt)
				)
			)
			.returning({ sessionId: handoutLinks.sessionId });
		if (!link) return false;
		await audit(tx, {
			clinicId: actor.clinicId,
			userId: actor.userId,
			device: actor.device,
			action: 'link_revoked',
			subject: 'handout',
			participantId,
			sessionId: link.sessionId,
			subjectId: linkId
		});
		return true;
	});
}

/** Whether the participant is this clinic's (another clinic's is a 404, like an unknown one). */
export async function isOurs(db: Database, clinicId: string, participantId: string) {
	const [row] = await db
		.select({ id: participants.id })
		.from(participants)
		.where(and(eq(participants.id, participantId), eq(participants.clinicId, clinicId)));
	return Boolean(row);
}
