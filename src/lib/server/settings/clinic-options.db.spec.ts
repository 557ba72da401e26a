import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POOL_RANGES } from '../../shared/pool';
import type { DatabaseHandle } from '../db/client';
import { clinicSettingChanges, rooms } from '../db/schema';
import {
	clinicDefaultExertionScale,
	clinicPoolRanges,
	resetPoolRanges,
	saveDefaultExertionScale,
	savePoolRanges,
	saveStaffRatios
} from './clinic-options';
import { saveClinicRules } from './rules';
import { recentSettingChanges } from './setting-changes';
import type { Problems } from '../../i18n/problem';
import { translator } from '../../i18n/translate';
import { englishLines } from '../testing/setting-lines';
import { demoClinicDatabase, demoStaff } from '../testing/demo-clinic';

let database: DatabaseHandle;
let clinicId: string;
let userId: string;

beforeAll(async () => {
	({ database, clinicId } = await demoClinicDatabase(new Date('2026-11-26T15:00:00Z')));
	userId = (await demoStaff(database.db, clinicId, 'coordinator')).id;
});
afterAll(() => database.close());

const audits = (setting: string) =>
	database.db.select().from(clinicSettingChanges).where(eq(clinicSettingChanges.setting, setting));

describe('pool ranges', () => {
	it('start at the shipped defaults', async () => {
		expect(await clinicPoolRanges(database.db, clinicId)).toEqual(DEFAULT_POOL_RANGES);
	});

	it('are saved with who, before and after; the same values again write nothing', async () => {
		const next = { freeChlorinePpm: { min: '1.5', max: '4' }, ph: { min: '7.2', max: '7.6' } };
		expect(await savePoolRanges(database.db, clinicId, userId, next)).toEqual({
			ok: true,
			changed: true
		});
		expect(await clinicPoolRanges(database.db, clinicId)).toEqual({
			freeChlorinePpm: { min: 1.5, max: 4 },
			ph: { min: 7.2, max: 7.6 }
		});
		expect(await savePoolRanges(database.db, clinicId, userId, next)).toEqual({
			ok: true,
			changed: false
		});
		const rows = await audits('pool_ranges');
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			userId,
			before: null,
			after: { freeChlorinePpm: { min: 1.5, max: 4 }, ph: { min: 7.2, max: 7.6 } }
		});
	});

	it('refuse a bad edit beside its field and change nothing', async () => {
		const result = await savePoolRanges(database.db, clinicId, userId, {
			freeChlorinePpm: { min: '2', max: '40' },
			ph: { min: '7.2', max: '7.6' }
		});
		expect(result).toEqual({
			ok: false,
			problems: {
				'freeChlorinePpm.max': {
					code: 'settings.pool.out-of-range.freeChlorinePpm',
					params: { min: 0, max: 10 }
				}
			}
		});
		const { code, params } = (result as { problems: Problems }).problems['freeChlorinePpm.max']!;
		expect(translator('en')(code, params)).toBe('Free chlorine (ppm): 0 to 10');
		expect(translator('es')(code, params)).toBe('Cloro libre (ppm): de 0 a 10');
		expect((await clinicPoolRanges(database.db, clinicId)).freeChlorinePpm.max).toBe(4);
		expect(await audits('pool_ranges')).toHaveLength(1);
	});

	it('go back to the defaults, audited', async () => {
		expect(await resetPoolRanges(database.db, clinicId, userId)).toEqual({ changed: true });
		expect(await clinicPoolRanges(database.db, clinicId)).toEqual(DEFAULT_POOL_RANGES);
		expect(await resetPoolRanges(database.db, clinicId, userId)).toEqual({ changed: false });
		expect(await audits('pool_ranges')).toHaveLength(2);
	});
});

describe('default exertion scale', () => {
	it('changes with an audit row, and refuses a scale that does not exist', async () => {
		expect(await clinicDefaultExertionScale(database.db, clinicId)).toBe('borg_6_20');
		expect(
			await saveDefaultExertionScale(database.db, clinicId, userId, {
				defaultExertionScale: 'borg_100'
			})
		).toEqual({
			ok: false,
			problems: { defaultExertionScale: { code: 'field.choose' } }
		});
		expect(
			await saveDefaultExertionScale(database.db, clinicId, userId, {
				defaultExertionScale: 'borg_cr10'
			})
		).toEqual({ ok: true, changed: true });
		expect(await clinicDefaultExertionScale(database.db, clinicId)).toBe('borg_cr10');
		expect(await audits('default_exertion_scale')).toMatchObject([
			{ userId, before: 'borg_6_20', after: 'borg_cr10' }
		]);
	});
});

describe('recent setting changes', () => {
	it('lists every setting newest first, in plain lines', async () => {
		const rules = await saveClinicRules(database.db, clinicId, userId, {});
		expect(rules.ok).toBe(false);
		const changes = await recentSettingChanges(database.db, clinicId);
		expect(changes.map(englishLines)).toEqual([
			['Default exertion scale: Borg RPE 6–20 → Borg CR10 (0–10)'],
			[
				'Pool ranges: restored the defaults',
				'Free chlorine 1.5–4 ppm → 1–5 ppm',
				'pH 7.2–7.6 → 7.2–7.8'
			],
			['Free chlorine 1–5 ppm → 1.5–4 ppm', 'pH 7.2–7.8 → 7.2–7.6']
		]);
		expect(changes[0]!.by).toBe('Casey Morgan');
	});
});

describe('pool staff ratios', () => {
	it('saves a ratio with an audit row, and refuses a bad one changing nothing', async () => {
		const [pool] = await database.db.select().from(rooms).where(eq(rooms.kind, 'pool'));
		const refused = await saveStaffRatios(database.db, clinicId, userId, { [pool!.id]: '0' });
		expect(refused).toEqual({
			ok: false,
			problems: {
				[`ratio-${pool!.id}`]: {
					code: 'settings.ratios.out-of-range',
					params: { min: 1, max: 20 }
				}
			}
		});
		expect(await saveStaffRatios(database.db, clinicId, userId, { [pool!.id]: '3' })).toEqual({
			ok: true,
			changed: true
		});
		const [after] = await database.db.select().from(rooms).where(eq(rooms.id, pool!.id));
		expect(after!.participantsPerStaff).toBe(3);
		expect(await audits('staff_ratios')).toHaveLength(1);
		const [latest] = await recentSettingChanges(database.db, clinicId);
		expect(englishLines(latest!)).toEqual([
			`${pool!.name}: 1 staff per ${pool!.participantsPerStaff} → 1 staff per 3`
		]);
		expect(await saveStaffRatios(database.db, clinicId, userId, { [pool!.id]: '3' })).toEqual({
			ok: true,
			changed: false
		});
	});
});
