import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Socket as ClientSocket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffLogEntry } from '../../shared/live';
import { classCommands, classSessions, rooms, routineVersions, users } from '../db/schema';
import { LiveClassService } from '../live/live-classes';
import { eventLimits } from '../realtime/event-limits';
import { connected, fingerprint, startClassServer, type TestServer } from '../realtime/test-server';
import { renameDisplay } from './names';

/**
 * A clicker on a paired display runs the class through the phones' own command path, only where
 * its room allows it, and the log says which display it was. Real sockets, real database.
 */

let server: TestServer;
let display: ClientSocket;
let seq = 0;
type Answer = { ok: boolean; code?: string; seq?: number; duplicate?: boolean };

beforeAll(async () => {
	// The tests send faster than a clicker may; the last ones put the limit back and test it.
	server = await startClassServer({ limits: false });
	await renameDisplay(
		server.app.db,
		server.clinic.clinicId,
		server.clinic.displayId,
		'Gym left TV'
	);
	display = await connected(server.display(server.clinic.displayToken));
	expect(await display.emitWithAck('display:hello', {})).toMatchObject({ ok: true });
});
afterAll(() => server.close());

const allowControls = (roomId: string, on: boolean) =>
	server.database.db.update(rooms).set({ displayControls: on }).where(eq(rooms.id, roomId));

function send(
	socket: ClientSocket,
	type: string,
	extra: { sessionId?: string; clientCommandId?: string; clientSeq?: number } = {}
): Promise<Answer> {
	return socket.emitWithAck('display:command', {
		sessionId: server.clinic.sessionId,
		clientCommandId: randomUUID(),
		clientSeq: ++seq,
		command: { type },
		...extra
	});
}

async function logRows(sessionId = server.clinic.sessionId) {
	return server.database.db
		.select()
		.from(classCommands)
		.where(eq(classCommands.sessionId, sessionId))
		.orderBy(asc(classCommands.seq));
}

/** A technician's phone in the class, and what it hears. */
async function phoneInClass() {
	const phone = await connected(server.staff(await server.cookieFor(server.clinic.technicianId)));
	expect(
		await phone.emitWithAck('class:join', { sessionId: server.clinic.sessionId })
	).toMatchObject({ ok: true });
	const heard: StaffLogEntry[] = [];
	phone.on('class:applied', ({ entry }: { entry: StaffLogEntry }) => heard.push(entry));
	return { phone, heard };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

describe('display:identify', () => {
	it("flashes the display's name on that display only, for its own clinic's staff", async () => {
		const other = await connected(server.display(server.clinic.otherDisplayToken));
		expect(await other.emitWithAck('display:hello', {})).toMatchObject({ ok: true });
		const shown: unknown[] = [];
		const shownElsewhere: unknown[] = [];
		display.on('display:show-name', (payload) => shown.push(payload));
		other.on('display:show-name', (payload) => shownElsewhere.push(payload));

		const phone = await connected(server.staff(await server.cookieFor(server.clinic.technicianId)));
		expect(
			await phone.emitWithAck('display:identify', { displayId: server.clinic.displayId })
		).toEqual({ ok: true });
		// Another clinic's technician, with this clinic's display id: refused, nothing shown.
		const stranger = await connected(
			server.staff(await server.cookieFor(server.other.technicianId))
		);
		expect(
			await stranger.emitWithAck('display:identify', { displayId: server.clinic.displayId })
		).toEqual({ ok: false, code: 'display-not-found' });
		expect(await phone.emitWithAck('display:identify', { displayId: 'nope' })).toMatchObject({
			ok: false,
			code: 'invalid-payload'
		});
		await settle();
		expect(shown).toEqual([{ name: 'Gym left TV' }]);
		expect(shownElsewhere).toEqual([]);
		display.off('display:show-name');
		for (const socket of [other, phone, stranger]) socket.close();
	});

	it('is limited: a few flashes at once, then a refusal', async () => {
		eventLimits.enforced = true;
		const phone = await connected(
			server.staff(await server.cookieFor(server.clinic.coordinatorId))
		);
		const answers: Answer[] = [];
		for (let i = 0; i < 5; i++) {
			answers.push(
				await phone.emitWithAck('display:identify', { displayId: server.clinic.displayId })
			);
		}
		eventLimits.enforced = false;
		expect(answers.filter((a) => a.ok)).toHaveLength(3);
		expect(answers.at(-1)).toMatchObject({ ok: false, retry: true });
		phone.close();
	});
});

describe('display:command', () => {
	it('with the room setting off (the default) the server refuses, and nothing changes', async () => {
		const before = await fingerprint(server.database);
		expect(await send(display, 'pause')).toEqual({ ok: false, code: 'clicker-off' });
		expect(await fingerprint(server.database)).toBe(before);
	});

	it('with it on: pause, resume, next are applied, logged as the display and heard by phones', async () => {
		await allowControls(server.clinic.roomId, true);
		const { phone, heard } = await phoneInClass();
		const onDisplay: unknown[] = [];
		display.on('class:applied', (payload) => onDisplay.push(payload));
		const rowsBefore = (await logRows()).length;

		for (const type of ['pause', 'resume', 'next']) {
			expect(await send(display, type)).toMatchObject({ ok: true, duplicate: false });
		}
		await settle();
		expect(heard.map((entry) => [entry.command.type, entry.by])).toEqual([
			['pause', 'display Gym left TV'],
			['resume', 'display Gym left TV'],
			['next', 'display Gym left TV']
		]);
		// Displays hear the command too, without anyone's name.
		expect(onDisplay).toHaveLength(3);
		expect(JSON.stringify(onDisplay)).not.toContain('Gym left TV');

		const rows = (await logRows()).slice(rowsBefore);
		expect(rows.map((row) => [row.command.type, row.displayId, row.userId])).toEqual([
			['pause', server.clinic.displayId, null],
			['resume', server.clinic.displayId, null],
			['next', server.clinic.displayId, null]
		]);
		display.off('class:applied');
		phone.close();
	});

	it('a retried command (same id) is answered once, not applied twice', async () => {
		const clientCommandId = randomUUID();
		const first = await send(display, 'pause', { clientCommandId });
		expect(first).toMatchObject({ ok: true, duplicate: false });
		const again = await send(display, 'pause', { clientCommandId });
		expect(again).toEqual({ ok: true, seq: first.seq, duplicate: true });
		expect((await logRows()).filter((row) => row.clientCommandId === clientCommandId)).toHaveLength(
			1
		);
		expect(await send(display, 'resume')).toMatchObject({ ok: true });
	});

	it('refuses what a clicker may not send, malformed payloads and replays, changing nothing', async () => {
		const before = await fingerprint(server.database);
		const bad: Record<string, unknown>[] = [
			{ command: { type: 'start' } },
			{ command: { type: 'end' } },
			{ command: { type: 'extend', seconds: 30 } },
			{ command: { type: 'jump', blockIndex: 0 } },
			{ command: { type: 'pause', extra: 1 } },
			{ command: 'pause' },
			{ clientCommandId: 'not-a-uuid' },
			{ sessionId: 'nope' },
			{ clientSeq: 0 },
			{ clientSeq: 1.5 },
			{ by: 'Jordan Lee' }
		];
		for (const change of bad) {
			const payload = {
				sessionId: server.clinic.sessionId,
				clientCommandId: randomUUID(),
				clientSeq: ++seq,
				command: { type: 'pause' },
				...change
			};
			const answer = (await display.emitWithAck('display:command', payload)) as Answer;
			expect({ change, ok: answer.ok }).toEqual({ change, ok: false });
			expect(answer).toMatchObject({
				code: 'invalid-payload',
				params: { event: 'display:command' }
			});
		}
		// An old sequence number: a replay, refused.
		expect(await send(display, 'pause', { clientSeq: 1 })).toMatchObject({
			ok: false,
			code: 'out-of-order'
		});
		// "Done" where the class is not waiting for it: the timeline's own refusal.
		expect(await send(display, 'done')).toMatchObject({ ok: false });
		expect(await fingerprint(server.database)).toBe(before);
	});

	it("refuses another room's class, even one running where clicker control is on", async () => {
		await server.app.live.command({
			sessionId: server.clinic.otherSessionId,
			user: await technician(),
			command: { type: 'start' },
			clientCommandId: randomUUID()
		});
		await allowControls(server.clinic.otherRoomId, true);
		const before = await fingerprint(server.database);
		expect(await send(display, 'pause', { sessionId: server.clinic.otherSessionId })).toEqual({
			ok: false,
			code: 'no-live-class'
		});
		expect(await fingerprint(server.database)).toBe(before);
	});

	it("refuses another clinic's running class", async () => {
		const foreign = await foreignLiveClass();
		const before = await logRows(foreign);
		expect(await send(display, 'pause', { sessionId: foreign })).toEqual({
			ok: false,
			code: 'no-live-class'
		});
		expect(await logRows(foreign)).toEqual(before);
	});

	it('refuses a class of its own room that is not running, and an id that names nothing', async () => {
		const db = server.database.db;
		const [running] = await db
			.select()
			.from(classSessions)
			.where(eq(classSessions.id, server.clinic.sessionId));
		const [later] = await db
			.insert(classSessions)
			.values({
				clinicId: running!.clinicId,
				name: 'Later class',
				type: running!.type,
				roomId: running!.roomId,
				routineVersionId: running!.routineVersionId,
				leadUserId: running!.leadUserId,
				capacity: running!.capacity,
				startsAt: new Date(Date.now() + 3 * 3600_000),
				durationMinutes: running!.durationMinutes
			})
			.returning({ id: classSessions.id });
		for (const sessionId of [later!.id, randomUUID()]) {
			expect(await send(display, 'pause', { sessionId })).toEqual({
				ok: false,
				code: 'no-live-class'
			});
		}
		expect(await logRows(later!.id)).toEqual([]);
	});

	it('a renamed display is named by its new name; after a restart the log still says which display', async () => {
		await renameDisplay(
			server.app.db,
			server.clinic.clinicId,
			server.clinic.displayId,
			'Gym A left TV'
		);
		expect(await send(display, 'pause')).toMatchObject({ ok: true });
		expect(await send(display, 'resume')).toMatchObject({ ok: true });
		// A fresh service reads the log from the database, as a restarted server does.
		const fresh = new LiveClassService(server.app.db, { command() {}, changed() {} });
		const live = await fresh.get(server.clinic.sessionId, server.clinic.clinicId);
		const byDisplay = live!.log.filter((entry) => entry.by.startsWith('display '));
		expect(byDisplay.length).toBeGreaterThanOrEqual(7);
		expect(new Set(byDisplay.map((entry) => entry.by))).toEqual(new Set(['display Gym A left TV']));
		// The technician's start is still theirs.
		expect(live!.log[0]).toMatchObject({ command: { type: 'start' }, by: 'Jordan Lee' });
	});

	it('a stuck key or a script is slowed, then refused: a few commands a second at most', async () => {
		eventLimits.enforced = true;
		const answers = await Promise.all(Array.from({ length: 20 }, () => send(display, 'next')));
		const limited = answers.filter((a) => a.code === 'too-many-commands');
		expect(limited.length).toBeGreaterThanOrEqual(10);
		eventLimits.enforced = false;
	});

	it('a removed display is refused at once, before its socket is even cut', async () => {
		const before = await fingerprint(server.database);
		await server.app.pairing.revoke(server.clinic.displayId, server.clinic.clinicId);
		const after = await fingerprint(server.database);
		expect(after).not.toBe(before);
		expect(await send(display, 'pause')).toEqual({
			ok: false,
			code: 'display-removed'
		});
		expect(await fingerprint(server.database)).toBe(after);
	});
});

async function technician() {
	const [user] = await server.database.db
		.select()
		.from(users)
		.where(eq(users.id, server.clinic.technicianId));
	return { ...user!, clinicId: server.clinic.clinicId };
}

/** A class of clinic B, running now in clinic B's own room. */
async function foreignLiveClass(): Promise<string> {
	const db = server.database.db;
	const [room] = await db
		.insert(rooms)
		.values({ clinicId: server.other.clinicId, name: 'B gym', kind: 'gym', capacity: 10 })
		.returning({ id: rooms.id });
	const [session] = await db
		.select()
		.from(classSessions)
		.where(eq(classSessions.id, server.clinic.sessionId));
	const [version] = await db
		.select({ id: routineVersions.id })
		.from(routineVersions)
		.where(eq(routineVersions.id, session!.routineVersionId));
	const [created] = await db
		.insert(classSessions)
		.values({
			clinicId: server.other.clinicId,
			name: 'B class',
			type: 'balance',
			roomId: room!.id,
			routineVersionId: version!.id,
			leadUserId: server.other.technicianId,
			capacity: 10,
			startsAt: new Date(),
			durationMinutes: 45
		})
		.returning({ id: classSessions.id });
	const [other] = await db
		.select()
		.from(users)
		.where(and(eq(users.id, server.other.technicianId)));
	const started = await server.app.live.command({
		sessionId: created!.id,
		user: { ...other!, clinicId: server.other.clinicId },
		command: { type: 'start' },
		clientCommandId: randomUUID()
	});
	expect(started).toMatchObject({ ok: true });
	return created!.id;
}
