import { createHash, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Socket as ClientSocket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { disableUser } from '../auth/users';
import { sessions, users } from '../db/schema';
import { disconnectSession } from './disconnect';
import { sessionChecks } from './staff-session';
import { connected, startClassServer, type TestServer } from './test-server';

let server: TestServer;
const defaults = { ...sessionChecks };

beforeAll(async () => {
	server = await startClassServer();
});
afterAll(() => server.close());
afterEach(() => Object.assign(sessionChecks, defaults));

const tokenOf = (cookie: string) => cookie.slice('steady_session='.length);
const hashOf = (cookie: string) => createHash('sha256').update(tokenOf(cookie)).digest('hex');

function entry() {
	return {
		id: randomUUID(),
		sessionId: server.clinic.sessionId,
		participantId: server.clinic.participantId,
		recordedAt: Date.now(),
		deviceId: 'test-phone',
		payload: { kind: 'pain', value: 3 }
	};
}

/** A technician's phone in the running class, and a colleague's beside it. */
async function phonesInClass() {
	const cookie = await server.cookieFor(server.clinic.technicianId);
	const phone = await connected(server.staff(cookie));
	const colleague = await connected(
		server.staff(await server.cookieFor(server.clinic.coordinatorId))
	);
	for (const socket of [phone, colleague]) {
		expect(
			await socket.emitWithAck('class:join', { sessionId: server.clinic.sessionId })
		).toMatchObject({ ok: true });
	}
	const heard: unknown[] = [];
	phone.on('entry:recorded', (stored) => heard.push(stored));
	const ended = new Promise<{ reason: string }>((resolve) => phone.once('session:ended', resolve));
	const gone = new Promise<void>((resolve) => phone.once('disconnect', () => resolve()));
	return { cookie, phone, colleague, heard, ended, gone };
}

/** The colleague's entry reaches a phone in the class within this wait, or never. */
async function colleagueRecords(colleague: ClientSocket) {
	expect(await colleague.emitWithAck('entry:record', entry())).toMatchObject({ ok: true });
	await new Promise((resolve) => setTimeout(resolve, 150));
}

describe('staff sockets end with their session', () => {
	it('a phone still in the room hears a colleague (the baseline the next tests rely on)', async () => {
		const { phone, colleague, heard } = await phonesInClass();
		await colleagueRecords(colleague);
		expect(heard).toHaveLength(1);
		phone.close();
		colleague.close();
	});

	it('a session that went idle in the database is cut by the timer, and hears nothing more', async () => {
		sessionChecks.everyMs = 200;
		const { cookie, colleague, heard, ended, gone } = await phonesInClass();
		// Idle for longer than 30 minutes, and the phone sends nothing at all.
		await server.database.db
			.update(sessions)
			.set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) })
			.where(eq(sessions.tokenHash, hashOf(cookie)));
		expect(await ended).toEqual({ reason: 'expired' });
		await gone;
		await colleagueRecords(colleague);
		expect(heard).toEqual([]);
		colleague.close();
	});

	it('a session is cut at its expiry time, not a minute later', async () => {
		const cookie = await server.cookieFor(server.clinic.technicianId);
		// Twelve hours old in 400 ms.
		await server.database.db
			.update(sessions)
			.set({ expiresAt: new Date(Date.now() + 400) })
			.where(eq(sessions.tokenHash, hashOf(cookie)));
		const phone = await connected(server.staff(cookie));
		const started = Date.now();
		await new Promise((resolve) => phone.once('disconnect', resolve));
		expect(Date.now() - started).toBeLessThan(5_000);
	});

	it.each(['class:join', 'class:log-since', 'room:speech'] as const)(
		'%s after the session ended is refused and cuts the socket',
		async (event) => {
			// Checked on the event itself: the timer would be far too late here.
			sessionChecks.cacheMs = 0;
			const cookie = await server.cookieFor(server.clinic.technicianId);
			const phone = await connected(server.staff(cookie));
			const gone = new Promise((resolve) => phone.once('disconnect', resolve));
			await server.database.db.delete(sessions).where(eq(sessions.tokenHash, hashOf(cookie)));
			const payload = {
				'class:join': { sessionId: server.clinic.otherSessionId },
				'class:log-since': { sessionId: server.clinic.sessionId, afterSeq: 0 },
				'room:speech': { roomId: server.clinic.roomId, enabled: false }
			}[event];
			expect(await phone.emitWithAck(event, payload)).toEqual({
				ok: false,
				code: 'signed-out',
				retry: true
			});
			await gone;
		}
	);

	it('disabling an account cuts its sockets at once', async () => {
		const { phone, colleague, heard, ended, gone } = await phonesInClass();
		const [user] = await server.database.db
			.insert(users)
			.values({
				clinicId: server.clinic.clinicId,
				email: `leaver-${randomUUID()}@example.org`,
				name: 'Leaver',
				role: 'technician',
				passwordHash: 'unused'
			})
			.returning({ id: users.id });
		const leaver = await connected(server.staff(await server.cookieFor(user!.id)));
		const leaverGone = new Promise((resolve) => leaver.once('disconnect', resolve));
		expect(
			await disableUser(server.database.db, server.clinic.technicianId, { io: server.app.io })
		).toBe(true);
		expect((await ended).reason).toBe('disabled');
		await gone;
		await colleagueRecords(colleague);
		expect(heard).toEqual([]);
		// Only that account: another technician stays connected.
		expect(leaver.connected).toBe(true);
		// And it cannot sign back in through a socket.
		expect(await disableUser(server.database.db, user!.id, { io: server.app.io })).toBe(true);
		await leaverGone;
		await server.database.db
			.update(users)
			.set({ disabledAt: null })
			.where(eq(users.id, server.clinic.technicianId));
		colleague.close();
		phone.close();
	});

	it('signing out elsewhere still cuts the sockets of that session only', async () => {
		const { cookie, colleague, ended, gone } = await phonesInClass();
		const sameUserOtherSession = await connected(
			server.staff(await server.cookieFor(server.clinic.technicianId))
		);
		disconnectSession(server.app.io, tokenOf(cookie));
		expect((await ended).reason).toBe('signed-out');
		await gone;
		expect(sameUserOtherSession.connected).toBe(true);
		sameUserOtherSession.close();
		colleague.close();
	});
});

describe('what keeps a session alive', () => {
	const lastSeen = async (cookie: string) =>
		(
			await server.database.db
				.select({ at: sessions.lastSeenAt })
				.from(sessions)
				.where(eq(sessions.tokenHash, hashOf(cookie)))
		)[0]!.at.getTime();
	const fiveMinutesAgo = async (cookie: string) => {
		const at = new Date(Date.now() - 5 * 60_000);
		await server.database.db
			.update(sessions)
			.set({ lastSeenAt: at })
			.where(eq(sessions.tokenHash, hashOf(cookie)));
		return at.getTime();
	};

	it('clock pings from a page with no live class do not', async () => {
		sessionChecks.cacheMs = 0;
		const cookie = await server.cookieFor(server.clinic.technicianId);
		const phone = await connected(server.staff(cookie));
		const before = await fiveMinutesAgo(cookie);
		// A class that has not started does not count either.
		await phone.emitWithAck('class:join', { sessionId: server.clinic.otherSessionId });
		const after = await fiveMinutesAgo(cookie);
		for (let i = 0; i < 3; i++) await phone.emitWithAck('clock:ping', { t0: Date.now() });
		expect(await lastSeen(cookie)).toBe(after);
		expect(after).toBeGreaterThanOrEqual(before);
		phone.close();
	});

	it('clock pings from a phone in a live class do, and so does anything a person does', async () => {
		sessionChecks.cacheMs = 0;
		const { cookie, phone, colleague } = await phonesInClass();
		const before = await fiveMinutesAgo(cookie);
		await phone.emitWithAck('clock:ping', { t0: Date.now() });
		expect(await lastSeen(cookie)).toBeGreaterThan(before + 60_000);

		await phone.emitWithAck('class:leave', { sessionId: server.clinic.sessionId });
		const idle = await fiveMinutesAgo(cookie);
		await phone.emitWithAck('clock:ping', { t0: Date.now() });
		expect(await lastSeen(cookie)).toBe(idle);
		await phone.emitWithAck('roster:search', { query: 'zz' });
		expect(await lastSeen(cookie)).toBeGreaterThan(idle + 60_000);
		phone.close();
		colleague.close();
	});
});
