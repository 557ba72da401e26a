import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { englishLines } from '../testing/setting-lines';
import type { Entry } from '../../shared/entries';
import { refusalText, type Reason } from '../../shared/refusals';
import { localDate } from '../../shared/time-zone';
import { classState } from '../../shared/timeline';
import type { StaffUser } from '../auth/session';
import type { DatabaseHandle } from '../db/client';
import {
	classCommands,
	classSessionReopenings,
	classSessions,
	clinicSettingChanges,
	clinics,
	enrollments,
	rooms
} from '../db/schema';
import { recordEntry } from '../entries/entries';
import { recentSettingChanges } from '../settings/setting-changes';
import { saveClassWindows } from '../settings/class-windows';
import { LiveClassService } from './live-classes';
import { demoClinicDatabase, demoStaff, quietLive } from '../testing/demo-clinic';

/**
 * Hole 4 of issue 9: a technician could start and end next week's class, closing it for good.
 * Classes start only around their time on their own day; a coordinator can reopen one started by
 * mistake; entries only while a class can start, runs, or was just documented.
 */

let database: DatabaseHandle;
let clinicId: string;
let technician: StaffUser;
let coordinator: StaffUser;
let gymId: string;
let templateId: string;
let participantId: string;

beforeAll(async () => {
	({ database, clinicId } = await demoClinicDatabase(new Date(), 'America/New_York'));
	technician = await demoStaff(database.db, clinicId, 'technician');
	coordinator = await demoStaff(database.db, clinicId, 'coordinator');
	const [gym] = await database.db.select().from(rooms).where(eq(rooms.name, 'Gym A'));
	gymId = gym!.id;
	const [template] = await database.db
		.select()
		.from(classSessions)
		.where(eq(classSessions.roomId, gymId))
		.orderBy(asc(classSessions.startsAt))
		.limit(1);
	templateId = template!.id;
	const [member] = await database.db
		.select({ id: enrollments.participantId })
		.from(enrollments)
		.where(eq(enrollments.seriesId, template!.seriesId!));
	participantId = member!.id;
	// The shipped defaults (the demo clinic allows the whole day), changed in Settings, audited.
	expect(await saveWindows('60')).toEqual({ ok: true, changed: true });
});
afterAll(() => database.close());

/** The class windows as a coordinator saves them in Settings. */
const saveWindows = (
	startBeforeMinutes: string,
	startAfterMinutes = '60',
	documentationHours = '72'
) =>
	saveClassWindows(database.db, clinicId, coordinator.id, {
		startBeforeMinutes,
		startAfterMinutes,
		documentationHours
	});

/** A one-off gym class (a copy of the demo's first), starting at `startsAt`. */
async function classAt(startsAt: Date, status: 'scheduled' | 'completed' = 'scheduled') {
	const [template] = await database.db
		.select()
		.from(classSessions)
		.where(eq(classSessions.id, templateId));
	const id = randomUUID();
	await database.db.insert(classSessions).values({
		...template!,
		id,
		seriesId: null,
		occurrenceDate: null,
		startsAt,
		status,
		endedAt: status === 'completed' ? new Date(startsAt.getTime() + 45 * 60_000) : null
	});
	// On the roster, so an entry for them is refused for the window alone.
	await database.db
		.insert(enrollments)
		.values({ clinicId, participantId, sessionId: id, status: 'enrolled' });
	return id;
}

const at = (iso: string) => new Date(iso);
const service = (now: number) => quietLive(database.db, () => now);
const send = (
	live: LiveClassService,
	sessionId: string,
	type: 'start' | 'end',
	user = technician
) => live.command({ sessionId, user, command: { type }, clientCommandId: randomUUID() });

/** Starts and ends it at `now`: the room is free again for the next test. */
async function startAndEnd(sessionId: string, now: number) {
	const live = service(now);
	const started = await send(live, sessionId, 'start');
	if (started.ok) expect(await send(live, sessionId, 'end')).toMatchObject({ ok: true });
	return started;
}

describe('starting a class', () => {
	it('is refused a week ahead, saying when it can start, and changes nothing', async () => {
		const id = await classAt(at('2026-03-17T14:00:00Z')); // Tue 10:00 in New York
		const live = service(Date.parse('2026-03-10T14:00:00Z'));
		const refused = await send(live, id, 'start');
		expect(refused).toEqual({
			ok: false,
			code: 'too-early',
			params: {
				from: '2026-03-17T13:00:00.000Z',
				until: '2026-03-17T15:00:00.000Z',
				timeZone: 'America/New_York'
			}
		});
		// Worded by the reader's page, in the clinic's zone and the reader's format.
		expect(refusalText(refused as Reason, 'en')).toBe(
			'Too early: this class can be started from Mar 17, 2026, 9:00 AM to 11:00 AM'
		);
		expect(refusalText(refused as Reason, 'es')).toMatch(/17 mar 2026, 9:00 .* 11:00$/);
		// So it cannot be ended (closed) either, and the coordinator can still move or cancel it.
		expect(await send(live, id, 'end')).toMatchObject({ ok: false });
		const [row] = await database.db.select().from(classSessions).where(eq(classSessions.id, id));
		expect(row).toMatchObject({ status: 'scheduled', startedAt: null, endedAt: null });
		expect(
			await database.db.select().from(classCommands).where(eq(classCommands.sessionId, id))
		).toEqual([]);
	});

	it('is allowed from an hour before to an hour after the scheduled start', async () => {
		const start = Date.parse('2026-03-18T14:00:00Z');
		const id = await classAt(new Date(start));
		expect(await send(service(start - 61 * 60_000), id, 'start')).toMatchObject({ ok: false });
		expect(await send(service(start + 61 * 60_000), id, 'start')).toEqual({
			ok: false,
			code: 'too-late',
			params: {
				from: '2026-03-18T13:00:00.000Z',
				until: '2026-03-18T15:00:00.000Z',
				timeZone: 'America/New_York'
			}
		});
		expect(await startAndEnd(id, start - 60 * 60_000)).toEqual({
			ok: true,
			seq: 1,
			duplicate: false
		});
		const late = await classAt(new Date(start + 3 * 60 * 60_000));
		expect(await startAndEnd(late, start + 4 * 60 * 60_000)).toMatchObject({ ok: true });
	});

	it("stays within the class's own day in the clinic's zone", async () => {
		// 00:30 in New York (EDT, UTC-4) on 19 March: an hour before is still the 18th there.
		const earlyId = await classAt(at('2026-03-19T04:30:00Z'));
		const refused = await send(service(Date.parse('2026-03-19T03:45:00Z')), earlyId, 'start');
		expect(refused).toMatchObject({ ok: false, code: 'too-early' });
		expect(refusalText(refused as Reason, 'en')).toBe(
			'Too early: this class can be started from Mar 19, 2026, 12:00 AM to 1:30 AM'
		);
		expect(await startAndEnd(earlyId, Date.parse('2026-03-19T04:05:00Z'))).toMatchObject({
			ok: true
		});
		// 23:30 there on the 19th: ten past midnight is the next day, though within the hour.
		const lateId = await classAt(at('2026-03-20T03:30:00Z'));
		expect(await send(service(Date.parse('2026-03-20T04:10:00Z')), lateId, 'start')).toMatchObject({
			ok: false,
			code: 'too-late'
		});
		expect(await startAndEnd(lateId, Date.parse('2026-03-20T03:55:00Z'))).toMatchObject({
			ok: true
		});
	});

	it('follows the window set in Settings, and the change is audited', async () => {
		expect(await saveWindows('15')).toEqual({ ok: true, changed: true });
		const start = Date.parse('2026-03-24T14:00:00Z');
		const id = await classAt(new Date(start));
		expect(await send(service(start - 30 * 60_000), id, 'start')).toMatchObject({ ok: false });
		expect(await startAndEnd(id, start - 10 * 60_000)).toMatchObject({ ok: true });
		const [latest] = await recentSettingChanges(database.db, clinicId, 1);
		expect(latest!.by).toBe('Casey Morgan');
		expect(englishLines(latest!)).toEqual(['Start a class from: 60 min before → 15 min before']);
		expect(await saveWindows('-5', 'soon', '0')).toEqual({
			ok: false,
			problems: {
				startBeforeMinutes: {
					code: 'settings.windows.minutes-range',
					params: { min: 0, max: 1440 }
				},
				startAfterMinutes: { code: 'settings.enter-number' },
				documentationHours: { code: 'settings.windows.hours-range', params: { min: 1, max: 720 } }
			}
		});
		await saveWindows('60');
	});
});

describe('reopening a class started by mistake', () => {
	it('puts it back to scheduled, audited, and its old log no longer drives the class', async () => {
		const start = Date.parse('2026-03-25T14:00:00Z');
		const id = await classAt(new Date(start));
		expect(await startAndEnd(id, start)).toMatchObject({ ok: true });

		const live = service(start + 60_000);
		expect(await live.reopen({ sessionId: id, user: coordinator, reason: '  ' })).toEqual({
			ok: false,
			problem: { code: 'session-page.reopen-why' }
		});
		const stranger = { ...coordinator, clinicId: randomUUID() };
		expect(await live.reopen({ sessionId: id, user: stranger, reason: 'x' })).toEqual({
			ok: false,
			problem: { code: 'error.no-such-class' }
		});
		expect(
			await live.reopen({ sessionId: id, user: coordinator, reason: 'Started on the wrong room' })
		).toEqual({ ok: true });
		// Once: a scheduled class has nothing to reopen.
		expect(await live.reopen({ sessionId: id, user: coordinator, reason: 'again' })).toEqual({
			ok: false,
			problem: { code: 'session-page.reopen-not-started' }
		});

		const [row] = await database.db.select().from(classSessions).where(eq(classSessions.id, id));
		expect(row).toMatchObject({
			status: 'scheduled',
			startedAt: null,
			endedAt: null,
			plan: null,
			logEpoch: 1
		});
		const audit = await database.db
			.select()
			.from(classSessionReopenings)
			.where(eq(classSessionReopenings.sessionId, id));
		expect(audit).toEqual([
			expect.objectContaining({
				clinicId,
				userId: coordinator.id,
				reason: 'Started on the wrong room',
				epoch: 0,
				previousStatus: 'completed',
				startedAt: new Date(start),
				endedAt: new Date(start),
				createdAt: expect.any(Date)
			})
		]);

		// A restarted server rebuilds it from the log: the old run is kept but ignored.
		const restarted = service(start + 2 * 60_000);
		expect((await restarted.get(id, clinicId))!).toMatchObject({ status: 'scheduled', log: [] });
		expect(await send(restarted, id, 'start')).toEqual({ ok: true, seq: 1, duplicate: false });
		const again = service(start + 3 * 60_000);
		const loaded = (await again.get(id, clinicId))!;
		expect(loaded.log.map((e) => e.command.type)).toEqual(['start']);
		expect(classState(loaded.plan!, loaded.log, start + 3 * 60_000).status).toBe('running');
		const stored = await database.db
			.select({ epoch: classCommands.epoch, seq: classCommands.seq })
			.from(classCommands)
			.where(eq(classCommands.sessionId, id))
			.orderBy(asc(classCommands.epoch), asc(classCommands.seq));
		expect(stored).toEqual([
			{ epoch: 0, seq: 1 },
			{ epoch: 0, seq: 2 },
			{ epoch: 1, seq: 1 }
		]);
		// A live class can be reopened too; then the room is free.
		expect(await again.reopen({ sessionId: id, user: coordinator, reason: 'Wrong class' })).toEqual(
			{ ok: true }
		);
		const [after] = await database.db
			.select({ status: classSessions.status })
			.from(classSessions)
			.where(and(eq(classSessions.id, id)));
		expect(after!.status).toBe('scheduled');
	});
});

describe('entries and the documentation window', () => {
	const entry = (sessionId: string, recordedAt = Date.now()): Entry => ({
		id: randomUUID(),
		sessionId,
		participantId,
		recordedAt,
		deviceId: 'phone-a',
		payload: { kind: 'attendance', status: 'present' }
	});
	const record = (sessionId: string) =>
		recordEntry(database.db, service(Date.now()), technician, entry(sessionId));

	it('are refused for a class next week, finally (no retry)', async () => {
		const id = await classAt(new Date(Date.now() + 7 * 24 * 60 * 60_000));
		const result = await record(id);
		expect(result).toEqual({
			ok: false,
			code: 'entries-not-open',
			params: { opens: expect.stringMatching(/^\d{4}-.*Z$/), timeZone: 'America/New_York' }
		});
		expect(result).not.toHaveProperty('retry');
	});

	it('are taken before the start, in its window (attendance comes first)', async () => {
		// 20 minutes ahead, or 20 minutes ago when that would be tomorrow in New York.
		const soon = new Date(Date.now() + 20 * 60_000);
		const today = localDate('America/New_York', new Date());
		const sameDay = localDate('America/New_York', soon) === today;
		const id = await classAt(sameDay ? soon : new Date(Date.now() - 20 * 60_000));
		expect(await record(id)).toMatchObject({ ok: true, duplicate: false });
	});

	it('are taken 71 hours after the end, refused 73 hours after', async () => {
		const hour = 60 * 60_000;
		const recent = await classAt(new Date(Date.now() - 71 * hour - 45 * 60_000), 'completed');
		expect(await record(recent)).toMatchObject({ ok: true });
		const old = await classAt(new Date(Date.now() - 73 * hour - 45 * 60_000), 'completed');
		expect(await record(old)).toEqual({
			ok: false,
			code: 'entries-closed',
			params: { hours: 72 }
		});
	});

	it('still answers an entry stored before the window closed as stored', async () => {
		const id = await classAt(new Date(Date.now() - 2 * 60 * 60_000), 'completed');
		const sent = entry(id);
		expect(await recordEntry(database.db, service(Date.now()), technician, sent)).toMatchObject({
			ok: true,
			duplicate: false
		});
		await database.db
			.update(classSessions)
			.set({ endedAt: new Date(Date.now() - 100 * 60 * 60_000) })
			.where(eq(classSessions.id, id));
		expect(await recordEntry(database.db, service(Date.now()), technician, sent)).toMatchObject({
			ok: true,
			duplicate: true
		});
	});
});

// The clinic's zone must be the one the seed used, or every expectation above is off by hours.
it('runs in New York time', async () => {
	const [clinic] = await database.db.select().from(clinics).where(eq(clinics.id, clinicId));
	expect(clinic!.timeZone).toBe('America/New_York');
	expect(await database.db.select().from(clinicSettingChanges)).not.toHaveLength(0);
});
