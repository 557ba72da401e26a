import {
	and,
	arrayContains,
	asc,
	countDistinct,
	eq,
	ilike,
	inArray,
	isNotNull,
	isNull,
	ne,
	sql
} from 'drizzle-orm';
import type { ExerciseFilters } from '../../shared/exercise-filters';
import type { ExerciseValues } from '../../shared/exercise-form';
import { problem, type Problem, type Problems } from '../../i18n/problem';
import type { Database } from '../db/client';
import { classSessions, exercises, routineBlocks, routines, routineVersions } from '../db/schema';
import type { MediaType } from './media-check';

/**
 * The clinic's exercise library. Exercises are archived, not deleted, once a routine or a class
 * has used them: a routine version and a past class must still say what was done.
 */

export type ExerciseMedia = { file: string; type: MediaType };

/** The library list, filtered; archived exercises only when asked for. */
export function searchExercises(db: Database, clinicId: string, filters: ExerciseFilters) {
	const conditions = [eq(exercises.clinicId, clinicId)];
	if (!filters.archived) conditions.push(isNull(exercises.archivedAt));
	if (filters.q) conditions.push(ilike(exercises.name, `%${escapeLike(filters.q)}%`));
	if (filters.category) conditions.push(eq(exercises.category, filters.category));
	if (filters.equipment) conditions.push(arrayContains(exercises.equipment, [filters.equipment]));
	if (filters.tier) conditions.push(sql`${exercises.supportTiers} ->> ${filters.tier} is not null`);
	if (filters.depth) conditions.push(eq(exercises.waterDepth, filters.depth));
	return db
		.select({
			id: exercises.id,
			name: exercises.name,
			displayCue: exercises.displayCue,
			category: exercises.category,
			dosing: exercises.dosing,
			supportTiers: exercises.supportTiers,
			equipment: exercises.equipment,
			waterDepth: exercises.waterDepth,
			mediaType: exercises.mediaType,
			archivedAt: exercises.archivedAt
		})
		.from(exercises)
		.where(and(...conditions))
		.orderBy(asc(exercises.name));
}

/** `%` and `_` typed into the search box are letters, not wildcards. */
function escapeLike(text: string): string {
	return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Every piece of equipment the clinic's exercises name, for the filter's choices. */
export async function clinicEquipment(db: Database, clinicId: string): Promise<string[]> {
	const rows = await db
		.selectDistinct({ item: sql<string>`unnest(${exercises.equipment})`.as('item') })
		.from(exercises)
		.where(eq(exercises.clinicId, clinicId));
	return rows.map((row) => row.item).sort((a, b) => a.localeCompare(b));
}

export async function getExercise(db: Database, clinicId: string, id: string) {
	if (!isUuid(id)) return null;
	const [row] = await db
		.select()
		.from(exercises)
		.where(and(eq(exercises.id, id), eq(exercises.clinicId, clinicId)));
	return row ?? null;
}

const isUuid = (id: string) =>
	/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

export type SaveResult = { ok: true; id: string } | { ok: false; problems: Problems };

/** Names are unique per clinic whatever their case: "Heel raises" and "heel raises" are one. */
export async function nameTaken(db: Database, clinicId: string, name: string, exceptId?: string) {
	const [row] = await db
		.select({ name: exercises.name, archivedAt: exercises.archivedAt })
		.from(exercises)
		.where(
			and(
				eq(exercises.clinicId, clinicId),
				sql`lower(${exercises.name}) = lower(${name})`,
				exceptId ? ne(exercises.id, exceptId) : undefined
			)
		)
		.limit(1);
	if (!row) return null;
	return problem(
		row.archivedAt ? 'exercise-form.name-taken-archived' : 'exercise-form.name-taken',
		{ name: row.name }
	);
}

/** The database's own unique index is the last word if two saves race. */
function isUniqueViolation(error: unknown): boolean {
	const code = (e: unknown) => (e as { code?: string } | null)?.code;
	return code(error) === '23505' || code((error as { cause?: unknown })?.cause) === '23505';
}

const DUPLICATE: Problems = { name: problem('exercise-form.name-duplicate') };

export async function createExercise(
	db: Database,
	clinicId: string,
	values: ExerciseValues,
	media: ExerciseMedia | null = null
): Promise<SaveResult> {
	const taken = await nameTaken(db, clinicId, values.name);
	if (taken) return { ok: false, problems: { name: taken } };
	try {
		const [row] = await db
			.insert(exercises)
			.values({
				clinicId,
				...values,
				mediaFile: media?.file ?? null,
				mediaType: media?.type ?? null
			})
			.returning({ id: exercises.id });
		return { ok: true, id: row!.id };
	} catch (error) {
		if (isUniqueViolation(error)) return { ok: false, problems: DUPLICATE };
		throw error;
	}
}

/** What happens to the picture or video on a save. */
export type MediaChange =
	{ kind: 'keep' } | { kind: 'remove' } | ({ kind: 'replace' } & ExerciseMedia);

export type UpdateResult =
	| {
			ok: true;
			id: string;
			/** The file no row names any more: remove it. */ oldMedia: string | null;
	  }
	| { ok: false; problems: Problems; notFound?: true };

export async function updateExercise(
	db: Database,
	clinicId: string,
	id: string,
	values: ExerciseValues,
	media: MediaChange = { kind: 'keep' }
): Promise<UpdateResult> {
	const current = await getExercise(db, clinicId, id);
	if (!current) {
		return { ok: false, problems: { form: problem('exercises.not-in-clinic') }, notFound: true };
	}
	const taken = await nameTaken(db, clinicId, values.name, id);
	if (taken) return { ok: false, problems: { name: taken } };
	const mediaColumns =
		media.kind === 'keep'
			? {}
			: media.kind === 'remove'
				? { mediaFile: null, mediaType: null }
				: { mediaFile: media.file, mediaType: media.type };
	try {
		await db
			.update(exercises)
			.set({ ...values, ...mediaColumns })
			.where(and(eq(exercises.id, id), eq(exercises.clinicId, clinicId)));
	} catch (error) {
		if (isUniqueViolation(error)) return { ok: false, problems: DUPLICATE };
		throw error;
	}
	return { ok: true, id, oldMedia: media.kind === 'keep' ? null : current.mediaFile };
}

export async function setArchived(db: Database, clinicId: string, id: string, archived: boolean) {
	if (!isUuid(id)) return false;
	const rows = await db
		.update(exercises)
		.set({ archivedAt: archived ? new Date() : null })
		.where(and(eq(exercises.id, id), eq(exercises.clinicId, clinicId)))
		.returning({ id: exercises.id });
	return rows.length === 1;
}

export type ExerciseUsage = { routines: string[]; classes: number };

/** Routines (any version) that have a block with this exercise, and classes that ran one. */
export async function exerciseUsage(
	db: Database,
	clinicId: string,
	id: string
): Promise<ExerciseUsage> {
	const versions = await db
		.selectDistinct({ versionId: routineVersions.id, routine: routines.name })
		.from(routineBlocks)
		.innerJoin(routineVersions, eq(routineVersions.id, routineBlocks.routineVersionId))
		.innerJoin(routines, eq(routines.id, routineVersions.routineId))
		.where(and(eq(routineBlocks.exerciseId, id), eq(routines.clinicId, clinicId)));
	if (versions.length === 0) return { routines: [], classes: 0 };
	const [ran] = await db
		.select({ n: countDistinct(classSessions.id) })
		.from(classSessions)
		.where(
			and(
				eq(classSessions.clinicId, clinicId),
				inArray(
					classSessions.routineVersionId,
					versions.map((v) => v.versionId)
				),
				isNotNull(classSessions.startedAt)
			)
		);
	const names = [...new Set(versions.map((v) => v.routine))].sort((a, b) => a.localeCompare(b));
	return { routines: names, classes: ran?.n ?? 0 };
}

export type DeleteResult =
	{ ok: true; media: string | null } | { ok: false; problem: Problem; notFound?: true };

/** Only an exercise nothing ever used may go for good; anything else is archived instead. */
export async function deleteUnusedExercise(
	db: Database,
	clinicId: string,
	id: string
): Promise<DeleteResult> {
	const current = await getExercise(db, clinicId, id);
	if (!current) return { ok: false, problem: problem('exercises.not-in-clinic'), notFound: true };
	const usage = await exerciseUsage(db, clinicId, id);
	if (usage.routines.length > 0) {
		return { ok: false, problem: problem('exercises.in-use') };
	}
	try {
		await db.delete(exercises).where(and(eq(exercises.id, id), eq(exercises.clinicId, clinicId)));
	} catch (error) {
		// A routine saved it a moment ago: the foreign key keeps it, as it should.
		if ((error as { cause?: { code?: string } }).cause?.code === '23503') {
			return { ok: false, problem: problem('exercises.in-use') };
		}
		throw error;
	}
	return { ok: true, media: current.mediaFile };
}
