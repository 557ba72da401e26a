import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import type { ReportFilter } from './filter';
import { filteredSessions, rowsOf } from './sql';

/**
 * The tolerance report, counted by the database from current entries (edited or retracted ones do
 * not count): per participant and class, the highest exertion on each scale, the highest pain,
 * and whether any entry had a HOLD finding.
 *
 * Review list (the page says these too):
 * - PAIN ROSE: in the participant's latest class with a pain rating (in the filter), the pain is 2
 *   or more above the LOWEST of their previous (up to) 3 classes with a pain rating.
 * - HOLD TWICE: two of the participant's classes in a row (the classes with any entry of theirs,
 *   in time order) each had a HOLD finding on one of their entries.
 */

/**
 * The target exertion band. Steady has no clinic setting for it: clinical.md section 3 (older
 * adults' resistance work at RPE 12-13, "somewhat hard"), and on Borg CR10 the matching
 * "moderate" to "somewhat severe", 3-4.
 */
export const EXERTION_TARGET = {
	borg_6_20: { from: 12, to: 13 },
	borg_cr10: { from: 3, to: 4 }
} as const;

/** A participant's rise in pain that puts them on the review list. */
export const PAIN_RISE = 2;
/** How many earlier classes the latest pain is compared with. */
export const PAIN_LOOKBACK = 3;

/**
 * Per participant and class. Built once per query that needs it: a year of a busy clinic is some
 * 28,000 groups, so one participant's classes filter by participant INSIDE (the entries' session
 * and participant index), and the participant choice does not build it at all. Grouped by the two
 * ids alone (the class's time and name joined after): a narrower sort for the ~90,000 entries.
 */
const PER_CLASS = (
	clinicId: string,
	filter: ReportFilter,
	timeZone: string,
	participantId?: string
) => sql`
	s as (${filteredSessions(clinicId, filter, timeZone)}),
	per_ids as (
		select c.participant_id, c.session_id,
			max((c.payload->>'value')::numeric) filter (where c.kind = 'exertion' and c.payload->>'scale' = 'borg_6_20')::float8 as rpe,
			max((c.payload->>'value')::numeric) filter (where c.kind = 'exertion' and c.payload->>'scale' = 'borg_cr10')::float8 as cr10,
			max((c.payload->>'value')::int) filter (where c.kind = 'pain') as pain,
			bool_or(c.findings @> '[{"action": "HOLD"}]'::jsonb) as hold
		from current_participant_entries c
		where c.clinic_id = ${clinicId} and c.session_id in (select id from s) and ${
			participantId === undefined
				? sql`c.participant_id is not null`
				: sql`c.participant_id = ${participantId}`
		}
		group by c.participant_id, c.session_id
	),
	per as (
		select g.participant_id, g.session_id, s.starts_at, s.name, g.rpe, g.cr10, g.pain, g.hold
		from per_ids g join s on s.id = g.session_id
	)`;

export type ClassTolerance = {
	sessionId: string;
	startsAt: Date;
	name: string;
	rpe: number | null;
	cr10: number | null;
	pain: number | null;
	hold: boolean;
};

type PerRow = {
	participant_id: string;
	session_id: string;
	starts_at: string | Date;
	name: string;
	rpe: number | null;
	cr10: number | null;
	pain: number | null;
	hold: boolean;
};
const num = (value: number | string | null) => (value === null ? null : Number(value));
const perClass = (row: PerRow): ClassTolerance => ({
	sessionId: row.session_id,
	startsAt: new Date(row.starts_at),
	name: row.name,
	rpe: num(row.rpe),
	cr10: num(row.cr10),
	pain: num(row.pain),
	hold: Boolean(row.hold)
});

/** One participant's classes in the filter, in time order. */
export async function participantTolerance(
	db: Database,
	clinicId: string,
	filter: ReportFilter,
	timeZone: string,
	participantId: string
): Promise<ClassTolerance[]> {
	const rows = await rowsOf<PerRow>(
		db,
		sql`with ${PER_CLASS(clinicId, filter, timeZone, participantId)}
		select * from per order by starts_at`
	);
	return rows.map(perClass);
}

/** Every participant's classes (the CSV), by name and time; names included. */
export async function allTolerance(
	db: Database,
	clinicId: string,
	filter: ReportFilter,
	timeZone: string
): Promise<(ClassTolerance & { participantId: string; lastName: string; firstName: string })[]> {
	const rows = await rowsOf<PerRow & { last_name: string; first_name: string }>(
		db,
		sql`with ${PER_CLASS(clinicId, filter, timeZone)}
		select per.*, p.last_name, p.first_name from per join participants p on p.id = per.participant_id
		order by p.last_name, p.first_name, per.participant_id, per.starts_at`
	);
	return rows.map((row) => ({
		...perClass(row),
		participantId: row.participant_id,
		lastName: row.last_name,
		firstName: row.first_name
	}));
}

/**
 * Who has tolerance records in the filter: the report's participant choice. The same people as
 * those with an exertion (either scale) or a pain value in `per`, found without grouping.
 */
export async function toleranceParticipants(
	db: Database,
	clinicId: string,
	filter: ReportFilter,
	timeZone: string
): Promise<{ id: string; name: string }[]> {
	return rowsOf<{ id: string; name: string }>(
		db,
		sql`with s as (${filteredSessions(clinicId, filter, timeZone)})
		select p.id, p.last_name || ', ' || p.first_name as name from participants p
		where p.id in (
			select c.participant_id from current_participant_entries c join s on s.id = c.session_id
			where c.clinic_id = ${clinicId} and c.participant_id is not null
				and c.kind in ('exertion', 'pain') and c.payload->>'value' is not null
				and (c.kind = 'pain' or c.payload->>'scale' in ('borg_6_20', 'borg_cr10'))
		)
		order by p.last_name, p.first_name, p.id`
	);
}

export type ReviewItem =
	| {
			reason: 'pain-rise';
			participantId: string;
			name: string;
			at: Date;
			pain: number;
			lowest: number;
	  }
	| { reason: 'hold-twice'; participantId: string; name: string; at: Date; before: Date };

/**
 * The review list (definitions above): a participant once per reason, latest first (two at the
 * same class by name: a stable order). One query, so `per` is built once for both reasons.
 */
export async function reviewList(
	db: Database,
	clinicId: string,
	filter: ReportFilter,
	timeZone: string
): Promise<ReviewItem[]> {
	const rows = await rowsOf<{
		reason: 'pain-rise' | 'hold-twice';
		participant_id: string;
		name: string;
		starts_at: string | Date;
		pain: number | null;
		lowest: number | null;
		before: string | Date | null;
	}>(
		db,
		sql`with ${PER_CLASS(clinicId, filter, timeZone)},
		ranked as (
			select participant_id, starts_at, pain,
				row_number() over (partition by participant_id order by starts_at desc) as n
			from per where pain is not null
		),
		rises as (
			select latest.participant_id, latest.starts_at, latest.pain, min(earlier.pain) as lowest
			from ranked latest join ranked earlier
				on earlier.participant_id = latest.participant_id
				and earlier.n between 2 and ${PAIN_LOOKBACK + 1}
			where latest.n = 1
			group by latest.participant_id, latest.starts_at, latest.pain
			having latest.pain - min(earlier.pain) >= ${PAIN_RISE}
		),
		runs as (
			select participant_id, starts_at, hold,
				lag(hold) over (partition by participant_id order by starts_at) as hold_before,
				lag(starts_at) over (partition by participant_id order by starts_at) as before
			from per
		),
		latest as (
			select distinct on (participant_id) participant_id, starts_at, before
			from runs where hold and hold_before
			order by participant_id, starts_at desc
		),
		found as (
			select 1 as place, 'pain-rise' as reason, participant_id, starts_at, pain, lowest,
				null::timestamptz as before
			from rises
			union all
			select 2, 'hold-twice', participant_id, starts_at, null::int, null::int, before
			from latest
		)
		select f.reason, f.participant_id, p.last_name || ', ' || p.first_name as name, f.starts_at,
			f.pain, f.lowest, f.before
		from found f join participants p on p.id = f.participant_id
		order by f.place, f.starts_at desc, p.last_name, p.first_name, f.participant_id`
	);
	return rows.map((row): ReviewItem =>
		row.reason === 'pain-rise'
			? {
					reason: 'pain-rise',
					participantId: row.participant_id,
					name: row.name,
					at: new Date(row.starts_at),
					pain: Number(row.pain),
					lowest: Number(row.lowest)
				}
			: {
					reason: 'hold-twice',
					participantId: row.participant_id,
					name: row.name,
					at: new Date(row.starts_at),
					before: new Date(row.before!)
				}
	);
}
