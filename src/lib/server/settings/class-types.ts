import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { CATALOGS } from '../../i18n/catalog';
import { problem, type Problems } from '../../i18n/problem';
import { nameKey, type ClassTypeChoice, type ClassTypeForm } from '../../shared/class-types';
import { CLASS_TYPES, type ClassType } from '../../shared/domain';
import type { Database } from '../db/client';
import { classTypes } from '../db/schema';
import { activeInClinic, inClinic } from '../planning/clinic-scope';

/**
 * A clinic's class types: the built-in balance, core and aquatic (worded by the catalog until a
 * coordinator renames one) and the coordinator's own, each following the rules of its kind.
 */

/**
 * Makes sure the clinic has its three built-in types (the migration gave them to every clinic
 * there was; a clinic made since gets them the first time its types are asked for).
 */
export async function ensureBuiltinClassTypes(db: Database, clinicId: string) {
	await db
		.insert(classTypes)
		.values(CLASS_TYPES.map((kind) => ({ clinicId, kind, builtin: true })))
		.onConflictDoNothing({
			target: [classTypes.clinicId, classTypes.kind],
			where: sql`${classTypes.builtin}`
		});
}

export type ClassTypeRow = ClassTypeChoice & { archived: boolean };

const columns = {
	id: classTypes.id,
	name: classTypes.name,
	kind: classTypes.kind,
	builtin: classTypes.builtin,
	archivedAt: classTypes.archivedAt
};

/** The clinic's class types, built-in ones first (in their order), then the others by name. */
export async function listClassTypes(
	db: Database,
	clinicId: string,
	{ archived = false } = {}
): Promise<ClassTypeRow[]> {
	await ensureBuiltinClassTypes(db, clinicId);
	const rows = await db
		.select(columns)
		.from(classTypes)
		.where(archived ? eq(classTypes.clinicId, clinicId) : activeInClinic(classTypes, clinicId))
		.orderBy(asc(classTypes.name), asc(classTypes.createdAt));
	const rank = (row: ClassTypeRow) =>
		row.builtin ? CLASS_TYPES.indexOf(row.kind) : CLASS_TYPES.length;
	return rows
		.map(({ archivedAt, ...row }) => ({ ...row, archived: archivedAt !== null }))
		.sort((a, b) => rank(a) - rank(b) || Number(a.archived) - Number(b.archived));
}

/**
 * The class type a series form chose: a built-in by its kind (`aquatic`) or any active type of
 * the clinic by id; `keep` (the series' own type) may be archived. Null: not the clinic's.
 */
export async function resolveClassType(
	db: Database,
	clinicId: string,
	value: string,
	keep?: string | null
): Promise<{ id: string; kind: ClassType } | null> {
	await ensureBuiltinClassTypes(db, clinicId);
	const builtinKind = (CLASS_TYPES as readonly string[]).includes(value);
	const [row] = await db
		.select({ id: classTypes.id, kind: classTypes.kind, archivedAt: classTypes.archivedAt })
		.from(classTypes)
		.where(
			builtinKind
				? and(
						eq(classTypes.clinicId, clinicId),
						eq(classTypes.builtin, true),
						eq(classTypes.kind, value as ClassType)
					)
				: inClinic(classTypes, clinicId, value)
		);
	if (!row || (row.archivedAt && row.id !== keep)) return null;
	return { id: row.id, kind: row.kind };
}

/** Whether another active type of the clinic is called this (a built-in's catalog names too). */
async function nameTaken(db: Database, clinicId: string, name: string, except?: string) {
	const key = nameKey(name);
	const rows = await db
		.select(columns)
		.from(classTypes)
		.where(activeInClinic(classTypes, clinicId));
	return rows.some((row) => {
		if (row.id === except) return false;
		const names = row.name
			? [row.name]
			: Object.values(CATALOGS).map((catalog) => catalog[`class-type.${row.kind}`]);
		return names.some((n) => nameKey(n) === key);
	});
}

export type ClassTypeResult =
	{ ok: true; id: string; changed: boolean } | { ok: false; problems: Problems };

const taken = (name: string): ClassTypeResult => ({
	ok: false,
	problems: { name: problem('class-types.name-taken', { name }) }
});

/** Adds a class type (the route has parsed the form); refused when its name is in use. */
export async function addClassType(
	db: Database,
	clinicId: string,
	form: ClassTypeForm
): Promise<ClassTypeResult> {
	return db.transaction(async (tx) => {
		await ensureBuiltinClassTypes(tx, clinicId);
		if (await nameTaken(tx, clinicId, form.name)) return taken(form.name);
		const [row] = await tx
			.insert(classTypes)
			.values({ clinicId, name: form.name, kind: form.kind })
			.returning({ id: classTypes.id });
		return { ok: true, id: row!.id, changed: true };
	});
}

/** Renames one of the clinic's active types; a built-in may be renamed too. */
export async function renameClassType(
	db: Database,
	clinicId: string,
	id: string,
	name: string
): Promise<ClassTypeResult> {
	return db.transaction(async (tx) => {
		const [row] = await tx
			.select(columns)
			.from(classTypes)
			.where(activeInClinic(classTypes, clinicId, id));
		if (!row) return { ok: false, problems: { form: problem('class-types.not-found') } };
		if (row.name === name) return { ok: true, id, changed: false };
		if (await nameTaken(tx, clinicId, name, id)) return taken(name);
		await tx.update(classTypes).set({ name }).where(eq(classTypes.id, id));
		return { ok: true, id, changed: true };
	});
}

/**
 * Archives (or, `archived` false, brings back) one of the clinic's types: series already
 * scheduled as it keep it; new ones cannot choose it. Bringing one back is refused when an
 * active type has taken its name meanwhile.
 */
export async function setClassTypeArchived(
	db: Database,
	clinicId: string,
	id: string,
	archived: boolean,
	now = new Date()
): Promise<ClassTypeResult> {
	return db.transaction(async (tx) => {
		const [row] = await tx
			.select(columns)
			.from(classTypes)
			.where(
				and(
					inClinic(classTypes, clinicId, id),
					archived ? isNull(classTypes.archivedAt) : sql`${classTypes.archivedAt} is not null`
				)
			);
		if (!row) return { ok: false, problems: { form: problem('class-types.not-found') } };
		if (!archived) {
			const name = row.name ?? CATALOGS.en[`class-type.${row.kind}`];
			if (await nameTaken(tx, clinicId, name, id)) return taken(name);
		}
		await tx
			.update(classTypes)
			.set({ archivedAt: archived ? now : null })
			.where(eq(classTypes.id, id));
		return { ok: true, id, changed: true };
	});
}
