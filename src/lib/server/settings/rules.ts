import {
	applySettings,
	ruleEditSchema,
	ruleProblems,
	settingsOf,
	type RuleSetting
} from '../../shared/rule-settings';
import type { VitalRule } from '../../shared/rules';
import type { Database } from '../db/client';
import { classSessions, clinics } from '../db/schema';
import { storedRules } from '../db/stored-json';
import {
	clinicColumns,
	replaceClinicSetting,
	settingResetter,
	settingSaver
} from './clinic-setting';
import { inClinic } from '../planning/clinic-scope';

const SETTING = 'vital_rules';

/** The clinic's vital-sign rules: the defaults with the coordinator's settings applied. */
export async function clinicRules(db: Database, clinicId: string): Promise<VitalRule[]> {
	const row = await clinicColumns(db, clinicId, { rules: clinics.vitalRules });
	return applySettings(row?.rules ?? null);
}

/**
 * The rules a class runs under: those frozen when it started, or the clinic's current ones
 * for a class not started yet.
 */
export async function rulesForClass(
	db: Database,
	clinicId: string,
	sessionId: string
): Promise<VitalRule[]> {
	const [session] = await db
		.select({ rules: classSessions.vitalRules, version: classSessions.planVersion })
		.from(classSessions)
		.where(inClinic(classSessions, clinicId, sessionId));
	if (!session?.rules) return clinicRules(db, clinicId);
	return storedRules(session.rules, {
		table: 'class_sessions',
		id: sessionId,
		version: session.version
	});
}

/**
 * Validates a whole edit and stores it with an audit row, in one transaction; any invalid
 * field stores nothing. An edit equal to what is in force writes nothing, so a clinic still on
 * the defaults stays on them (and follows them when a release corrects one).
 */
export const saveClinicRules = settingSaver(ruleEditSchema, ruleProblems, writeSetting);

/** Back to the shipped defaults (null), audited like any other change. */
export const resetClinicRules = settingResetter(writeSetting);

function writeSetting(db: Database, clinicId: string, userId: string, next: RuleSetting[] | null) {
	return replaceClinicSetting(db, clinicId, userId, {
		setting: SETTING,
		columns: { rules: clinics.vitalRules },
		unchanged: ({ rules }) =>
			next === null
				? rules === null
				: JSON.stringify(settingsOf(applySettings(rules))) === JSON.stringify(next),
		set: { vitalRules: next },
		before: ({ rules }) => rules,
		after: next
	});
}
