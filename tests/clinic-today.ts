import { eq } from 'drizzle-orm';
import type { Database } from '../src/lib/server/db/client';
import * as schema from '../src/lib/server/db/schema';
import { localDate } from '../src/lib/shared/time-zone';

/**
 * Today's date in the clinic's time zone, to pick today's class of a demo series: the earliest
 * is this week's Monday's, which only today's date makes startable (and the one the phone opens).
 */
export async function clinicToday(db: Database, clinicId: string): Promise<string> {
	const [clinic] = await db
		.select({ timeZone: schema.clinics.timeZone })
		.from(schema.clinics)
		.where(eq(schema.clinics.id, clinicId));
	if (!clinic) throw new Error(`no clinic ${clinicId}`);
	return localDate(clinic.timeZone, new Date());
}
