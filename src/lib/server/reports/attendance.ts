import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { rangeInstants } from '../exports/query';
import type { ReportFilter } from './filter';
import { filteredSessions, rowsOf } from './sql';

/**
 * The attendance report, counted by the database (never entries loaded into JavaScript).
 *
 * Definitions (the page says them too):
 * - Only COMPLETED classes in the filter count.
 * - A participant's PLACE at a class: a one-day booking or walk-in for that class (a session-level
 *   enrollment, which wins over the series row, as on the roster), else their series enrollment if
 *   it was made (or promoted from the waitlist) before the class started; either with status enrolled or walk_in. Anyone with an
 *   attendance mark but no place (a walk-in recorded on the phone) has a place too.
 * - The mark is the participant's latest CURRENT attendance entry for the class (view
 *   current_participant_entries: edited or retracted marks do not count).
 * - ATTENDED: marked present, late or left early.
 * - NO-SHOW: marked absent, or a place and no mark at all.
 * - LATE CANCELLATION: marked excused, the mark recorded less than 24 hours before the class
 *   started (or after). An excused mark recorded earlier is a cancellation in time: that place
 *   is not expected, so it counts neither way.
 * - EXPECTED: the places minus the cancellations in time. RATE = attended / expected.
 */

// Every CTE below carries the class's series, week and start itself: `places` must not join back
// to `done` on an expression (coalesce of two ids), which leaves the planner no estimate (on the
// embedded database it re-ran the whole booked/marks join once per class).
const PLACES = (clinicId: string, filter: ReportFilter, timeZone: string) => sql`
	s as (${filteredSessions(clinicId, filter, timeZone)}),
	done as (select * from s where status = 'completed'),
	booked as (
		select d.id as session_id, d.series_id, d.week, d.starts_at, e.participant_id from done d
			join enrollments e on e.session_id = d.id
			where e.status in ('enrolled', 'walk_in')
		-- The two halves never share a row (the unique indexes, and the not exists): union all.
		union all
		select d.id, d.series_id, d.week, d.starts_at, e.participant_id from done d
			join enrollments e on e.series_id = d.series_id
			where e.status in ('enrolled', 'walk_in')
				and coalesce(e.promoted_at, e.created_at) <= d.starts_at
				and not exists (select 1 from enrollments o
					where o.session_id = d.id and o.participant_id = e.participant_id)
	),
	marks as (
		select distinct on (c.session_id, c.participant_id)
			c.session_id, d.series_id, d.week, d.starts_at, c.participant_id,
			c.payload->>'status' as status, c.recorded_at
		from current_participant_entries c join done d on d.id = c.session_id
		where c.kind = 'attendance' and c.participant_id is not null and c.clinic_id = ${clinicId}
		order by c.session_id, c.participant_id, c.recorded_at desc
	),
	places as (
		select coalesce(b.session_id, m.session_id) as session_id,
			case when b.session_id is null then m.series_id else b.series_id end as series_id,
			coalesce(b.week, m.week) as week,
			coalesce(b.participant_id, m.participant_id) as participant_id,
			coalesce(m.status in ('present', 'late', 'left_early'), false) as attended,
			coalesce(m.status = 'absent', true) as no_show,
			coalesce(m.status = 'excused' and m.recorded_at > coalesce(b.starts_at, m.starts_at) - interval '24 hours', false) as late_cancel,
			coalesce(m.status = 'excused' and m.recorded_at <= coalesce(b.starts_at, m.starts_at) - interval '24 hours', false) as cancelled
		from booked b full join marks m
			on m.session_id = b.session_id and m.participant_id = b.participant_id
	)`;

export type WeekCounts = {
	week: string;
	attended: number;
	expected: number;
	noShows: number;
	lateCancellations: number;
};
export type SeriesWeek = WeekCounts & { seriesId: string | null; seriesName: string | null };
export type ParticipantWeek = Pick<WeekCounts, 'week' | 'attended' | 'expected'> & {
	participantId: string;
	name: string;
};

const COUNTS = sql`count(*) filter (where attended)::int as attended,
	count(*) filter (where not cancelled)::int as expected,
	count(*) filter (where no_show)::int as no_shows,
	count(*) filter (where late_cancel)::int as late_cancellations`;

type CountRow = {
	week: string;
	attended: number;
	expected: number;
	no_shows: number;
	late_cancellations: number;
};
const counts = (row: CountRow): WeekCounts => ({
	week: row.week,
	attended: Number(row.attended),
	expected: Number(row.expected),
	noShows: Number(row.no_shows),
	lateCancellations: Number(row.late_cancellations)
});

type SeriesRow = CountRow & { series_id: string | null; series_name: string | null };
const seriesWeek = (row: SeriesRow): SeriesWeek => ({
	...counts(row),
	seriesId: row.series_id,
	seriesName: row.series_name
});
type ParticipantRow = CountRow & { participant_id: string; name: string };
const participantWeek = (row: ParticipantRow): ParticipantWeek => ({
	week: row.week,
	attended: Number(row.attended),
	expected: Number(row.expected),
	participantId: row.participant_id,
	name: row.name
});

/*
 * The three counts over `places`, each written once: the single functions below and
 * attendanceCounts (all three in one query) select them, in these orders.
 */
const BY_SERIES = sql`select p.series_id, cs.name as series_name, p.week, ${COUNTS}
	from places p left join class_series cs on cs.id = p.series_id
	group by p.series_id, cs.name, p.week`;
const SERIES_ORDER = sql`x.series_name nulls last, x.week`;
const BY_PARTICIPANT = sql`select p.participant_id, pp.last_name || ', ' || pp.first_name as name,
		p.week, pp.last_name, pp.first_name, ${COUNTS}
	from places p join participants pp on pp.id = p.participant_id
	group by p.participant_id, pp.last_name, pp.first_name, p.week`;
const PARTICIPANT_ORDER = sql`x.last_name, x.first_name, x.participant_id, x.week`;
const belowCapacity = (limit: number) => sql`select d.id, d.name, d.starts_at, d.capacity,
		count(p.participant_id) filter (where not p.cancelled)::int as expected,
		count(p.participant_id) filter (where p.attended)::int as attended
	from done d left join places p on p.session_id = d.id
	group by d.id, d.name, d.starts_at, d.capacity
	having count(p.participant_id) filter (where not p.cancelled) < d.capacity
	order by d.starts_at limit ${limit}`;

/** Per class series (one-off classes together, series null) and week. */
export async function attendanceBySeriesWeek(
	db: Database,
	clinicId: string,
	filter: ReportFilter,
	timeZone: string
): Promise<SeriesWeek[]> {
	const rows = await rowsOf<SeriesRow>(
		db,
		sql`with ${PLACES(clinicId, filter, timeZone)}
		select * from (${BY_SERIES}) x order by ${SERIES_ORDER}`
	);
	return rows.map(seriesWeek);
}

/** Per participant and week. */
export async function attendanceByParticipantWeek(
	db: Database,
	clinicId: string,
	filter: ReportFilter,
	timeZone: string
): Promise<ParticipantWeek[]> {
	const rows = await rowsOf<ParticipantRow>(
		db,
		sql`with ${PLACES(clinicId, filter, timeZone)}
		select * from (${BY_PARTICIPANT}) x order by ${PARTICIPANT_ORDER}`
	);
	return rows.map(participantWeek);
}

export type UnderCapacity = {
	sessionId: string;
	name: string;
	startsAt: Date;
	capacity: number;
	expected: number;
	attended: number;
};

type CapacityRow = {
	id: string;
	name: string;
	starts_at: string | Date;
	capacity: number;
	expected: number;
	attended: number;
};
const underCapacity = (row: CapacityRow): UnderCapacity => ({
	sessionId: row.id,
	name: row.name,
	startsAt: new Date(row.starts_at),
	capacity: Number(row.capacity),
	expected: Number(row.expected),
	attended: Number(row.attended)
});

/** Completed classes whose expected places were fewer than their capacity (at most `limit`). */
export async function classesBelowCapacity(
	db: Database,
	clinicId: string,
	filter: ReportFilter,
	timeZone: string,
	limit = 200
): Promise<UnderCapacity[]> {
	const rows = await rowsOf<CapacityRow>(
		db,
		sql`with ${PLACES(clinicId, filter, timeZone)}
		select * from (${belowCapacity(limit)}) x order by x.starts_at`
	);
	return rows.map(underCapacity);
}

/**
 * The three counts of the page (by series and week, by participant and week, classes below
 * capacity) in ONE query, so that `places` is built once, not once per count: the same rows, in
 * the same order, as attendanceBySeriesWeek, attendanceByParticipantWeek and classesBelowCapacity.
 */
export async function attendanceCounts(
	db: Database,
	clinicId: string,
	filter: ReportFilter,
	timeZone: string,
	limit = 200
): Promise<{
	bySeriesWeek: SeriesWeek[];
	byParticipantWeek: ParticipantWeek[];
	belowCapacity: UnderCapacity[];
}> {
	// json_agg answers null for no rows.
	const [row] = await rowsOf<{
		series: SeriesRow[] | null;
		people: ParticipantRow[] | null;
		below: CapacityRow[] | null;
	}>(
		db,
		sql`with ${PLACES(clinicId, filter, timeZone)},
		by_series as (${BY_SERIES}),
		by_participant as (${BY_PARTICIPANT}),
		below as (${belowCapacity(limit)})
		select
			(select json_agg(x order by ${SERIES_ORDER}) from by_series x) as series,
			(select json_agg(x order by ${PARTICIPANT_ORDER}) from by_participant x) as people,
			(select json_agg(x order by x.starts_at) from below x) as below`
	);
	return {
		bySeriesWeek: (row?.series ?? []).map(seriesWeek),
		byParticipantWeek: (row?.people ?? []).map(participantWeek),
		belowCapacity: (row?.below ?? []).map(underCapacity)
	};
}

export type WaitlistDemand = {
	seriesId: string | null;
	seriesName: string | null;
	waiting: number;
	promoted: number;
	/** Mean days waited, to promotion or (still waiting) to now; one decimal. */
	meanDays: number;
};
export type Waiter = {
	participantId: string;
	name: string;
	seriesName: string | null;
	since: Date;
	promotedAt: Date | null;
	days: number;
};

/**
 * Waitlist demand for the series (and one-off classes) of the filter's classes: places that were
 * waitlisted during the range: still waiting (status waitlisted, put on the list before the range
 * ended) or promoted from the list (promoted_at) within the range. How long: from joining the list
 * to promotion, or to `now` for those still waiting.
 */
function waitlistRows(clinicId: string, filter: ReportFilter, timeZone: string, now: Date) {
	const { start, end } = rangeInstants(filter.from, filter.to, timeZone);
	return sql`s as (${filteredSessions(clinicId, filter, timeZone)}),
	waits as (
		select e.participant_id, coalesce(e.series_id, ses.series_id) as series_id,
			e.created_at as since, e.promoted_at,
			extract(epoch from (coalesce(e.promoted_at, ${now.toISOString()}::timestamptz) - e.created_at)) / 86400.0 as days
		from enrollments e left join class_sessions ses on ses.id = e.session_id
		where e.clinic_id = ${clinicId} and e.created_at < ${end.toISOString()}::timestamptz
			and (e.status = 'waitlisted' or (e.promoted_at >= ${start.toISOString()}::timestamptz
				and e.promoted_at < ${end.toISOString()}::timestamptz))
			and (e.series_id in (select series_id from s where series_id is not null)
				or e.session_id in (select id from s))
	)`;
}

export async function waitlistDemand(
	db: Database,
	clinicId: string,
	filter: ReportFilter,
	timeZone: string,
	now = new Date()
): Promise<WaitlistDemand[]> {
	const rows = await rowsOf<{
		series_id: string | null;
		series_name: string | null;
		waiting: number;
		promoted: number;
		mean_days: number | string;
	}>(
		db,
		sql`with ${waitlistRows(clinicId, filter, timeZone, now)}
		select w.series_id, cs.name as series_name,
			count(*) filter (where w.promoted_at is null)::int as waiting,
			count(*) filter (where w.promoted_at is not null)::int as promoted,
			round(avg(w.days)::numeric, 1)::float8 as mean_days
		from waits w left join class_series cs on cs.id = w.series_id
		group by w.series_id, cs.name order by cs.name nulls last`
	);
	return rows.map((row) => ({
		seriesId: row.series_id,
		seriesName: row.series_name,
		waiting: Number(row.waiting),
		promoted: Number(row.promoted),
		meanDays: Number(row.mean_days)
	}));
}

/** Who waited, longest first (at most `limit`). */
export async function waiters(
	db: Database,
	clinicId: string,
	filter: ReportFilter,
	timeZone: string,
	now = new Date(),
	limit = 200
): Promise<Waiter[]> {
	const rows = await rowsOf<{
		participant_id: string;
		name: string;
		series_name: string | null;
		since: string | Date;
		promoted_at: string | Date | null;
		days: number | string;
	}>(
		db,
		sql`with ${waitlistRows(clinicId, filter, timeZone, now)}
		select w.participant_id, p.last_name || ', ' || p.first_name as name, cs.name as series_name,
			w.since, w.promoted_at, round(w.days::numeric, 1)::float8 as days
		from waits w join participants p on p.id = w.participant_id
		left join class_series cs on cs.id = w.series_id
		order by w.days desc, p.last_name limit ${limit}`
	);
	return rows.map((row) => ({
		participantId: row.participant_id,
		name: row.name,
		seriesName: row.series_name,
		since: new Date(row.since),
		promotedAt: row.promoted_at === null ? null : new Date(row.promoted_at),
		days: Number(row.days)
	}));
}

/** Percent, whole: 0 when nothing was expected (the table shows such a week as "–"). */
export const ratePercent = (attended: number, expected: number) =>
	expected === 0 ? 0 : Math.round((100 * attended) / expected);
