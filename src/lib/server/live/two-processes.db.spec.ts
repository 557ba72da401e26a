import { randomUUID } from 'node:crypto';
import { and, asc, eq, gte, lt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Command } from '../../shared/timeline';
import type { StaffUser } from '../auth/session';
import type { DatabaseHandle } from '../db/client';
import { classCommands, classSessions, rooms } from '../db/schema';
import { seedDemoClinic } from '../db/seed/demo';
import { anHourAgoToday, createTestDatabase, moveClassTo, openAgain } from '../db/test-database';
import { LiveClassService } from './live-classes';
import { demoStaff, quietLive } from '../testing/demo-clinic';

/**
 * Two LiveClassService instances on one database, as two server processes behind a load
 * balancer: each has its own cache and its own queue, and only the database orders them. On
 * `npm run test:pg` each has its own connection pool, so their transactions really overlap.
 */
let first: DatabaseHandle;
let second: DatabaseHandle;
let technician: StaffUser;
/** Four gym classes, all moved to the test clock (same room, so one may be live). */
let gymClasses: string[];
const clock = anHourAgoToday();

beforeAll(async () => {
	first = await createTestDatabase();
	second = await openAgain(first);
	const { clinicId } = await seedDemoClinic(first.db, new Date(clock), 'UTC');
	technician = await demoStaff(first.db, clinicId, 'technician');
	const [gym] = await first.db.select().from(rooms).where(eq(rooms.name, 'Gym A'));
	// The coming week, not the day around the clock: the gym meets at least five times a week, but
	// late on a Tuesday only three of its classes fell within a day and a half either side.
	const dayStart = new Date(clock - 24 * 60 * 60_000);
	const dayEnd = new Date(clock + 7 * 24 * 60 * 60_000);
	const gymRows = await first.db
		.select({ id: classSessions.id })
		.from(classSessions)
		.where(
			and(
				eq(classSessions.roomId, gym!.id),
				eq(classSessions.status, 'scheduled'),
				gte(classSessions.startsAt, dayStart),
				lt(classSessions.startsAt, dayEnd)
			)
		)
		.orderBy(asc(classSessions.startsAt))
		.limit(4);
	gymClasses = gymRows.map((row) => row.id);
	expect(gymClasses, 'four gym classes in the coming week').toHaveLength(4);
	for (const id of gymClasses) await moveClassTo(first.db, id, clock);
});

afterAll(async () => {
	if (second !== first) await second?.close();
	await first?.close();
});

const services = () => [quietLive(first.db, () => clock), quietLive(second.db, () => clock)];

const send = (service: LiveClassService, sessionId: string, command: Command) =>
	service.command({ sessionId, user: technician, command, clientCommandId: randomUUID() });

async function storedSeqs(sessionId: string) {
	const rows = await first.db
		.select({ seq: classCommands.seq })
		.from(classCommands)
		.where(eq(classCommands.sessionId, sessionId))
		.orderBy(asc(classCommands.seq));
	return rows.map((row) => row.seq);
}

describe('two processes on one database', () => {
	it('orders commands sent to both at once, with no gap, no repeat and no error', async () => {
		const [a, b] = services();
		const sessionId = gymClasses[0]!;
		expect(await send(a!, sessionId, { type: 'start' })).toMatchObject({ ok: true, seq: 1 });
		// Both always apply while the class runs: 'back' and a jump to the first block.
		const commands: Command[] = [{ type: 'back' }, { type: 'jump', blockIndex: 0 }];
		const results = await Promise.all(
			Array.from({ length: 40 }, (_, i) =>
				send(i % 2 ? b! : a!, sessionId, commands[Math.floor(i / 2) % 2]!)
			)
		);
		expect(results.filter((result) => !result.ok)).toEqual([]);
		const seqs = results.map((result) => (result.ok ? result.seq : 0)).sort((x, y) => x - y);
		expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => i + 2));
		expect(await storedSeqs(sessionId)).toEqual(Array.from({ length: 41 }, (_, i) => i + 1));
		// Neither answers from a stale cache: both read the same log as the database.
		const logA = (await a!.get(sessionId, technician.clinicId))!.log;
		const logB = (await b!.get(sessionId, technician.clinicId))!.log;
		expect(logA.map((entry) => entry.seq)).toEqual(await storedSeqs(sessionId));
		expect(logB).toEqual(logA);
		expect(await send(b!, sessionId, { type: 'end' })).toMatchObject({ ok: true, seq: 42 });
		expect((await a!.get(sessionId, technician.clinicId))!.status).toBe('completed');
	});

	it('lets one class of a room start when both processes start one at the same instant', async () => {
		const [a, b] = services();
		const [, x, y] = gymClasses;
		const [fromA, fromB] = await Promise.all([
			send(a!, x!, { type: 'start' }),
			send(b!, y!, { type: 'start' })
		]);
		const started = [fromA, fromB].filter((result) => result.ok);
		const refused = [fromA, fromB].filter((result) => !result.ok);
		expect(started).toHaveLength(1);
		expect(refused).toEqual([{ ok: false, code: 'room-busy', params: expect.any(Object) }]);
		const live = await first.db
			.select({ id: classSessions.id })
			.from(classSessions)
			.where(and(eq(classSessions.status, 'live'), eq(classSessions.roomId, (await roomOf(x!))!)));
		expect(live).toHaveLength(1);
		// The refused one stays startable once the other ends, from either process.
		const winner = fromA!.ok ? x! : y!;
		const loser = fromA!.ok ? y! : x!;
		expect(await send(b!, winner, { type: 'end' })).toMatchObject({ ok: true });
		expect(await send(a!, loser, { type: 'start' })).toMatchObject({ ok: true, seq: 1 });
		expect(await send(b!, loser, { type: 'end' })).toMatchObject({ ok: true, seq: 2 });
	});

	it('answers a command retried on the other process without storing it twice', async () => {
		const [a, b] = services();
		const sessionId = gymClasses[3]!;
		const clientCommandId = randomUUID();
		const start = { sessionId, user: technician, clientCommandId };
		expect(await a!.command({ ...start, command: { type: 'start' } })).toMatchObject({
			ok: true,
			seq: 1,
			duplicate: false
		});
		expect(await b!.command({ ...start, command: { type: 'start' } })).toEqual({
			ok: true,
			seq: 1,
			duplicate: true
		});
		expect(await b!.appliedSeq(sessionId, technician.clinicId, clientCommandId)).toBe(1);
		expect(await storedSeqs(sessionId)).toEqual([1]);
	});

	it.skipIf(!process.env.TEST_DATABASE_URL)(
		'takes the next number when a writer that skipped the lock took this one (unique index)',
		async () => {
			const [a] = services();
			const sessionId = gymClasses[3]!;
			const live = (await a!.get(sessionId, technician.clinicId))!;
			const next = live.log.at(-1)!.seq + 1;
			// A rogue writer holds seq `next` uncommitted: the service cannot see it, takes the lock,
			// inserts the same number and waits on the index; when the rogue commits, it must retry.
			let release!: () => void;
			const held = new Promise<void>((resolve) => (release = resolve));
			let inserted!: () => void;
			const rogueInserted = new Promise<void>((resolve) => (inserted = resolve));
			const rogue = second.db.transaction(async (tx) => {
				await tx.insert(classCommands).values({
					clinicId: live.clinicId,
					sessionId,
					epoch: live.epoch,
					seq: next,
					at: new Date(clock),
					command: { type: 'back' },
					userId: technician.id,
					displayId: null,
					clientCommandId: randomUUID()
				});
				inserted();
				await held;
			});
			await rogueInserted;
			const pending = send(a!, sessionId, { type: 'back' });
			await new Promise((resolve) => setTimeout(resolve, 300));
			release();
			await rogue;
			expect(await pending).toMatchObject({ ok: true, seq: next + 1 });
			expect(await storedSeqs(sessionId)).toEqual([1, next, next + 1]);
		}
	);

	it('has a unique index that refuses a second command with the same number', async () => {
		const sessionId = gymClasses[3]!;
		const [row] = await first.db
			.select()
			.from(classCommands)
			.where(and(eq(classCommands.sessionId, sessionId), eq(classCommands.seq, 1)));
		await expect(
			first.db
				.insert(classCommands)
				.values({ ...row!, id: randomUUID(), clientCommandId: randomUUID() })
		).rejects.toThrow();
	});
});

async function roomOf(sessionId: string) {
	const [row] = await first.db
		.select({ roomId: classSessions.roomId })
		.from(classSessions)
		.where(eq(classSessions.id, sessionId));
	return row?.roomId;
}
