import { randomUUID } from 'node:crypto';
import { and, eq, notInArray } from 'drizzle-orm';
import type { Socket as ClientSocket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	displayEventSchemas,
	staffEventSchemas,
	type DisplayEventName,
	type StaffEventName
} from '../../shared/events';
import { enrollments, participantEntries, participants } from '../db/schema';
import { connected, fingerprint, outcome, startClassServer, type TestServer } from './test-server';

/**
 * Every socket event against every kind of caller, generated from the event lists: a new event
 * without a rule here fails the first test. Staff: signed out, technician and coordinator of
 * clinic A, and a technician of clinic B sending clinic A's ids. Displays: unpaired, paired to
 * room A, and paired to room A asking about room B's class.
 */

let server: TestServer;
/** Participants of clinic A on no class yet: one per walk-in the matrix adds. */
let walkIns: string[];
/** A STOP alert in clinic A's class, for the alert actions. */
const alertId = randomUUID();

beforeAll(async () => {
	server = await startClassServer();
	const db = server.database.db;
	await db.insert(participantEntries).values({
		id: alertId,
		clinicId: server.clinic.clinicId,
		sessionId: server.clinic.sessionId,
		participantId: server.clinic.participantId,
		kind: 'vitals',
		payload: { kind: 'vitals', vitals: { timing: 'during', spo2: 86 } },
		recordedAt: new Date(),
		userId: server.clinic.technicianId,
		deviceId: 'matrix',
		findings: [
			{ ruleId: 'spo2-88', action: 'STOP', label: 'SpO2 < 88 %', advice: 'Stop', verified: true }
		]
	});
	const enrolled = db
		.select({ id: enrollments.participantId })
		.from(enrollments)
		.where(eq(enrollments.sessionId, server.clinic.sessionId));
	walkIns = (
		await db
			.select({ id: participants.id })
			.from(participants)
			.where(
				and(
					eq(participants.clinicId, server.clinic.clinicId),
					notInArray(participants.id, enrolled)
				)
			)
			.limit(4)
	).map((row) => row.id);
});
afterAll(() => server.close());

type Ctx = TestServer['clinic'] & { seq: number; walkIn: () => string };
type Answer = { ok: boolean; code?: string } & Record<string, unknown>;

/**
 * `staff`: what the clinic's own staff get ('ok', or 'refused' for a role that may not).
 * `foreign`: clinic B's staff using clinic A's ids: 'refused' (nothing changes), or 'own' for
 * events about the caller alone (answered, with nothing of clinic A in the answer).
 */
type StaffRule = {
	payload: (ctx: Ctx) => Record<string, unknown>;
	technician: 'ok' | 'refused';
	coordinator: 'ok' | 'refused';
	foreign: 'refused' | 'own';
};

/** An event every staff member of the clinic may send: `foreign` says what clinic B's get. */
const anyStaff = (
	payload: StaffRule['payload'],
	foreign: StaffRule['foreign'] = 'refused'
): StaffRule => ({ payload, technician: 'ok', coordinator: 'ok', foreign });

const staffRules: Record<StaffEventName, StaffRule> = {
	'session:whoami': anyStaff(() => ({}), 'own'),
	'clock:ping': anyStaff(() => ({ t0: Date.now() }), 'own'),
	'class:join': anyStaff((c) => ({ sessionId: c.sessionId })),
	// Leaving a room one is not in changes nothing and tells nothing.
	'class:leave': anyStaff((c) => ({ sessionId: c.sessionId }), 'own'),
	'class:command': anyStaff((c) => ({
		sessionId: c.sessionId,
		clientCommandId: randomUUID(),
		clientSeq: ++c.seq,
		command: { type: 'extend', seconds: 30 }
	})),
	'class:log-since': anyStaff((c) => ({ sessionId: c.sessionId, afterSeq: 0 })),
	'display:settings': anyStaff((c) => ({ displayId: c.displayId, volume: 40 + c.seq++ })),
	'room:speech': anyStaff((c) => ({ roomId: c.roomId, enabled: c.seq++ % 2 === 0 })),
	'display:identify': anyStaff((c) => ({ displayId: c.displayId })),
	'entry:record': anyStaff((c) => ({
		id: randomUUID(),
		sessionId: c.sessionId,
		participantId: c.participantId,
		recordedAt: Date.now(),
		deviceId: 'matrix',
		payload: { kind: 'pain', value: 1 }
	})),
	'class:clipboard': anyStaff((c) => ({ sessionId: c.sessionId })),
	// Two letters found in nearly every name.
	'roster:search': anyStaff(() => ({ query: 'an' }), 'own'),
	'roster:walk-in': anyStaff((c) => ({ sessionId: c.sessionId, participantId: c.walkIn() })),
	'alert:act': anyStaff((c) => ({
		id: randomUUID(),
		sessionId: c.sessionId,
		entryId: alertId,
		action: 'recheck'
	}))
};

type Display = 'unpaired' | 'paired' | 'pairedOtherRoom';
type DisplayRule = {
	payload: (ctx: Ctx, as: Display) => Record<string, unknown>;
} & Record<Display, 'ok' | 'refused'>;

/** An event answered for the displays named; every other display is refused. */
const answeredFor = (payload: DisplayRule['payload'], ...answered: Display[]): DisplayRule => ({
	payload,
	unpaired: answered.includes('unpaired') ? 'ok' : 'refused',
	paired: answered.includes('paired') ? 'ok' : 'refused',
	pairedOtherRoom: answered.includes('pairedOtherRoom') ? 'ok' : 'refused'
});
/** A paired display asking about a class: its own room's, or (pairedOtherRoom) room B's. */
const sessionFor = (c: Ctx, as: Display) =>
	as === 'pairedOtherRoom' ? c.otherSessionId : c.sessionId;

const displayRules: Record<DisplayEventName, DisplayRule> = {
	'clock:ping': answeredFor(() => ({ t0: Date.now() }), 'unpaired', 'paired', 'pairedOtherRoom'),
	'pairing:request': answeredFor(() => ({}), 'unpaired'),
	// A code nobody confirmed: no token for anyone.
	'pairing:claim': answeredFor(() => ({ code: 'ABCDEF', secret: 'guess' })),
	'display:hello': answeredFor(() => ({}), 'paired', 'pairedOtherRoom'),
	'class:log-since': answeredFor(
		(c, as) => ({ sessionId: sessionFor(c, as), afterSeq: 0 }),
		'paired'
	),
	'display:voice': answeredFor(
		() => ({ locale: 'es', hasVoice: false }),
		'paired',
		'pairedOtherRoom'
	),
	// The test rooms leave clicker control off (the default): a display changes nothing.
	'display:command': answeredFor((c, as) => ({
		sessionId: sessionFor(c, as),
		clientCommandId: randomUUID(),
		clientSeq: ++c.seq,
		command: { type: 'pause' }
	}))
};

function context(): Ctx {
	let next = 0;
	return { ...server.clinic, seq: 0, walkIn: () => walkIns[next++]! };
}

/** What of clinic A must never reach clinic B: its ids and its participants' names. */
async function clinicSecrets(): Promise<string[]> {
	const names = await server.database.db
		.select({ first: participants.firstName, last: participants.lastName })
		.from(participants)
		.where(eq(participants.clinicId, server.clinic.clinicId));
	const c = server.clinic;
	return [
		c.sessionId,
		c.roomId,
		c.displayId,
		c.participantId,
		...names.map((n) => `${n.first} ${n.last}`)
	];
}

describe('the socket authorization matrix', () => {
	it('has a rule for every event, and no rule for an event that is gone', () => {
		expect(Object.keys(staffRules).sort()).toEqual(Object.keys(staffEventSchemas).sort());
		expect(Object.keys(displayRules).sort()).toEqual(Object.keys(displayEventSchemas).sort());
	});

	it.each(Object.keys(staffEventSchemas))('signed out: no socket, so no %s', async (event) => {
		for (const cookie of [null, 'steady_session=forged-token']) {
			const socket = server.staff(cookie);
			const result = await outcome(socket);
			expect('error' in result && result.error.data?.code).toBe('unauthenticated');
			socket.close();
		}
		expect(event).toBeTruthy();
	});

	for (const role of ['technician', 'coordinator'] as const) {
		it(`${role} of the clinic: every event answers as its rule says`, async () => {
			const userId =
				role === 'technician' ? server.clinic.technicianId : server.clinic.coordinatorId;
			const socket = await connected(server.staff(await server.cookieFor(userId)));
			const ctx = context();
			for (const [event, rule] of Object.entries(staffRules)) {
				const answer = (await socket.emitWithAck(event, rule.payload(ctx))) as Answer;
				expect({ event, ok: answer.ok, code: answer.code }).toMatchObject({
					event,
					ok: rule[role] === 'ok'
				});
			}
			socket.close();
		});
	}

	it("another clinic's staff with this clinic's ids: refused, nothing changes, nothing leaks", async () => {
		const socket = await connected(server.staff(await server.cookieFor(server.other.technicianId)));
		const heard: unknown[] = [];
		socket.onAny((event, payload) => heard.push({ event, payload }));
		const secrets = await clinicSecrets();
		const before = await fingerprint(server.database);
		const ctx = context();
		for (const [event, rule] of Object.entries(staffRules)) {
			const answer = (await socket.emitWithAck(event, rule.payload(ctx))) as Answer;
			expect({ event, ok: answer.ok }).toEqual({ event, ok: rule.foreign === 'own' });
			const text = JSON.stringify(answer);
			for (const secret of secrets) expect(text, `${event} answer`).not.toContain(secret);
		}
		expect(await fingerprint(server.database)).toBe(before);
		// Nothing pushed to it either: it never got into clinic A's rooms.
		await new Promise((resolve) => setTimeout(resolve, 100));
		for (const secret of secrets) expect(JSON.stringify(heard)).not.toContain(secret);
		socket.close();
	});

	for (const as of ['unpaired', 'paired', 'pairedOtherRoom'] as const) {
		it(`display, ${as}: every event answers as its rule says`, async () => {
			const socket: ClientSocket = await connected(
				server.display(as === 'unpaired' ? undefined : server.clinic.displayToken)
			);
			const ctx = context();
			const before = await fingerprint(server.database);
			for (const [event, rule] of Object.entries(displayRules)) {
				const answer = (await socket.emitWithAck(event, rule.payload(ctx, as))) as Answer;
				expect({ event, ok: answer.ok }).toEqual({ event, ok: rule[as] === 'ok' });
			}
			// Nothing a display sends changes a class, a roster or an entry.
			expect(await fingerprint(server.database)).toBe(before);
			socket.close();
		});
	}
});
