import { pgTable, text } from 'drizzle-orm/pg-core';
import { timestampTz } from './columns';

/**
 * Who last started a scheduled backup, and when. Every process with BACKUP_DIR keeps the daily
 * schedule, so that any of them can be stopped; at BACKUP_AT the first to claim the day here
 * writes the backup and the others stand down (backup/daily-claim.ts). One row per schedule.
 */
export const backupSchedule = pgTable('backup_schedule', {
	name: text('name').primaryKey(),
	startedAt: timestampTz('started_at').notNull(),
	/** The process that took it (a cluster's process id), for the log and the curious. */
	processId: text('process_id').notNull()
});
