import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { classSessions, currentEntries } from '../db/schema';
import type { Finding } from '../../shared/rules';
import { localDate } from '../../shared/time-zone';
import { type SafetyKind, type SafetyReport } from '../../reports/safety-types';
import { sessionsInFilter, type ReportFilter } from './filter';
import { isoDay, sqlRows } from './sql-rows';

/**
 * The safety report (issue 14): adverse events and STOP/HOLD findings in the filter's classes,
 * counted by week, by type and by the block of the routine they happened in, and the days since
 * the clinic's last serious event. Everything is counted in SQL over the entries that still count
 * (`current_participant_entries`: an edited or retracted entry is not counted twice or at all).
 */

/**
 * One row per thing counted: each adverse event, and each STOP or HOLD finding (an entry may
 * carry several), with its class's local week (Monday), type and block.
 */
function safetyMarks(clinicId: string, filter: ReportFilter, timeZone: string) {
	const inFilter = sessionsInFilter(clinicId, filter, timeZone);
	const e = currentEntries;
	const s = classSessions;
	return sql`
		select
			date_trunc('week', ${s.startsAt} at time zone ${timeZone})::date as week,
			${e.recordedAt} as recorded_at,
			coalesce(${s.plan}->'blocks'->${e.blockIndex}->>'name', rb_name.name) as block,
			coalesce(${s.plan}->'blocks'->${e.blockIndex}->>'kind', rb_name.kind) as block_kind,
			mark.kind, mark.type, mark.finding
		from ${s}
		join ${e} on ${e.sessionId} = ${s.id} and ${e.clinicId} = ${clinicId}
			-- Only what is counted: lets participant_entries_safety_idx (migration 0016) serve it.
			and (${e.kind} = 'adverse_event' or ${e.findings} <> '[]'::jsonb)
		cross join lateral (
			select 'adverse_event' as kind, ${e.payload}->>'type' as type, null::jsonb as finding
			where ${e.kind} = 'adverse_event'
			union all
			select f->>'action', f->>'ruleId', f
			from jsonb_array_elements(${e.findings}) as f
			where f->>'action' in ('STOP', 'HOLD')
		) as mark
		-- A class not started has no frozen plan: its routine version's block at that position.
		left join lateral (
			select coalesce(nullif(rb.label, ''), ex.name, '') as name, rb.kind::text as kind
			from routine_blocks rb left join exercises ex on ex.id = rb.exercise_id
			where ${s.plan} is null and ${e.blockIndex} is not null
				and rb.routine_version_id = ${s.routineVersionId} and rb.position = ${e.blockIndex}
		) as rb_name on true
		where ${inFilter}`;
}

export async function safetyReport(
	db: Database,
	clinicId: string,
	filter: ReportFilter,
	timeZone: string,
	now: Date
): Promise<SafetyReport> {
	const marks = safetyMarks(clinicId, filter, timeZone);
	const [weeks, types, blocks, serious] = await Promise.all([
		sqlRows(
			db,
			sql`select week, kind, count(*)::int as count from (${marks}) m group by week, kind order by week, kind`
		),
		sqlRows(
			db,
			sql`select kind, type, count(*)::int as count,
				(array_agg(finding order by recorded_at desc))[1] as finding
				from (${marks}) m group by kind, type order by count desc, kind, type`
		),
		sqlRows(
			db,
			sql`select block, block_kind, kind, count(*)::int as count from (${marks}) m
				group by block, block_kind, kind order by block nulls last, block_kind, kind`
		),
		lastSerious(db, clinicId)
	]);
	const today = localDate(timeZone, now);
	const lastSeriousOn = serious ? localDate(timeZone, serious) : null;
	return {
		byWeek: weeks.map((row) => ({
			week: isoDay(row.week),
			kind: row.kind as SafetyKind,
			count: Number(row.count)
		})),
		byType: types.map((row) => ({
			kind: row.kind as SafetyKind,
			type: row.type as string,
			count: Number(row.count),
			finding: (row.finding ?? null) as Finding | null
		})),
		byBlock: blocks.map((row) => ({
			block: (row.block ?? null) as string | null,
			blockKind: (row.block_kind ?? null) as string | null,
			kind: row.kind as SafetyKind,
			count: Number(row.count)
		})),
		lastSeriousOn,
		daysSinceSerious: lastSeriousOn === null ? null : daysBetween(lastSeriousOn, today)
	};
}

/** The clinic's latest serious adverse event that still counts, in any class, ever. */
async function lastSerious(db: Database, clinicId: string): Promise<Date | null> {
	const [row] = await db
		.select({ at: sql<Date | string | null>`max(${currentEntries.recordedAt})` })
		.from(currentEntries)
		.where(
			and(
				eq(currentEntries.clinicId, clinicId),
				eq(currentEntries.kind, 'adverse_event'),
				sql`${currentEntries.payload}->>'severity' = 'serious'`
			)
		);
	return row?.at ? new Date(row.at) : null;
}

function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}
