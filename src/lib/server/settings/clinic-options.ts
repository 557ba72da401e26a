import { and, eq, isNull } from 'drizzle-orm';
import { problemsOf, type Problems } from '../../i18n/problem';
import {
	SETTINGS,
	STAFF_RATIO,
	exertionScaleSchema,
	poolRangeProblems,
	poolRangesEditSchema
} from '../../shared/clinic-settings';
import type { ExertionScale } from '../../shared/domain';
import { DEFAULT_POOL_RANGES, type PoolRanges } from '../../shared/pool';
import type { Database } from '../db/client';
import { clinicSettingChanges, clinics, rooms } from '../db/schema';
import {
	clinicColumns,
	replaceClinicSetting,
	settingResetter,
	settingSaver,
	type SettingSaveResult
} from './clinic-setting';

/**
 * The clinic's other settings beside the vital-sign rules: the pool chemistry ranges, the
 * exertion scale new classes start with and the pools' staff ratios. Like the rules, every change
 * is audited (clinic-setting.ts).
 */

export async function clinicPoolRanges(db: Database, clinicId: string): Promise<PoolRanges> {
	const row = await clinicColumns(db, clinicId, { ranges: clinics.poolRanges });
	return row?.ranges ?? DEFAULT_POOL_RANGES;
}

export async function clinicDefaultExertionScale(
	db: Database,
	clinicId: string
): Promise<ExertionScale> {
	const row = await clinicColumns(db, clinicId, { scale: clinics.defaultExertionScale });
	return row?.scale ?? 'borg_6_20';
}

/** Field by field: jsonb keeps its own key order, so the stored text is no guide. */
function sameRanges(a: PoolRanges, b: PoolRanges): boolean {
	return (Object.keys(DEFAULT_POOL_RANGES) as (keyof PoolRanges)[]).every(
		(key) => a[key].min === b[key].min && a[key].max === b[key].max
	);
}

export const savePoolRanges = settingSaver(
	poolRangesEditSchema,
	poolRangeProblems,
	writePoolRanges
);

/** Back to the shipped ranges (null), audited like any change; nothing when already there. */
export const resetPoolRanges = settingResetter(writePoolRanges);

/** Stores `next` (null = the defaults) with an audit row; nothing when it is what is in force. */
function writePoolRanges(db: Database, clinicId: string, userId: string, next: PoolRanges | null) {
	return replaceClinicSetting(db, clinicId, userId, {
		setting: SETTINGS.poolRanges,
		columns: { ranges: clinics.poolRanges },
		unchanged: ({ ranges }) =>
			next === null ? ranges === null : sameRanges(ranges ?? DEFAULT_POOL_RANGES, next),
		set: { poolRanges: next },
		before: ({ ranges }) => ranges,
		after: next
	});
}

export const saveDefaultExertionScale = settingSaver(
	exertionScaleSchema,
	problemsOf,
	(db, clinicId, userId, { defaultExertionScale: next }) =>
		replaceClinicSetting(db, clinicId, userId, {
			setting: SETTINGS.exertionScale,
			columns: { scale: clinics.defaultExertionScale },
			unchanged: ({ scale }) => scale === next,
			set: { defaultExertionScale: next },
			before: ({ scale }) => scale,
			after: next
		})
);

/**
 * Pool rooms' staff ratios, edited together and audited as one change. `input` maps a room id
 * to what was typed; a room left out keeps its ratio. Classes already planned are not re-checked
 * here: the schedule refuses the next save of a series that falls below the new ratio.
 */
export async function saveStaffRatios(
	db: Database,
	clinicId: string,
	userId: string,
	input: Record<string, string>
): Promise<SettingSaveResult> {
	return db.transaction(async (tx) => {
		const pools = await tx
			.select({ id: rooms.id, name: rooms.name, ratio: rooms.participantsPerStaff })
			.from(rooms)
			.where(and(eq(rooms.clinicId, clinicId), eq(rooms.kind, 'pool'), isNull(rooms.archivedAt)))
			.for('update');
		const problems: Problems = {};
		const next = new Map<string, number>();
		for (const pool of pools) {
			const typed = input[pool.id]?.trim();
			if (typed === undefined) continue;
			const value = Number(typed);
			if (
				typed === '' ||
				!Number.isInteger(value) ||
				value < STAFF_RATIO.min ||
				value > STAFF_RATIO.max
			) {
				problems[`ratio-${pool.id}`] = {
					code: 'settings.ratios.out-of-range',
					params: STAFF_RATIO
				};
			} else {
				next.set(pool.id, value);
			}
		}
		if (Object.keys(problems).length) return { ok: false, problems };
		const changed = pools.filter((pool) => next.has(pool.id) && next.get(pool.id) !== pool.ratio);
		if (changed.length === 0) return { ok: true, changed: false };
		for (const pool of changed) {
			await tx
				.update(rooms)
				.set({ participantsPerStaff: next.get(pool.id)! })
				.where(eq(rooms.id, pool.id));
		}
		await tx.insert(clinicSettingChanges).values({
			clinicId,
			userId,
			setting: SETTINGS.staffRatios,
			before: Object.fromEntries(changed.map((pool) => [pool.name, pool.ratio])),
			after: Object.fromEntries(changed.map((pool) => [pool.name, next.get(pool.id)!]))
		});
		return { ok: true, changed: true };
	});
}
