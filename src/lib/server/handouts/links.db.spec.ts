import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import {
	classSessions,
	clinics,
	enrollments,
	handoutLinks,
	recordAudit,
	users
} from '../db/schema';
import { demoClinicDatabase } from '../testing/demo-clinic';
import {
	activeLinks,
	createHandoutLink,
	HANDOUT_TOKEN,
	openHandoutLink,
	revokeHandoutLink,
	tokenHash
} from './links';

/** A link handed over in class: unguessable, expiring, revocable, audited, and clinic-bound. */
let database: DatabaseHandle;
let clinicId: string;
let sessionId: string;
let participantId: string;
let actor: { clinicId: string; userId: string; device: string };
const now = new Date('2026-11-26T08:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
	({ database, clinicId } = await demoClinicDatabase(now));
	const db = database.db;
	const [place] = await db
		.select({ participantId: enrollments.participantId, sessionId: classSessions.id })
		.from(enrollments)
		.innerJoin(classSessions, eq(classSessions.seriesId, enrollments.seriesId))
		.where(and(eq(enrollments.clinicId, clinicId), eq(enrollments.status, 'enrolled')))
		.orderBy(asc(classSessions.startsAt))
		.limit(1);
	({ participantId, sessionId } = place!);
	const [user] = await db.select({ id: users.id }).from(users).where(eq(users.clinicId, clinicId));
	actor = { clinicId, userId: user!.id, device: 'Chrome/1 (test)' };
});
afterAll(() => database.close());

const auditOf = (linkId: string) =>
	database.db
		.select({ action: recordAudit.action, userId: recordAudit.userId, detail: recordAudit.detail })
		.from(recordAudit)
		.where(eq(recordAudit.subjectId, linkId))
		.orderBy(asc(recordAudit.at));

describe('a handout link', () => {
	it('is 32 random bytes, stored only as its SHA-256, and opens the class’s handout', async () => {
		const link = await createHandoutLink(database.db, actor, participantId, sessionId, now);
		expect(link!.token).toMatch(HANDOUT_TOKEN);
		expect(link!.expiresAt.getTime() - now.getTime()).toBe(7 * DAY);
		const [row] = await database.db
			.select()
			.from(handoutLinks)
			.where(eq(handoutLinks.id, link!.id));
		expect(row!.tokenHash).toBe(tokenHash(link!.token));
		expect(JSON.stringify(row)).not.toContain(link!.token);

		const handout = await openHandoutLink(database.db, link!.token, 'Safari/17 (iPhone)', now);
		expect(handout!.session!.id).toBe(sessionId);
		expect(handout!.exercises.length).toBeGreaterThan(0);

		const lines = await auditOf(link!.id);
		expect(lines.map((line) => line.action)).toEqual(['link_created', 'link_opened']);
		expect(lines[1]!.userId).toBeNull();
		expect(JSON.stringify(lines)).not.toContain(handout!.name);
	});

	it('opens nothing with a wrong, malformed or near-miss token', async () => {
		const link = await createHandoutLink(database.db, actor, participantId, sessionId, now);
		const wrong = (link!.token[0] === 'A' ? 'B' : 'A') + link!.token.slice(1);
		expect(await openHandoutLink(database.db, wrong, 'x', now)).toBeNull();
		expect(await openHandoutLink(database.db, link!.token.slice(1), 'x', now)).toBeNull();
		expect(await openHandoutLink(database.db, tokenHash(link!.token), 'x', now)).toBeNull();
	});

	it('expires after 7 days', async () => {
		const link = await createHandoutLink(database.db, actor, participantId, sessionId, now);
		const almost = new Date(now.getTime() + 7 * DAY - 1000);
		expect(await openHandoutLink(database.db, link!.token, 'x', almost)).not.toBeNull();
		const after = new Date(now.getTime() + 7 * DAY);
		expect(await openHandoutLink(database.db, link!.token, 'x', after)).toBeNull();
		expect(
			(await activeLinks(database.db, clinicId, participantId, after)).map((l) => l.id)
		).not.toContain(link!.id);
	});

	it('is listed while active, and revoked opens nothing (audited)', async () => {
		const link = await createHandoutLink(database.db, actor, participantId, sessionId, now);
		const listed = await activeLinks(database.db, clinicId, participantId, now);
		expect(listed.find((l) => l.id === link!.id)).toMatchObject({
			classStartsAt: expect.any(Date)
		});
		expect(await revokeHandoutLink(database.db, actor, participantId, link!.id, now)).toBe(true);
		expect(await openHandoutLink(database.db, link!.token, 'x', now)).toBeNull();
		expect(await revokeHandoutLink(database.db, actor, participantId, link!.id, now)).toBe(false);
		expect((await auditOf(link!.id)).map((line) => line.action)).toEqual([
			'link_created',
			'link_revoked'
		]);
	});

	it('belongs to its clinic: another clinic can neither make, list nor revoke one', async () => {
		const [other] = await database.db
			.insert(clinics)
			.values({ name: 'Other Clinic', timeZone: 'UTC' })
			.returning({ id: clinics.id });
		const stranger = { ...actor, clinicId: other!.id };
		expect(
			await createHandoutLink(database.db, stranger, participantId, sessionId, now)
		).toBeNull();
		const link = await createHandoutLink(database.db, actor, participantId, sessionId, now);
		expect(await activeLinks(database.db, other!.id, participantId, now)).toEqual([]);
		expect(await revokeHandoutLink(database.db, stranger, participantId, link!.id, now)).toBe(
			false
		);
		expect(await openHandoutLink(database.db, link!.token, 'x', now)).not.toBeNull();
	});
});
