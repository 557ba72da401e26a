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

/**
 * The clinic's other settings beside the vital-sign rules: the pool chemistry ranges and the
 * exertion scale new classes start with. Like the rules, every change is stored with an audit
 * row in the same transaction, and read when it is used, so it applies from the next class on.
 */

const POOL_RANGES_SETTING = SETTINGS.poolRanges;
const EXERTION_SCALE_SETTING = SETTINGS.exertionScale;

export async function clinicPoolRanges(db: Database, clinicId: string): Promise<PoolRanges> {
	const [row] = await db
		.select({ ranges: clinics.poolRanges })
		.from(clinics)
		.where(eq(clinics.id, clinicId));
	return row?.ranges ?? DEFAULT_POOL_RANGES;
}

export async function clinicDefaultExertionScale(
	db: Database,
	clinicId: string
): Promise<ExertionScale> {
	const [row] = await db
		.select({ scale: clinics.defaultExertionScale })
		.from(clinics)
		.where(eq(clinics.id, clinicId));
	return row?.scale ?? 'borg_6_20';
}

export type OptionSaveResult = { ok: true; changed: boolean } | { ok: false; problems: Problems };

/** Field by field: jsonb keeps its own key order, so the stored text is no guide. */
function sameRanges(a: PoolRanges, b: PoolRanges): boolean {
	return (Object.keys(DEFAULT_POOL_RANGES) as (keyof PoolRanges)[]).every(
		(key) => a[key].min === b[key].min && a[key].max === b[key].max
	);
}

export async function savePoolRanges(
	db: Database,
	clinicId: string,
	userId: string,
	input: unknown
): Promise<OptionSaveResult> {
	const parsed = poolRangesEditSchema.safeParse(input);
	if (!parsed.success) return { ok: false, problems: poolRangeProblems(parsed.error) };
	return { ok: true, changed: await writePoolRanges(db, clinicId, userId, parsed.data) };
}

/** Back to the shipped ranges (null), audited like any change; nothing when already there. */
export async function resetPoolRanges(
	db: Database,
	clinicId: string,
	userId: string
): Promise<{ changed: boolean }> {
	return { changed: await writePoolRanges(db, clinicId, userId, null) };
}

/** Stores `next` (null = the defaults) with an audit row; nothing when it is what is in force. */
async function writePoolRanges(
	db: Database,
	clinicId: string,
	userId: string,
	next: PoolRanges | null
): Promise<boolean> {
	return db.transaction(async (tx) => {
		// Locked, so two coordinators saving at once each audit what they really replaced.
		const [row] = await tx
			.select({ ranges: clinics.poolRanges })
			.from(clinics)
			.where(eq(clinics.id, clinicId))
			.for('update');
		if (!row) throw new Error(`No clinic ${clinicId}`);
		const before = row.ranges ?? null;
		const same = next === null ? before === null : sameRanges(before ?? DEFAULT_POOL_RANGES, next);
		if (same) return false;
		await tx.update(clinics).set({ poolRanges: next }).where(eq(clinics.id, clinicId));
		await tx
			.insert(clinicSettingChanges)
			.values({ clinicId, userId, setting: POOL_RANGES_SETTING, before, after: next });
		return true;
	});
}

export async function saveDefaultExertionScale(
	db: Database,
	clinicId: string,
	userId: string,
	input: unknown
): Promise<OptionSaveResult> {
	const parsed = exertionScaleSchema.safeParse(input);
	if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error) };
	const next = parsed.data.defaultExertionScale;
	return db.transaction(async (tx) => {
		const [row] = await tx
			.select({ scale: clinics.defaultExertionScale })
			.from(clinics)
			.where(eq(clinics.id, clinicId))
			.for('update');
		if (!row) throw new Error(`No clinic ${clinicId}`);
		if (row.scale === next) return { ok: true, changed: false };
		await tx.update(clinics).set({ defaultExertionScale: next }).where(eq(clinics.id, clinicId));
		await tx.insert(clinicSettingChanges).values({
			clinicId,
			userId,
			setting: EXERTION_SCALE_SETTING,
			before: row.scale,
			after: next
		});
		return { ok: true, changed: true };
	});
}

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
): Promise<OptionSaveResult> {
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
