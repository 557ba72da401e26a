import { desc, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { clinicSettingChanges, users } from '../db/schema';

/**
 * One audited change as stored: which setting, and its value before and after. The page words it
 * (describeSettingChange) in the reader's language.
 */
export type SettingChange = {
	id: string;
	at: Date;
	by: string;
	setting: string;
	before: unknown;
	after: unknown;
};

/** The latest changes to any of the clinic's settings, newest first. */
export async function recentSettingChanges(
	db: Database,
	clinicId: string,
	limit = 10
): Promise<SettingChange[]> {
	return db
		.select({
			id: clinicSettingChanges.id,
			at: clinicSettingChanges.createdAt,
			by: users.name,
			setting: clinicSettingChanges.setting,
			before: clinicSettingChanges.before,
			after: clinicSettingChanges.after
		})
		.from(clinicSettingChanges)
		.innerJoin(users, eq(users.id, clinicSettingChanges.userId))
		.where(eq(clinicSettingChanges.clinicId, clinicId))
		.orderBy(desc(clinicSettingChanges.createdAt), desc(clinicSettingChanges.id))
		.limit(limit);
}
