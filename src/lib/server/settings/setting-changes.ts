import { desc, eq } from 'drizzle-orm';
import { describeSettingChange } from '../../shared/clinic-settings';
import type { Database } from '../db/client';
import { clinicSettingChanges, users } from '../db/schema';

export type SettingChange = { id: string; at: Date; by: string; lines: string[] };

/** The latest changes to any of the clinic's settings, newest first, in plain lines. */
export async function recentSettingChanges(
	db: Database,
	clinicId: string,
	limit = 10
): Promise<SettingChange[]> {
	const rows = await db
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
	return rows.map((row) => ({
		id: row.id,
		at: row.at,
		by: row.by,
		lines: describeSettingChange(row.setting, row.before, row.after)
	}));
}
