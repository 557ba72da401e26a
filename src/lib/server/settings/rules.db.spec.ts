import { randomUUID } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Vitals } from '../../shared/vitals';
import { ruleFormInput, settingsOf, type RuleEditInput } from '../../shared/rule-settings';
import { DEFAULT_VITAL_RULES, findingText, wording, type Finding } from '../../shared/rules';
import { defaultRuleForm } from '../../shared/testing/rule-form';
import type { StaffUser } from '../auth/session';
import type { DatabaseHandle } from '../db/client';
import { clinicSettingChanges, clinics } from '../db/schema';
import { anHourAgoToday } from '../db/test-database';
import { recordEntry } from '../entries/entries';
import { LiveClassService } from '../live/live-classes';
import { demoClassAt, demoStaff, startClass } from '../testing/demo-clinic';
import { clinicRules, resetClinicRules, saveClinicRules } from './rules';
import { recentSettingChanges } from './setting-changes';
import { englishLines } from '../testing/setting-lines';

/** A finding as an English page words it (findings store the rule's numbers, not a sentence). */
const label = (finding: Finding) => findingText(wording('en'), finding).label;

let database: DatabaseHandle;
let clinicId: string;
let coordinator: StaffUser;
let technician: StaffUser;
let sessionId: string;
let participantId: string;
let live: LiveClassService;
const clock = anHourAgoToday();

beforeAll(async () => {
	let members: string[];
	({ database, clinicId, technician, sessionId, members, live } = await demoClassAt(clock));
	participantId = members[0]!;
	coordinator = await demoStaff(database.db, clinicId, 'coordinator');
});
afterAll(() => database.close());

/** The shipped settings as the form would post them, with some fields changed. */
function edit(changes: Record<string, Partial<RuleEditInput[string]>> = {}): RuleEditInput {
	const input = ruleFormInput(defaultRuleForm());
	for (const [id, change] of Object.entries(changes)) input[id] = { ...input[id]!, ...change };
	return input;
}

const storedColumn = async () =>
	(
		await database.db
			.select({ rules: clinics.vitalRules })
			.from(clinics)
			.where(eq(clinics.id, clinicId))
	)[0]!.rules;
const auditRows = () =>
	database.db
		.select()
		.from(clinicSettingChanges)
		.where(eq(clinicSettingChanges.clinicId, clinicId))
		.orderBy(asc(clinicSettingChanges.createdAt));

const restingReading = (vitals: Omit<Vitals, 'timing'>) =>
	recordEntry(database.db, live, technician, {
		id: randomUUID(),
		sessionId,
		participantId,
		recordedAt: clock,
		deviceId: 'phone-a',
		payload: { kind: 'vitals', vitals: { timing: 'before', ...vitals } }
	});

describe('clinic vital-sign rules', () => {
	it('starts on the defaults, and saving them unchanged writes nothing', async () => {
		expect(await clinicRules(database.db, clinicId)).toEqual(DEFAULT_VITAL_RULES);
		expect(await saveClinicRules(database.db, clinicId, coordinator.id, edit())).toEqual({
			ok: true,
			changed: false
		});
		expect(await storedColumn()).toBeNull();
		expect(await auditRows()).toHaveLength(0);
	});

	it('saves an edit, returns it from then on, and audits before and after', async () => {
		const result = await saveClinicRules(
			database.db,
			clinicId,
			coordinator.id,
			edit({ 'hr-rest-100': { threshold: '110' }, 'spo2-90': { enabled: false } })
		);
		expect(result).toEqual({ ok: true, changed: true });
		const rules = await clinicRules(database.db, clinicId);
		expect(rules.find((r) => r.id === 'hr-rest-100')).toMatchObject({
			threshold: 110,
			action: 'WARN',
			source: 'Cardiac rehab guidance'
		});
		expect(rules.find((r) => r.id === 'spo2-90')?.enabled).toBe(false);

		const [audit] = await auditRows();
		expect(audit).toMatchObject({ userId: coordinator.id, setting: 'vital_rules', before: null });
		expect(audit!.after).toEqual(settingsOf(rules));
		const [change] = await recentSettingChanges(database.db, clinicId);
		expect(change!.by).toBe('Casey Morgan');
		expect(englishLines(change!)).toEqual([
			'Resting heart rate > 100 bpm → Resting heart rate > 110 bpm',
			'SpO2 < 90 %: turned off'
		]);
	});

	it('refuses an edit with any bad field and changes nothing', async () => {
		const before = await storedColumn();
		const result = await saveClinicRules(
			database.db,
			clinicId,
			coordinator.id,
			edit({ 'spo2-88': { threshold: '85' }, 'temp-38': { threshold: '45' } })
		);
		expect(result).toEqual({
			ok: false,
			problems: {
				'temp-38.threshold': {
					code: 'settings.rules.out-of-range.temperatureC',
					params: { min: 34, max: 42 }
				}
			}
		});
		expect(await storedColumn()).toEqual(before);
		expect(await auditRows()).toHaveLength(1);
	});

	it("applies the clinic's rules when a technician records vital signs", async () => {
		const at105 = await restingReading({ heartRate: 105 });
		expect(at105).toMatchObject({ ok: true, findings: [] });
		const at112 = await restingReading({ heartRate: 112, spo2: 89 });
		// SpO2 < 90 is turned off here; the raised heart-rate rule says its own new number.
		expect(at112.ok && at112.findings.map((f) => [f.ruleId, label(f)])).toEqual([
			['hr-rest-100', 'Resting heart rate > 110 bpm']
		]);
	});

	it('restores the defaults, audited, and then the shipped rule applies again', async () => {
		const saved = await storedColumn();
		expect(await resetClinicRules(database.db, clinicId, coordinator.id)).toEqual({
			changed: true
		});
		expect(await storedColumn()).toBeNull();
		expect(await clinicRules(database.db, clinicId)).toEqual(DEFAULT_VITAL_RULES);
		const audits = await auditRows();
		expect(audits).toHaveLength(2);
		expect(audits[1]).toMatchObject({ before: saved, after: null });
		expect(englishLines((await recentSettingChanges(database.db, clinicId))[0]!)[0]).toBe(
			'Restored the defaults'
		);
		const at105 = await restingReading({ heartRate: 105 });
		expect(at105.ok && at105.findings.map(label)).toEqual(['Resting heart rate > 100 bpm']);
		// Already on the defaults: nothing to restore, nothing audited.
		expect(await resetClinicRules(database.db, clinicId, coordinator.id)).toEqual({
			changed: false
		});
		expect(await auditRows()).toHaveLength(2);
	});

	it('makes saves at once take turns: each audit row replaced what the one before wrote', async () => {
		// Open several connections first (PostgreSQL), so the saves really overlap.
		await Promise.all([1, 2, 3, 4].map(() => database.db.execute(sql`select 1`)));
		const start = await storedColumn();
		const audited = (await auditRows()).length;
		await Promise.all(
			['37.6', '37.8', '38.2', '38.5'].map((threshold) =>
				saveClinicRules(database.db, clinicId, coordinator.id, edit({ 'temp-38': { threshold } }))
			)
		);
		// created_at is each transaction's start, not its commit: follow the chain instead.
		const rows = (await auditRows()).slice(audited);
		expect(rows).toHaveLength(4);
		let current: unknown = start;
		for (let i = 0; i < rows.length; i++) {
			const next = rows.filter((row) => JSON.stringify(row.before) === JSON.stringify(current));
			expect(next, 'exactly one save replaced each version').toHaveLength(1);
			current = next[0]!.after;
		}
		expect(await storedColumn()).toEqual(current);
	});

	it('a class keeps the rules it started with; a change applies to classes started later', async () => {
		await startClass(live, sessionId, technician);
		const changed = await saveClinicRules(
			database.db,
			clinicId,
			coordinator.id,
			edit({ 'hr-rest-100': { threshold: '130' } })
		);
		expect(changed).toMatchObject({ ok: true, changed: true });
		expect(
			(await clinicRules(database.db, clinicId)).find((r) => r.id === 'hr-rest-100')
		).toMatchObject({
			threshold: 130
		});
		const reading = await restingReading({ heartRate: 110 });
		expect(reading.ok && reading.findings.map(label)).toEqual(['Resting heart rate > 100 bpm']);
	});
});
