import { randomUUID } from 'node:crypto';
import { and, asc, eq, gte, lt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffLogEntry } from '../../shared/live';
import { classState } from '../../shared/timeline';
import type { StaffUser } from '../auth/session';
import type { DatabaseHandle } from '../db/client';
import { classCommands, classSessions, rooms } from '../db/schema';
import { LiveClassService, type LiveBroadcast, type LoadedClass } from './live-classes';
import { refuse } from '../../shared/refusals';
import { demoClinicDatabase, demoStaff } from '../testing/demo-clinic';

let database: DatabaseHandle;
let technician: StaffUser;
let sessionIds: string[];
const heard: { sessionId: string; entry: StaffLogEntry }[] = [];
const broadcast: LiveBroadcast = {
	command: (live: LoadedClass, entry) => heard.push({ sessionId: live.sessionId, entry }),
	changed: () => {}
};
let clock = Date.parse('2026-11-26T15:00:00Z');
const now = () => clock;

beforeAll(async () => {
	let clinicId: string;
	({ database, clinicId } = await demoClinicDatabase(new Date(clock)));
	technician = await demoStaff(database.db, clinicId, 'technician');
	const [gym] = await database.db.select().from(rooms).where(eq(rooms.name, 'Gym A'));
	const [pool] = await database.db.select().from(rooms).where(eq(rooms.name, 'Therapy Pool'));
	// The demo has two gym classes and one pool class a day; the tests need one more of each.
	await extraClassToday(gym!.id, '17:00');
	await extraClassToday(pool!.id, '16:00');
	sessionIds = (
		await database.db
			.select({ id: classSessions.id })
			.from(classSessions)
			.where(and(eq(classSessions.roomId, gym!.id), onTheDay()))
			.orderBy(asc(classSessions.startsAt))
	).map((row) => row.id);
});
afterAll(() => database.close());

/** Classes may only be started on their own day: the tests use the clock's day's classes. */
const onTheDay = () => {
	const day = new Date(clock).toISOString().slice(0, 10);
	return and(
		gte(classSessions.startsAt, new Date(`${day}T00:00:00Z`)),
		lt(classSessions.startsAt, new Date(`${day}T23:59:59Z`))
	);
};

/** A one-off copy of the room's first class today, at `time` (UTC). */
async function extraClassToday(roomId: string, time: string) {
	const [template] = await database.db
		.select()
		.from(classSessions)
		.where(and(eq(classSessions.roomId, roomId), onTheDay()))
		.limit(1);
	const day = new Date(clock).toISOString().slice(0, 10);
	await database.db.insert(classSessions).values({
		...template!,
		id: randomUUID(),
		seriesId: null,
		occurrenceDate: null,
		startsAt: new Date(`${day}T${time}:00Z`)
	});
}

const send = (
	service: LiveClassService,
	sessionId: string,
	type: 'start' | 'pause' | 'resume' | 'next' | 'end',
	user = technician
) => service.command({ sessionId, user, command: { type }, clientCommandId: randomUUID() });

describe('live classes', () => {
	it('writes each command with the next sequence number before telling anyone', async () => {
		const service = new LiveClassService(database.db, broadcast, now);
		const id = sessionIds[0]!;
		expect(await send(service, id, 'start')).toEqual({ ok: true, seq: 1, duplicate: false });
		clock += 10_000;
		expect(await send(service, id, 'pause')).toMatchObject({ ok: true, seq: 2 });
		const stored = await database.db
			.select({ seq: classCommands.seq })
			.from(classCommands)
			.where(eq(classCommands.sessionId, id));
		expect(stored.map((r) => r.seq)).toEqual([1, 2]);
		expect(heard.filter((h) => h.sessionId === id).map((h) => h.entry.seq)).toEqual([1, 2]);
		expect(heard.at(-1)!.entry.by).toBe('Jordan Lee');
		const [session] = await database.db
			.select()
			.from(classSessions)
			.where(eq(classSessions.id, id));
		expect(session!.status).toBe('live');
		expect(session!.plan?.blocks.length).toBeGreaterThan(10);
	});

	it('refuses commands that no longer apply, with a reason, and stores nothing', async () => {
		const service = new LiveClassService(database.db, broadcast, now);
		const id = sessionIds[0]!;
		const refused = await send(service, id, 'pause');
		expect(refused).toEqual({ ok: false, code: 'already-paused' });
		expect(await send(service, id, 'start')).toMatchObject({ ok: false });
		const stored = await database.db
			.select()
			.from(classCommands)
			.where(eq(classCommands.sessionId, id));
		expect(stored).toHaveLength(2);
	});

	it('applies two phones pressing at once in sequence order, so both see the same class', async () => {
		const service = new LiveClassService(database.db, broadcast, now);
		const id = sessionIds[0]!;
		clock += 5_000;
		const [a, b] = await Promise.all([send(service, id, 'resume'), send(service, id, 'next')]);
		expect(a).toMatchObject({ ok: true, seq: 3 });
		expect(b).toMatchObject({ ok: true, seq: 4 });
		// A third press of "resume" at the same moment is refused: the class is already running.
		expect(await send(service, id, 'resume')).toMatchObject({ ok: false });
	});

	it('answers a retried command without applying it twice', async () => {
		const service = new LiveClassService(database.db, broadcast, now);
		const id = sessionIds[0]!;
		const clientCommandId = randomUUID();
		const command = { type: 'pause' } as const;
		const first = await service.command({
			sessionId: id,
			user: technician,
			command,
			clientCommandId
		});
		const again = await service.command({
			sessionId: id,
			user: technician,
			command,
			clientCommandId
		});
		expect(first).toMatchObject({ ok: true, duplicate: false });
		expect(again).toEqual({ ok: true, seq: (first as { seq: number }).seq, duplicate: true });
	});

	it('rebuilds a class from the log after a restart, to the same state', async () => {
		const before = new LiveClassService(database.db, broadcast, now);
		const after = new LiveClassService(database.db, broadcast, now);
		const id = sessionIds[0]!;
		const a = (await before.get(id, technician.clinicId))!;
		const b = (await after.get(id, technician.clinicId))!;
		expect(b.log).toEqual(a.log);
		expect(classState(b.plan!, b.log, clock + 60_000)).toEqual(
			classState(a.plan!, a.log, clock + 60_000)
		);
	});

	it("refuses a second live class in the room, and another clinic's class", async () => {
		const service = new LiveClassService(database.db, broadcast, now);
		const refused = await send(service, sessionIds[1]!, 'start');
		expect(refused).toEqual({
			ok: false,
			code: 'room-busy',
			params: { className: 'Balance Basics' }
		});
		const stranger = { ...technician, clinicId: randomUUID() };
		expect(await send(service, sessionIds[0]!, 'next', stranger)).toEqual({
			ok: false,
			code: 'class-not-found'
		});
		expect(await service.get(sessionIds[0]!, stranger.clinicId)).toBeNull();
	});

	it('ends a class: completed, and nothing more applies', async () => {
		const service = new LiveClassService(database.db, broadcast, now);
		const id = sessionIds[0]!;
		clock += 1000;
		expect(await send(service, id, 'end')).toMatchObject({ ok: true });
		const [session] = await database.db
			.select({ status: classSessions.status })
			.from(classSessions)
			.where(and(eq(classSessions.id, id)));
		expect(session!.status).toBe('completed');
		expect(await send(service, id, 'resume')).toEqual(refuse('class-completed'));
		// The room is free again.
		expect(await send(service, sessionIds[1]!, 'start')).toMatchObject({ ok: true, seq: 1 });
	});

	it('closes a class whose routine ran out when the next class in the room starts', async () => {
		const service = new LiveClassService(database.db, broadcast, now);
		// sessionIds[1] started in the test above; two hours later its routine has long run out.
		clock += 2 * 60 * 60 * 1000;
		expect(await send(service, sessionIds[2]!, 'start')).toMatchObject({ ok: true, seq: 1 });
		const [closed] = await database.db
			.select({ status: classSessions.status, endedAt: classSessions.endedAt })
			.from(classSessions)
			.where(eq(classSessions.id, sessionIds[1]!));
		expect(closed!.status).toBe('completed');
		expect(closed!.endedAt!.getTime()).toBeLessThanOrEqual(clock);
	});

	it('lets only one of two classes started at the same moment in one room go live', async () => {
		const service = new LiveClassService(database.db, broadcast, now);
		const [pool] = await database.db.select().from(rooms).where(eq(rooms.name, 'Therapy Pool'));
		const poolSessions = await database.db
			.select({ id: classSessions.id })
			.from(classSessions)
			.where(and(eq(classSessions.roomId, pool!.id), onTheDay()))
			.limit(2);
		const results = await Promise.all(poolSessions.map((s) => send(service, s.id, 'start')));
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok)[0]).toMatchObject({ code: 'room-busy' });
	});
});
