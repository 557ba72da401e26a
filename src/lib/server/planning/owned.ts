import type { Database } from '../db/client';
import { classSeries, classSessions, exercises, participants, rooms, routines } from '../db/schema';
import { inClinic } from './clinic-scope';

/** The tables whose rows a URL or a form names: each row belongs to one clinic. */
const TABLES = { participants, classSeries, classSessions, routines, exercises, rooms } as const;

/**
 * Whether the caller's clinic has this row (archived or not). An action on an id in its URL
 * checks this first, so another clinic's id is "not found" whatever else the form holds, and
 * never a refusal that tells it the row exists.
 */
export async function clinicOwns(
	db: Database,
	kind: keyof typeof TABLES,
	clinicId: string,
	id: string
): Promise<boolean> {
	const table = TABLES[kind];
	const [row] = await db
		.select({ id: table.id })
		.from(table)
		.where(inClinic(table, clinicId, id))
		.limit(1);
	return row !== undefined;
}
