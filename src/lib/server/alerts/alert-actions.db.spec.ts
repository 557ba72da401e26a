import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Socket as ClientSocket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	classAlertActions,
	classSessions,
	displays,
	participantEntries,
	participants,
	rooms
} from '../db/schema';
import { moveClassTo } from '../db/test-database';
import { recordPoolCheck } from '../planning/pool-check';
import { classRoster } from '../roster/roster';
import { connected, fingerprint, startClassServer, type TestServer } from '../realtime/test-server';
import { refusalText } from '../../shared/refusals';

/**
 * Alerts over real sockets and a real database: an alert action is validated at the boundary,
 * a bad one changes nothing, a retry is recognised, a sit-out links to its alert in one
 * transaction, every staff phone in the class hears it, and a display hears none of it.
 */

let server: TestServer;
let tech: ClientSocket;
let coordinator: ClientSocket;
let display: ClientSocket;
const heardByCoordinator: { event: string; payload: unknown }[] = [];
const heardByDisplay: string[] = [];
let participantName: string;

type Answer = { ok: boolean; error?: string; retry?: boolean } & Record<string, unknown>;
const send = (socket: ClientSocket, event: string, payload: unknown) =>
	socket.timeout(5000).emitWithAck(event, payload) as Promise<Answer>;

function entry(payload: Record<string, unknown>, extra: Record<string, unknown> = {}) {
	return {
		id: randomUUID(),
		sessionId: server.clinic.sessionId,
		participantId: server.clinic.participantId,
		recordedAt: Date.now(),
		deviceId: 'alerts-spec',
		payload,
		...extra
	};
}

async function recordStop(): Promise<string> {
	const stop = entry({ kind: 'vitals', vitals: { timing: 'during', heartRate: 142, spo2: 86 } });
	const answer = await send(tech, 'entry:record', stop);
	expect(answer).toMatchObject({ ok: true });
	expect((answer.findings as { action: string }[]).map((f) => f.action)).toContain('STOP');
	return stop.id;
}

const actionsIn = (entryId: string) =>
	server.database.db.select().from(classAlertActions).where(eq(classAlertActions.entryId, entryId));

beforeAll(async () => {
	server = await startClassServer();
	const [person] = await server.database.db
		.select({ first: participants.firstName, last: participants.lastName })
		.from(participants)
		.where(eq(participants.id, server.clinic.participantId));
	participantName = person!.first;
	tech = await connected(server.staff(await server.cookieFor(server.clinic.technicianId)));
	coordinator = await connected(server.staff(await server.cookieFor(server.clinic.coordinatorId)));
	for (const socket of [tech, coordinator]) {
		expect(await send(socket, 'class:join', { sessionId: server.clinic.sessionId })).toMatchObject({
			ok: true
		});
	}
	coordinator.onAny((event, payload) => heardByCoordinator.push({ event, payload }));
	display = await connected(server.display(server.clinic.displayToken));
	display.onAny((event, payload) => heardByDisplay.push(`${event} ${JSON.stringify(payload)}`));
	expect(await send(display, 'display:hello', {})).toMatchObject({ ok: true });
});

afterAll(async () => {
	for (const socket of [tech, coordinator, display]) socket?.close();
	await server.close();
});

describe('alert actions', () => {
	it('refuses bad input with a clear error and changes nothing', async () => {
		const alertId = await recordStop();
		const pain = entry({ kind: 'pain', value: 2 });
		expect(await send(tech, 'entry:record', pain)).toMatchObject({ ok: true });
		const before = await fingerprint(server.database);
		const base = {
			id: randomUUID(),
			sessionId: server.clinic.sessionId,
			entryId: alertId,
			action: 'seen'
		};
		const refusals: [unknown, RegExp][] = [
			[{ ...base, action: 'dance' }, /^Invalid alert:act: .*\(action\)/],
			// Sit out is an entry, never an action sent on its own.
			[{ ...base, action: 'sit_out' }, /^Invalid alert:act/],
			[{ ...base, id: 'not-a-uuid' }, /^Invalid alert:act: not a valid id \(id\)/],
			[{ ...base, extra: 1 }, /^Invalid alert:act/],
			[{ ...base, entryId: pain.id }, /^No such alert in this class$/],
			[{ ...base, entryId: randomUUID() }, /^No such alert in this class$/],
			[{ ...base, sessionId: server.clinic.otherSessionId }, /^No such alert in this class$/],
			[{ ...base, sessionId: randomUUID() }, /^No such class in your clinic$/]
		];
		for (const [payload, error] of refusals) {
			const answer = await send(tech, 'alert:act', payload);
			expect(answer.ok, JSON.stringify(payload)).toBe(false);
			// The words the page shows for the refusal's code.
			expect(refusalText(answer as never)).toMatch(error);
		}
		// Another clinic's technician, with this clinic's real ids.
		const foreign = await connected(
			server.staff(await server.cookieFor(server.other.technicianId))
		);
		expect(await send(foreign, 'alert:act', base)).toMatchObject({
			ok: false,
			code: 'class-not-found'
		});
		foreign.close();
		expect(await fingerprint(server.database)).toBe(before);
	});

	it('stores an action once however often it is sent, and tells the other phones once', async () => {
		const alertId = await recordStop();
		const recheck = {
			id: randomUUID(),
			sessionId: server.clinic.sessionId,
			entryId: alertId,
			action: 'recheck'
		};
		heardByCoordinator.length = 0;
		const first = await send(tech, 'alert:act', recheck);
		expect(first).toMatchObject({ ok: true, duplicate: false, action: { action: 'recheck' } });
		const again = await send(tech, 'alert:act', recheck);
		expect(again).toMatchObject({ ok: true, duplicate: true });
		expect(again.action).toEqual(first.action);
		// The same id for something else is not a retry: refused, nothing stored.
		expect(await send(tech, 'alert:act', { ...recheck, action: 'stop_class' })).toMatchObject({
			ok: false,
			code: 'action-id-used'
		});
		expect(await actionsIn(alertId)).toHaveLength(1);
		await new Promise((resolve) => setTimeout(resolve, 100));
		const acted = heardByCoordinator.filter((h) => h.event === 'alert:acted');
		expect(acted).toHaveLength(1);
		expect(acted[0]!.payload).toMatchObject({
			sessionId: server.clinic.sessionId,
			action: { entryId: alertId, action: 'recheck', by: expect.any(String) }
		});
	});

	it("keeps one 'seen' per person and alert: a second phone of theirs gets the first", async () => {
		const alertId = await recordStop();
		const seen = (id: string) => ({
			id,
			sessionId: server.clinic.sessionId,
			entryId: alertId,
			action: 'seen'
		});
		const first = await send(tech, 'alert:act', seen(randomUUID()));
		const second = await send(tech, 'alert:act', seen(randomUUID()));
		expect(second).toMatchObject({ ok: true, duplicate: true });
		expect((second.action as { id: string }).id).toBe((first.action as { id: string }).id);
		expect(await send(coordinator, 'alert:act', seen(randomUUID()))).toMatchObject({
			ok: true,
			duplicate: false
		});
		expect(await actionsIn(alertId)).toHaveLength(2);
	});

	it('a sit-out is an entry and an action on its alert, stored together, heard by every phone', async () => {
		const alertId = await recordStop();
		heardByCoordinator.length = 0;
		// An alert not here (yet): passing refusal, so the outbox keeps it; nothing stored.
		const early = entry({ kind: 'sit_out', alertId: randomUUID() });
		expect(await send(tech, 'entry:record', early)).toMatchObject({ ok: false, retry: true });
		const [stored] = await server.database.db
			.select()
			.from(participantEntries)
			.where(eq(participantEntries.id, early.id));
		expect(stored).toBeUndefined();

		const sitOut = entry({ kind: 'sit_out', alertId });
		expect(await send(tech, 'entry:record', sitOut)).toMatchObject({ ok: true, duplicate: false });
		expect(await send(tech, 'entry:record', sitOut)).toMatchObject({ ok: true, duplicate: true });
		const rows = await actionsIn(alertId);
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ id: sitOut.id, action: 'sit_out' });
		expect(rows[0]!.at.getTime()).toBe(sitOut.recordedAt);

		await new Promise((resolve) => setTimeout(resolve, 100));
		const events = heardByCoordinator.map((h) => h.event);
		expect(events).toContain('entry:recorded');
		expect(events.filter((e) => e === 'alert:acted')).toHaveLength(1);

		// The clipboard a phone loads after a reload has it too.
		const answer = await send(coordinator, 'class:clipboard', {
			sessionId: server.clinic.sessionId
		});
		const clipboard = answer.clipboard as { alertActions: { id: string; action: string }[] };
		expect(clipboard.alertActions).toContainEqual(
			expect.objectContaining({ id: sitOut.id, action: 'sit_out' })
		);
	});

	it('the display hears nothing of it: no alert, no entry, no name', () => {
		const heard = heardByDisplay.join('\n');
		expect(heard).not.toContain('alert');
		expect(heard).not.toContain('entry');
		expect(heard).not.toContain('SpO2');
		expect(heard).not.toContain(participantName);
	});
});

describe('the pool start gate', () => {
	it('refuses the start until the pool check, a display online and the headcount in are done', async () => {
		const db = server.database.db;
		const [pool] = await db
			.select({ sessionId: classSessions.id, roomId: rooms.id })
			.from(classSessions)
			.innerJoin(rooms, eq(rooms.id, classSessions.roomId))
			.where(and(eq(rooms.kind, 'pool'), eq(classSessions.clinicId, server.clinic.clinicId)))
			.limit(1);
		const { sessionId, roomId } = pool!;
		// A seeded pool class may be on another day: the start must hang on the gate alone.
		await moveClassTo(db, sessionId, Date.now());
		let seq = 0;
		const start = () =>
			send(tech, 'class:command', {
				sessionId,
				clientCommandId: randomUUID(),
				clientSeq: 1000 + ++seq,
				command: { type: 'start' }
			});

		expect(await start()).toMatchObject({
			ok: false,
			code: 'pool-check-missing'
		});

		const user = { id: server.clinic.technicianId, clinicId: server.clinic.clinicId };
		expect(
			await recordPoolCheck(db, user, sessionId, {
				waterTempC: 34,
				freeChlorinePpm: 2,
				ph: 7.4,
				emergencyEquipmentChecked: true,
				rescuerPresent: true
			})
		).toMatchObject({ ok: true });
		expect(await start()).toMatchObject({
			ok: false,
			code: 'pool-display-missing'
		});

		const token = randomBytes(32).toString('base64url');
		await db.insert(displays).values({
			clinicId: server.clinic.clinicId,
			roomId,
			tokenHash: createHash('sha256').update(token).digest('hex')
		});
		const poolDisplay = await connected(server.display(token));
		expect(await send(poolDisplay, 'display:hello', {})).toMatchObject({ ok: true });
		const roster = await classRoster(db, server.clinic.clinicId, sessionId);
		const expected = roster.filter((m) => m.place !== 'waitlisted');
		const refused = await start();
		expect(refused.ok).toBe(false);
		expect(refusalText(refused as never)).toMatch(
			new RegExp(`^Headcount in: mark attendance for ${expected.length} more`)
		);

		// Everyone marked, nobody in the water: still no.
		const mark = (participantId: string, status: string) =>
			db.insert(participantEntries).values({
				id: randomUUID(),
				clinicId: server.clinic.clinicId,
				sessionId,
				participantId,
				kind: 'attendance',
				payload: { kind: 'attendance', status: status as 'absent' },
				recordedAt: new Date(),
				userId: server.clinic.technicianId,
				deviceId: 'gate-spec'
			});
		for (const member of expected) await mark(member.participantId, 'absent');
		expect(await start()).toMatchObject({
			ok: false,
			code: 'headcount-in-empty'
		});
		await mark(expected[0]!.participantId, 'present');
		expect(await start()).toMatchObject({ ok: true });

		// The display going away is heard by the class's phones (the checklist would untick).
		poolDisplay.close();
	});
});
