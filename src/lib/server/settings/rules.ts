import { eq } from 'drizzle-orm';
import { DEFAULT_VITAL_RULES, type VitalRule } from '../../shared/rules';
import type { Database } from '../db/client';
import { clinics } from '../db/schema';

/** The clinic's vital-sign rules: the coordinator's version, else the shipped defaults. */
export async function clinicRules(db: Database, clinicId: string): Promise<VitalRule[]> {
	const [row] = await db
		.select({ rules: clinics.vitalRules })
		.from(clinics)
		.where(eq(clinics.id, clinicId));
	return row?.rules ?? DEFAULT_VITAL_RULES;
}
