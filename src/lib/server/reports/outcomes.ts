import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { classSeries, classSessions, currentEntries, participants } from '../db/schema';
import { rangeInstants } from '../exports/query';
import type { EntryPayload } from '../../shared/entries';
import { ageOn, judgeOutcome, outcomeValue } from '../../shared/outcomes';
import { localDate } from '../../shared/time-zone';
import type { OutcomePerson, OutcomePoint, SeriesImprovement } from '../../reports/outcomes-types';
import type { OutcomeTest } from '../../shared/outcomes';
import { sessionsInFilter, type ReportFilter } from './filter';
import { sqlRows } from './sql-rows';

/**
 * The outcomes report (issue 14): one participant's test results over time against the
 * cut-offs, and per class series the share of participants whose latest result of a test is
 * better than their first within the range.
 *
 * A test recorded on the participant's page belongs to no class (session_id null): it counts
 * for the participant, and for a series only through their enrolment in it.
 */

/**
 * One participant's results in the range, oldest first, each judged for their age on the day
 * of the test. Only the dates of the filter apply: room, series and technician narrow classes,
 * and a person's own trend is read whole. Null when the participant is not the clinic's.
 */
export async function participantOutcomes(
	db: Database,
	clinicId: string,
	participantId: string,
	filter: ReportFilter,
	timeZone: string
): Promise<{ person: OutcomePerson; points: OutcomePoint[] } | null> {
	const [row] = await db
		.select({
			id: participants.id,
			firstName: participants.firstName,
			lastName: participants.lastName,
			dateOfBirth: participants.dateOfBirth,
			sex: participants.sex
		})
		.from(participants)
		.where(and(eq(participants.id, participantId), eq(participants.clinicId, clinicId)));
	if (!row) return null;
	const person: OutcomePerson = {
		id: row.id,
		name: `${row.firstName} ${row.lastName}`,
		dateOfBirth: row.dateOfBirth,
		sex: row.sex
	};
	const { start, end } = rangeInstants(filter.from, filter.to, timeZone);
	// A person's tests are a handful a year: read through the participant-and-time index.
	const rows = await db
		.select({
			id: currentEntries.id,
			payload: currentEntries.payload,
			recordedAt: currentEntries.recordedAt,
			sessionId: currentEntries.sessionId
		})
		.from(currentEntries)
		.where(
			and(
				eq(currentEntries.participantId, participantId),
				eq(currentEntries.clinicId, clinicId),
				eq(currentEntries.kind, 'outcome_test'),
				gte(currentEntries.recordedAt, start),
				lt(currentEntries.recordedAt, end)
			)
		)
		.orderBy(asc(currentEntries.recordedAt), asc(currentEntries.id));
	const points = rows.map((entry) => {
		const result = (entry.payload as Extract<EntryPayload, { kind: 'outcome_test' }>).result;
		const on = localDate(timeZone, entry.recordedAt);
		return {
			id: entry.id,
			on,
			recordedAt: entry.recordedAt,
			result,
			value: outcomeValue(result),
			judgement: judgeOutcome(result, { age: ageOn(person.dateOfBirth, on), sex: person.sex }),
			inClass: entry.sessionId !== null
		};
	});
	return { person, points };
}

/**
 * The SQL twin of `outcomeScore()` in shared/outcomes.ts (higher is better): chair stand
 * stands (0 with arms), TUG negated seconds, 4-stage stages done plus the fraction held. It
 * MUST agree with it: improvement here is `improved()` (latest score > first score), and
 * outcomes.db.spec.ts checks the two on the same results.
 */
export const OUTCOME_SCORE_SQL = (result: string) =>
	sql.raw(`case ${result}->>'test'
	when 'chair_stand_30s' then case when (${result}->>'armsUsed')::boolean then 0 else (${result}->>'count')::numeric end
	when 'tug' then -(${result}->>'seconds')::numeric
	when 'four_stage_balance' then (${result}->>'stage')::numeric - 1 + (${result}->>'seconds')::numeric / 10
end`);

/**
 * Each series' share of improved participants per test, from each participant's first and
 * latest result of that test in the range (ties in time broken by the entry's id, the same
 * order the participant's chart uses).
 */
export async function improvementBySeries(
	db: Database,
	clinicId: string,
	filter: ReportFilter,
	timeZone: string
): Promise<SeriesImprovement[]> {
	const { start, end } = rangeInstants(filter.from, filter.to, timeZone);
	const e = currentEntries;
	const series = classSeries;
	const inClass = sessionsInFilter(clinicId, filter, timeZone);
	const technician = filter.technicianId
		? sql`and (${series.leadUserId} = ${filter.technicianId}::uuid or ${filter.technicianId}::uuid = any(${series.assistantUserIds}))`
		: sql``;
	const rows = await sqlRows(
		db,
		sql`with tests as (
			-- Taken in a class of the filter: the class's series.
			select ${classSessions.seriesId} as series_id, ${e.participantId} as participant_id,
				${e.id} as id, ${e.recordedAt} as recorded_at, ${e.payload}->'result' as r
			from ${classSessions} join ${e} on ${e.sessionId} = ${classSessions.id}
			where ${inClass} and ${classSessions.seriesId} is not null
				and ${e.kind} = 'outcome_test' and ${e.clinicId} = ${clinicId}
			union all
			-- Taken on the participant's page: each series they are enrolled in.
			select ${series.id}, ${e.participantId}, ${e.id}, ${e.recordedAt}, ${e.payload}->'result'
			from ${e}
			join enrollments en on en.participant_id = ${e.participantId}
				and en.status = 'enrolled' and en.clinic_id = ${clinicId}
			join ${series} on ${series.id} = en.series_id
			where ${e.clinicId} = ${clinicId} and ${e.sessionId} is null and ${e.kind} = 'outcome_test'
				and ${e.recordedAt} >= ${start.toISOString()}::timestamptz and ${e.recordedAt} < ${end.toISOString()}::timestamptz
				${filter.seriesId ? sql`and ${series.id} = ${filter.seriesId}::uuid` : sql``}
				${filter.roomId ? sql`and ${series.roomId} = ${filter.roomId}::uuid` : sql``}
				${technician}
		), scored as (
			select series_id, participant_id, r->>'test' as test, recorded_at, id, ${OUTCOME_SCORE_SQL('r')} as score
			from tests
		), per_person as (
			select distinct series_id, participant_id, test,
				first_value(score) over w as first_score,
				last_value(score) over w as latest_score,
				count(*) over w as results
			from scored
			window w as (partition by series_id, participant_id, test order by recorded_at, id
				rows between unbounded preceding and unbounded following)
		)
		select p.series_id, cs.name as series_name, p.test,
			count(*) filter (where p.results >= 2)::int as tested,
			count(*) filter (where p.results >= 2 and p.latest_score > p.first_score)::int as improved
		from per_person p join class_series cs on cs.id = p.series_id
		group by p.series_id, cs.name, p.test
		having count(*) filter (where p.results >= 2) > 0
		order by cs.name, p.series_id, p.test`
	);
	return rows.map((row) => ({
		seriesId: row.series_id as string,
		seriesName: row.series_name as string,
		test: row.test as OutcomeTest,
		tested: Number(row.tested),
		improved: Number(row.improved)
	}));
}
