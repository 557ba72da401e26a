import { and, asc, eq, isNull, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client';
import { users } from '../db/schema';

/** The clinic's staff whose accounts are not disabled: the ones a class may name. */
export function enabledStaff(clinicId: string): SQL {
	return and(eq(users.clinicId, clinicId), isNull(users.disabledAt))!;
}

/** Who can lead or assist a class: the clinic's enabled staff, by name. */
export function listStaff(db: Database, clinicId: string) {
	return db
		.select({ id: users.id, name: users.name, role: users.role })
		.from(users)
		.where(enabledStaff(clinicId))
		.orderBy(asc(users.name));
}
