import { eq, type GetColumnData } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Problems } from '../../i18n/problem';
import type { Database } from '../db/client';
import { clinicSettingChanges, clinics } from '../db/schema';

/**
 * A clinic's settings live in columns of its clinics row. Every change is stored with an audit
 * row in the same transaction, and read when it is used, so it applies from the next class on.
 */

type Columns = Record<string, PgColumn>;
/** The values of `columns`, under the same names. */
type Stored<C extends Columns> = { [K in keyof C]: GetColumnData<C[K]> };

/** These columns of the clinic's row; undefined when there is no such clinic. */
export async function clinicColumns<C extends Columns>(
	db: Database,
	clinicId: string,
	columns: C
): Promise<Stored<C> | undefined> {
	const [row] = await db.select(columns).from(clinics).where(eq(clinics.id, clinicId));
	return row as Stored<C> | undefined;
}

export type SettingChange<C extends Columns> = {
	setting: string;
	/** The columns the setting is kept in, under the names `unchanged` and `before` read. */
	columns: C;
	/** Whether what is stored is already what was asked for: then nothing is written. */
	unchanged: (stored: Stored<C>) => boolean;
	/** What to write into the clinic's row. */
	set: Partial<typeof clinics.$inferInsert>;
	/** The audit row's values before and after the change. */
	before: (stored: Stored<C>) => unknown;
	after: unknown;
};

/** Stores one setting's new value with its audit row; false when nothing changed. */
export async function replaceClinicSetting<C extends Columns>(
	db: Database,
	clinicId: string,
	userId: string,
	change: SettingChange<C>
): Promise<boolean> {
	return db.transaction(async (tx) => {
		// The row lock makes two coordinators saving at once take turns, so each audit row's
		// "before" is what that save really replaced.
		const columns: Columns = change.columns;
		const [row] = await tx
			.select(columns)
			.from(clinics)
			.where(eq(clinics.id, clinicId))
			.for('update');
		if (!row) throw new Error(`No clinic ${clinicId}`);
		const stored = row as Stored<C>;
		if (change.unchanged(stored)) return false;
		await tx.update(clinics).set(change.set).where(eq(clinics.id, clinicId));
		await tx.insert(clinicSettingChanges).values({
			clinicId,
			userId,
			setting: change.setting,
			before: change.before(stored),
			after: change.after
		});
		return true;
	});
}

export type SettingSaveResult = { ok: true; changed: boolean } | { ok: false; problems: Problems };

/**
 * A settings form's save: the whole edit is validated first, and any invalid field stores
 * nothing; a valid one goes to `write`, which says whether it changed anything.
 */
export function settingSaver<T>(
	schema: z.ZodType<T>,
	problemsOf: (error: z.ZodError) => Problems,
	write: (db: Database, clinicId: string, userId: string, value: T) => Promise<boolean>
) {
	return async (
		db: Database,
		clinicId: string,
		userId: string,
		input: unknown
	): Promise<SettingSaveResult> => {
		const parsed = schema.safeParse(input);
		if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error) };
		return { ok: true, changed: await write(db, clinicId, userId, parsed.data) };
	};
}

/** A settings form's "back to the shipped defaults": `write` with null, audited like any change. */
export function settingResetter(
	write: (db: Database, clinicId: string, userId: string, value: null) => Promise<boolean>
) {
	return async (db: Database, clinicId: string, userId: string): Promise<{ changed: boolean }> => ({
		changed: await write(db, clinicId, userId, null)
	});
}
