import type { MigrationLevel } from './migrations';

/**
 * A backup is one gzip'd file of JSON lines:
 *   {"format":"steady-backup","version":2,...header,"media":[{"file":"<name>","sha256":"...","bytes":9}]}
 *   {"table":"clinics","columns":[...],"rows":2}   then 2 lines, each a row as row_to_json wrote it
 *   ... one such block per table, parents before children ...
 *   {"sequences":[{"name":"...","value":"42","called":true}]}
 *   {"end":true,"tables":14,"rows":1234}            absent when the file was cut short
 * Rows stay PostgreSQL's own JSON text from end to end (never parsed in JavaScript), so numbers,
 * timestamps and binary values come back exactly. The exercise pictures and videos the rows name
 * are files: the header lists them, and they are in the `media` folder beside the backup file
 * (see media.ts). Version 2 added that list; version 1 files have no media.
 */
export const BACKUP_FORMAT = 'steady-backup';
export const BACKUP_VERSION = 2;
export const BACKUP_PREFIX = 'steady-backup-';
export const BACKUP_SUFFIX = '.jsonl.gz';

export type BackupHeader = {
	format: typeof BACKUP_FORMAT;
	version: number;
	createdAt: string;
	database: 'pglite' | 'postgres';
	migration: MigrationLevel;
	/** Each media file the backup's rows name, copied into BACKUP_DIR/media. */
	media?: MediaEntry[];
	/** Files the rows name that were already gone from DATA_DIR/media when the backup was made. */
	missingMedia?: string[];
};

export type MediaEntry = { file: string; sha256: string; bytes: number };

export type TableHeader = { table: string; columns: string[]; rows: number };
export type SequenceValue = { name: string; value: string; called: boolean };
export type BackupEnd = { end: true; tables: number; rows: number };

export type BackupSummary = {
	file: string;
	tables: number;
	rows: number;
	bytes: number;
	/** Media files the backup names, how many of them this backup copied, and any not found. */
	media: number;
	mediaCopied: number;
	missingMedia: string[];
};

/** steady-backup-2026-11-27T02-30-00-000Z.jsonl.gz: sorts by time, safe on every filesystem. */
export function backupFileName(at: Date): string {
	return `${BACKUP_PREFIX}${at.toISOString().replaceAll(':', '-').replace('.', '-')}${BACKUP_SUFFIX}`;
}

export function isBackupFileName(name: string): boolean {
	return name.startsWith(BACKUP_PREFIX) && name.endsWith(BACKUP_SUFFIX);
}
