import { and, eq } from 'drizzle-orm';
import type { Problems } from '../../i18n/problem';
import {
	applySettings,
	ruleEditSchema,
	ruleProblems,
	settingsOf,
	type RuleEditInput,
	type RuleSetting
} from '../../shared/rule-settings';
import type { VitalRule } from '../../shared/rules';
import type { Database } from '../db/client';
import { classSessions, clinicSettingChanges, clinics } from '../db/schema';

const SETTING = 'vital_rules';

/** The clinic's vital-sign rules: the defaults with the coordinator's settings applied. */
export async function clinicRules(db: Database, clinicId: string): Promise<VitalRule[]> {
	const [row] = await db
		.select({ rules: clinics.vitalRules })
		.from(clinics)
		.where(eq(clinics.id, clinicId));
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
		.select({ rules: classSessions.vitalRules })
		.from(classSessions)
		.where(and(eq(classSessions.id, sessionId), eq(classSessions.clinicId, clinicId)));
	return session?.rules ?? clinicRules(db, clinicId);
}

export type SaveResult = { ok: true; changed: boolean } | { ok: false; problems: Problems };

/**
 * Validates a whole edit and stores it with an audit row, in one transaction; any invalid
 * field stores nothing. An edit equal to what is in force writes nothing, so a clinic still on
 * the defaults stays on them (and follows them when a release corrects one).
 */
export async function saveClinicRules(
	db: Database,
	clinicId: string,
	userId: string,
	edit: RuleEditInput
): Promise<SaveResult> {
	const parsed = ruleEditSchema.safeParse(edit);
	if (!parsed.success) return { ok: false, problems: ruleProblems(parsed.error) };
	const changed = await writeSetting(db, clinicId, userId, parsed.data);
	return { ok: true, changed };
}

/** Back to the shipped defaults (null), audited like any other change. */
export async function resetClinicRules(
	db: Database,
	clinicId: string,
	userId: string
): Promise<{ changed: boolean }> {
	return { changed: await writeSetting(db, clinicId, userId, null) };
}

async function writeSetting(
	db: Database,
	clinicId: string,
	userId: string,
	next: RuleSetting[] | null
): Promise<boolean> {
	return db.transaction(async (tx) => {
		// The row lock makes two coordinators saving at once take turns, so each audit row's
		// "before" is what that save really replaced.
		const [row] = await tx
			.select({ rules: clinics.vitalRules })
			.from(clinics)
			.where(eq(clinics.id, clinicId))
			.for('update');
		if (!row) throw new Error(`No clinic ${clinicId}`);
		const before = row.rules ?? null;
		const same =
			next === null
				? before === null
				: JSON.stringify(settingsOf(applySettings(before))) === JSON.stringify(next);
		if (same) return false;
		await tx.update(clinics).set({ vitalRules: next }).where(eq(clinics.id, clinicId));
		await tx
			.insert(clinicSettingChanges)
			.values({ clinicId, userId, setting: SETTING, before, after: next });
		return true;
	});
}
