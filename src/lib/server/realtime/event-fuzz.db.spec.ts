import fc from 'fast-check';
import type { Socket as ClientSocket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayEventSchemas, staffEventSchemas } from '../../shared/events';
import { connected, fingerprint, startClassServer, type TestServer } from './test-server';
import { isRefusalCode } from '../../shared/refusals';

/**
 * Random and malformed payloads for every socket event, listed from the schemas so a new event is
 * fuzzed without touching this file: the server answers every acknowledged event with a
 * well-formed refusal or answer, stays healthy, and no class, roster or entry changes. The
 * senders are a technician of another clinic (given clinic A's real ids to mix in, so a payload
 * that happens to be valid still may change nothing) and displays, paired and not.
 */

let server: TestServer;

beforeAll(async () => {
	// The limits would refuse most of the fuzz unread; floods.db.spec.ts tests them.
	server = await startClassServer({ limits: false });
});
afterAll(() => server.close());

const pollutionKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

/**
 * Junk of every shape, with the schemas' own field names mixed in, and clinic A's real ids when
 * the sender is not of clinic A (for clinic A's own staff a valid payload may rightly change
 * something; random ids never name anything real).
 */
function junk(realIds: boolean): fc.Arbitrary<unknown> {
	const c = server.clinic;
	const ids = realIds
		? fc.constantFrom(c.sessionId, c.otherSessionId, c.roomId, c.displayId, c.participantId)
		: fc.uuid();
	const keys = fc.oneof(
		fc.constantFrom(
			...pollutionKeys,
			'sessionId',
			'participantId',
			'roomId',
			'displayId',
			'command',
			'payload',
			'kind',
			'type',
			't0',
			'afterSeq',
			'query',
			'code',
			'secret',
			'id'
		),
		fc.string({ maxLength: 12 })
	);
	const leaf = fc.oneof(
		fc.constant(null),
		fc.constant(undefined),
		fc.boolean(),
		fc.integer(),
		fc.double(),
		fc.bigInt().map((n) => Number(n)),
		fc.string({ maxLength: 40 }),
		fc.string({ unit: 'grapheme', maxLength: 20 }),
		ids,
		fc.uuid(),
		fc.constantFrom('start', 'end', 'stop', 'pain', 'note', 'extend', 'jump', '', ' '),
		// Big strings and binary frames, below the 256 KB frame limit.
		fc.integer({ min: 10_000, max: 120_000 }).map((n) => 'x'.repeat(n)),
		fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes))
	);
	const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
		tree: fc.oneof(
			{ depthSize: 'small', withCrossShrink: true },
			leaf,
			fc.array(tie('tree'), { maxLength: 4 }),
			fc.dictionary(keys, tie('tree'), { maxKeys: 5 }),
			// An own "__proto__" key, as JSON.parse makes it: the way a frame carries one.
			fc
				.tuple(fc.constantFrom(...pollutionKeys), tie('tree'))
				.map(([key, value]) => JSON.parse(`{"${key}": ${safeJson(value)}, "polluted": true}`))
		)
	}));
	return tree;
}

/**
 * Payloads shaped like the event's own schema (its field names, values of about the right
 * kinds, some missing), so the fuzz gets past the schemas into the handlers.
 */
function shaped(schema: unknown, realIds: boolean): fc.Arbitrary<unknown> {
	const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape ?? {};
	const c = server.clinic;
	const id = realIds
		? fc.constantFrom(c.sessionId, c.otherSessionId, c.roomId, c.displayId, c.participantId)
		: fc.uuid();
	const anything = fc.oneof(
		id,
		fc.integer({ min: -2, max: 120 }),
		fc.boolean(),
		fc.string({ maxLength: 70 }),
		junk(realIds)
	);
	// Mostly a value of the kind the field's name suggests; now and then anything at all.
	const likely: [RegExp, fc.Arbitrary<unknown>][] = [
		[/Id$|^id$|^supersedes$/, id],
		[
			/^command$/,
			fc.oneof(
				commandType.map((type) => ({ type })),
				extend
			)
		],
		[/^payload$/, entryPayload],
		[/^(recordedAt|t0)$/, fc.constant(Date.now())],
		[/^(clientSeq|afterSeq|volume)$/, fc.integer({ min: 0, max: 120 })],
		[/^(enabled|muted)$/, fc.boolean()],
		[/^(query|code|secret|deviceId)$/, fc.string({ minLength: 1, maxLength: 20 })]
	];
	const valueFor = (key: string) => {
		const guess = likely.find(([pattern]) => pattern.test(key))?.[1];
		return guess
			? fc.oneof({ weight: 4, arbitrary: guess }, { weight: 1, arbitrary: anything })
			: anything;
	};
	const fields = Object.fromEntries(Object.keys(shape).map((key) => [key, valueFor(key)]));
	return fc.oneof(
		{ weight: 3, arbitrary: fc.record(fields) },
		{ weight: 1, arbitrary: fc.record(fields, { requiredKeys: [] }) }
	);
}

const commandType = fc.constantFrom('start', 'end', 'stop', 'pause', 'resume', 'next', 'done');
const extend = fc.constant({ type: 'extend', seconds: 30 });
const entryPayload = fc.constantFrom(
	{ kind: 'pain', value: 3 },
	{ kind: 'note', text: 'fuzz' },
	{ kind: 'attendance', status: 'present' },
	{ kind: 'headcount_out', count: 1 },
	{ kind: 'retraction' }
);

function safeJson(value: unknown): string {
	try {
		return JSON.stringify(value) ?? 'null';
	} catch {
		return 'null';
	}
}

function shortReport(details: { failed: boolean; seed: number; error?: unknown }) {
	if (!details.failed) return;
	const message = String((details.error as Error | undefined)?.message ?? details.error);
	throw new Error(`fuzz failed (seed ${details.seed}): ${message.slice(0, 500)}`);
}

type Ack = 'ack' | 'none' | 'not-a-function';
const ackStyle = fc.constantFrom<Ack>('ack', 'ack', 'none', 'not-a-function');

/** How the fuzzed events were answered, to show the fuzz reached past the schemas. */
const tally = new Map<string, number>();

/** Sends one event; with an ack, the answer must come and be a well-formed result. */
async function send(socket: ClientSocket, event: string, args: unknown[], ack: Ack) {
	if (ack === 'none') return void socket.emit(event, ...args);
	if (ack === 'not-a-function') return void socket.emit(event, ...args, 'not a function');
	const answer = (await socket.timeout(5000).emitWithAck(event, ...args)) as {
		ok: unknown;
		code?: unknown;
	};
	expect(typeof answer.ok).toBe('boolean');
	// A refusal is a code the pages have words for, never prose.
	if (answer.ok === false) expect(isRefusalCode(answer.code)).toBe(true);
	const kind = answer.ok ? 'answered' : String(answer.code);
	tally.set(kind, (tally.get(kind) ?? 0) + 1);
}

async function fuzz(
	namespace: 'staff' | 'display',
	realIds: boolean,
	sockets: () => Promise<ClientSocket[]>
) {
	const schemas: Record<string, unknown> =
		namespace === 'staff' ? staffEventSchemas : displayEventSchemas;
	const events = Object.keys(schemas);
	let open = await sockets();
	const before = await fingerprint(server.database);
	tally.clear();
	await fc.assert(
		fc.asyncProperty(
			fc
				.constantFrom(...events, 'no:such-event')
				.chain((event) =>
					fc.tuple(
						fc.constant(event),
						fc.oneof(
							fc.tuple(shaped(schemas[event], realIds)),
							fc.array(junk(realIds), { minLength: 0, maxLength: 3 })
						)
					)
				),
			ackStyle,
			fc.nat(open.length - 1),
			async ([event, args], ack, which) => {
				// Over the frame limit the sender loses its socket (the last test): not fuzzed here.
				fc.pre(safeJson(args).length < 200_000);
				if (open.some((socket) => !socket.connected)) open = await sockets();
				await send(open[which]!, event, args, ack);
			}
		),
		// Counterexamples hold 100 KB strings: report the seed, not the value.
		{ numRuns: 400, interruptAfterTimeLimit: 10_000, reporter: shortReport }
	);
	// Everything sent without an ack has been handled by the time this answer comes back.
	for (const socket of open) {
		expect(await socket.emitWithAck('clock:ping', { t0: 1 })).toMatchObject({ ok: true });
	}
	expect(await fingerprint(server.database)).toBe(before);
	expect(await server.healthMs()).toBeLessThan(2000);
	expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	console.log(`${namespace} fuzz answers:`, Object.fromEntries(tally));
	for (const socket of open) socket.close();
}

describe('socket payload fuzz', () => {
	it("staff events from another clinic, with this clinic's ids: nothing changes", async () => {
		await fuzz('staff', true, async () => [
			await connected(server.staff(await server.cookieFor(server.other.technicianId)))
		]);
	});

	it("staff events from the clinic's own technician: junk changes nothing", async () => {
		await fuzz('staff', false, async () => [
			await connected(server.staff(await server.cookieFor(server.clinic.technicianId)))
		]);
	});

	it('display events: unpaired and paired, nothing changes and the server keeps answering', async () => {
		await fuzz('display', true, async () => [
			await connected(server.display()),
			await connected(server.display(server.clinic.displayToken))
		]);
	});

	it('a frame over the size limit costs the sender its socket, nothing else', async () => {
		const socket = await connected(server.display());
		const gone = new Promise((resolve) => socket.once('disconnect', resolve));
		socket.emit('clock:ping', { t0: 'x'.repeat(400 * 1024) });
		await gone;
		expect(await server.healthMs()).toBeLessThan(2000);
	});
});
