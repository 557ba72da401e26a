import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	attendanceCounts,
	attendanceByParticipantWeek,
	attendanceBySeriesWeek,
	classesBelowCapacity,
	ratePercent,
	waiters,
	waitlistDemand
} from './attendance';
import type { ReportFilter } from './filter';
import { reportFixture } from './testing';

/**
 * The attendance arithmetic on hand-made data with known answers (definitions in attendance.ts).
 * Two weeks of a 4-place series "Balance Basics" and one class of "Core Strength":
 *
 * Week of 2 Nov, Balance Basics (3 Nov): Ann present, Ben late, Cat absent, Dan marked present and
 *   then the mark retracted (so: no mark), Eve enrolled only on 5 Nov (not booked).
 *   -> attended 2 of 4 expected, 2 no-shows (Cat absent, Dan unmarked), 50 %.
 * Week of 9 Nov, Balance Basics (10 Nov 10:00): Ann present; Ben excused 25 h before (in time: not
 *   expected); Cat excused 2 h before (late cancellation); Dan left early; Eve marked present,
 *   then edited to absent (no-show); Fay, with no place, walked in present.
 *   -> attended 3 (Ann, Dan, Fay) of 5 expected, 1 no-show, 1 late cancellation, 60 %.
 * A scheduled (not completed) class on 12 Nov does not count.
 * Core Strength (4 Nov, capacity 4): Gus present -> 1 of 1, and below capacity (1 < 4).
 *   Waitlist: Hal waiting since 1 Nov (14 days by 15 Nov), Ivy waited 2 Nov -> promoted 5 Nov
 *   (3 days; not booked at the 4 Nov class) -> 1 waiting, 1 promoted, mean 8.5 days.
 */

let fixture: Awaited<ReturnType<typeof reportFixture>>;
const filter: ReportFilter = { from: '2026-11-02', to: '2026-11-15' };
const NOW = new Date('2026-11-15T00:00:00Z');
const mark = (status: 'present' | 'late' | 'left_early' | 'absent' | 'excused') =>
	({ kind: 'attendance', status }) as const;

beforeAll(async () => {
	fixture = await reportFixture();
	const f = fixture;
	const balance = await f.series('Balance Basics');
	const core = await f.series('Core Strength');
	const a1 = await f.session(balance, '2026-11-03T10:00:00Z');
	const a2 = await f.session(balance, '2026-11-10T10:00:00Z');
	const a3 = await f.session(balance, '2026-11-12T10:00:00Z', 'scheduled');
	const b1 = await f.session(core, '2026-11-04T10:00:00Z');
	const [ann, ben, cat, dan, eve, fay, gus, hal, ivy] = await Promise.all(
		['Ann', 'Ben', 'Cat', 'Dan', 'Eve', 'Fay', 'Gus', 'Hal', 'Ivy'].map((n) => f.participant(n))
	);
	for (const who of [ann!, ben!, cat!, dan!]) await f.enroll(who, { seriesId: balance });
	await f.enroll(eve!, { seriesId: balance }, 'enrolled', '2026-11-05T00:00:00Z');
	await f.enroll(gus!, { seriesId: core });
	await f.enroll(hal!, { seriesId: core }, 'waitlisted', '2026-11-01T00:00:00Z');
	await f.enroll(
		ivy!,
		{ seriesId: core },
		'enrolled',
		'2026-11-02T00:00:00Z',
		'2026-11-05T00:00:00Z'
	);

	await f.entry(a1, ann!, mark('present'), '2026-11-03T10:05:00Z');
	await f.entry(a1, ben!, mark('late'), '2026-11-03T10:05:00Z');
	await f.entry(a1, cat!, mark('absent'), '2026-11-03T10:05:00Z');
	const danMark = await f.entry(a1, dan!, mark('present'), '2026-11-03T10:05:00Z');
	await f.entry(a1, dan!, { kind: 'retraction' }, '2026-11-03T10:06:00Z', { supersedes: danMark });

	await f.entry(a2, ann!, mark('present'), '2026-11-10T10:05:00Z');
	await f.entry(a2, ben!, mark('excused'), '2026-11-09T09:00:00Z');
	await f.entry(a2, cat!, mark('excused'), '2026-11-10T08:00:00Z');
	await f.entry(a2, dan!, mark('left_early'), '2026-11-10T10:30:00Z');
	const eveMark = await f.entry(a2, eve!, mark('present'), '2026-11-10T10:05:00Z');
	await f.entry(a2, eve!, mark('absent'), '2026-11-10T10:07:00Z', { supersedes: eveMark });
	await f.entry(a2, fay!, mark('present'), '2026-11-10T10:05:00Z');
	await f.entry(a3, ann!, mark('present'), '2026-11-12T10:05:00Z');
	await f.entry(b1, gus!, mark('present'), '2026-11-04T10:05:00Z');
});

afterAll(async () => {
	await fixture.database.close();
});

describe('attendance by series and week', () => {
	it('counts attended, expected, no-shows and late cancellations as defined', async () => {
		const rows = await attendanceBySeriesWeek(fixture.db, fixture.clinicId, filter, 'UTC');
		expect(
			rows.map((r) => [
				r.seriesName,
				r.week,
				r.attended,
				r.expected,
				r.noShows,
				r.lateCancellations
			])
		).toEqual([
			['Balance Basics', '2026-11-02', 2, 4, 2, 0],
			['Balance Basics', '2026-11-09', 3, 5, 1, 1],
			['Core Strength', '2026-11-02', 1, 1, 0, 0]
		]);
		expect(rows.map((r) => ratePercent(r.attended, r.expected))).toEqual([50, 60, 100]);
	});

	it('follows the filter: a series, a technician who led nothing, a range', async () => {
		const only = await attendanceBySeriesWeek(fixture.db, fixture.clinicId, filter, 'UTC');
		const coreId = only.find((r) => r.seriesName === 'Core Strength')!.seriesId!;
		const core = await attendanceBySeriesWeek(
			fixture.db,
			fixture.clinicId,
			{ ...filter, seriesId: coreId },
			'UTC'
		);
		expect(core.map((r) => r.seriesName)).toEqual(['Core Strength']);
		const led = await attendanceBySeriesWeek(
			fixture.db,
			fixture.clinicId,
			{ ...filter, technicianId: fixture.technicianId },
			'UTC'
		);
		expect(led).toHaveLength(3);
		const nobody = await attendanceBySeriesWeek(
			fixture.db,
			fixture.clinicId,
			{ ...filter, technicianId: '00000000-0000-4000-8000-000000000000' },
			'UTC'
		);
		expect(nobody).toEqual([]);
		const firstWeek = await attendanceBySeriesWeek(
			fixture.db,
			fixture.clinicId,
			{ from: '2026-11-02', to: '2026-11-08' },
			'UTC'
		);
		expect(firstWeek.map((r) => r.week)).toEqual(['2026-11-02', '2026-11-02']);
	});
});

describe('attendance by participant and week', () => {
	it('gives each participant attended of expected per week', async () => {
		const rows = await attendanceByParticipantWeek(fixture.db, fixture.clinicId, filter, 'UTC');
		expect(rows.map((r) => [r.name, r.week, r.attended, r.expected])).toEqual([
			['Ann, Pat', '2026-11-02', 1, 1],
			['Ann, Pat', '2026-11-09', 1, 1],
			['Ben, Pat', '2026-11-02', 1, 1],
			['Ben, Pat', '2026-11-09', 0, 0],
			['Cat, Pat', '2026-11-02', 0, 1],
			['Cat, Pat', '2026-11-09', 0, 1],
			['Dan, Pat', '2026-11-02', 0, 1],
			['Dan, Pat', '2026-11-09', 1, 1],
			['Eve, Pat', '2026-11-09', 0, 1],
			['Fay, Pat', '2026-11-09', 1, 1],
			['Gus, Pat', '2026-11-02', 1, 1]
		]);
	});
});

describe('classes below capacity', () => {
	it('lists the completed classes with fewer expected than places', async () => {
		const rows = await classesBelowCapacity(fixture.db, fixture.clinicId, filter, 'UTC');
		expect(rows.map((r) => [r.name, r.expected, r.attended, r.capacity])).toEqual([
			[expect.any(String), 1, 1, 4]
		]);
		expect(rows[0]!.startsAt.toISOString()).toBe('2026-11-04T10:00:00.000Z');
	});
});

describe('the three counts in one query (the page)', () => {
	it('answers exactly what the three queries answer, for each filter', async () => {
		const { db, clinicId } = fixture;
		const filters: ReportFilter[] = [
			filter,
			{ from: '2026-11-02', to: '2026-11-08' },
			{ ...filter, technicianId: fixture.technicianId },
			{ ...filter, technicianId: '00000000-0000-4000-8000-000000000000' }
		];
		for (const f of filters) {
			expect(await attendanceCounts(db, clinicId, f, 'UTC')).toEqual({
				bySeriesWeek: await attendanceBySeriesWeek(db, clinicId, f, 'UTC'),
				byParticipantWeek: await attendanceByParticipantWeek(db, clinicId, f, 'UTC'),
				belowCapacity: await classesBelowCapacity(db, clinicId, f, 'UTC')
			});
		}
	});
});

describe('waitlist demand', () => {
	it('counts who waits and who was promoted, and how long they waited', async () => {
		const demand = await waitlistDemand(fixture.db, fixture.clinicId, filter, 'UTC', NOW);
		expect(demand.map((d) => [d.seriesName, d.waiting, d.promoted, d.meanDays])).toEqual([
			['Core Strength', 1, 1, 8.5]
		]);
		const who = await waiters(fixture.db, fixture.clinicId, filter, 'UTC', NOW);
		expect(who.map((w) => [w.name, w.days, w.promotedAt?.toISOString() ?? null])).toEqual([
			['Hal, Pat', 14, null],
			['Ivy, Pat', 3, '2026-11-05T00:00:00.000Z']
		]);
	});
});
