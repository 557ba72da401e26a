import { eq, lt } from 'drizzle-orm';
import type { Database } from '../db/client';
import { backupSchedule } from '../db/schema';

const DAILY = 'daily';

/**
 * How long a started scheduled backup keeps the other processes from starting their own: far
 * more than the spread of their timers for one BACKUP_AT (or their catch-ups after starting
 * together), far less than the time to the next BACKUP_AT after a catch-up.
 */
export const CLAIM_WINDOW_MS = 60 * 60 * 1000;

/**
 * Claims the scheduled backup due now for this process: of the processes on one database that
 * ask within CLAIM_WINDOW_MS of each other, exactly one gets true (one atomic statement). A
 * process that dies after claiming leaves that day to the next schedule, and the log says which.
 */
export async function claimDailyBackup(
	db: Database,
	processId: string,
	now: Date
): Promise<boolean> {
	const claimed = await db
		.insert(backupSchedule)
		.values({ name: DAILY, startedAt: now, processId })
		.onConflictDoUpdate({
			target: backupSchedule.name,
			set: { startedAt: now, processId },
			setWhere: lt(backupSchedule.startedAt, new Date(now.getTime() - CLAIM_WINDOW_MS))
		})
		.returning({ name: backupSchedule.name });
	return claimed.length === 1;
}

/** The last claim: when a scheduled backup was started, and by which process. */
export async function lastDailyClaim(db: Database) {
	const [row] = await db
		.select({ startedAt: backupSchedule.startedAt, processId: backupSchedule.processId })
		.from(backupSchedule)
		.where(eq(backupSchedule.name, DAILY));
	return row;
}
