import { and, eq, isNull, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * The conditions every query on a clinic's rows starts with. A row is only ever read or written
 * through its clinic, so another clinic's id finds nothing (and says nothing about that row).
 */

type ClinicRows = { id: PgColumn; clinicId: PgColumn };
type ArchivableRows = ClinicRows & { archivedAt: PgColumn };

/** The row with this id, when it is the clinic's (archived or not). */
export function inClinic(table: ClinicRows, clinicId: string, id: string): SQL {
	return and(eq(table.id, id), eq(table.clinicId, clinicId))!;
}

/** The clinic's rows still in use (not archived); with an id, only that one. */
export function activeInClinic(table: ArchivableRows, clinicId: string, id?: string): SQL {
	const clinicRows = and(eq(table.clinicId, clinicId), isNull(table.archivedAt))!;
	return id === undefined ? clinicRows : and(eq(table.id, id), clinicRows)!;
}
