import { createHash } from 'node:crypto';
import { and, asc, count, desc, eq, gte, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { problem, type Problem, type Problems } from '../../i18n/problem';
import type { RoutineInput } from '../../shared/routine-form';
import type { Database } from '../db/client';
import {
	classSeries,
	classSessions,
	exercises,
	routineBlocks,
	routines,
	routineVersions
} from '../db/schema';
import { inClinic } from '../planning/clinic-scope';

/**
 * Routines and their versions. A class points at the exact version it runs, so a routine that
 * any class used is never changed under it: a save makes a new version, and the classes not yet
 * run (status 'scheduled') move to it in the same transaction; a class that ran, or is running,
 * keeps its version. A routine no class ever used is simply updated in place.
 */

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/** The version new classes of this routine should run. */
export async function newestVersion(db: Database | Tx, routineId: string) {
	const [row] = await db
		.select({
			id: routineVersions.id,
			version: routineVersions.version,
			transitionSeconds: routineVersions.transitionSeconds,
			waitForDone: routineVersions.waitForDone
		})
		.from(routineVersions)
		.where(eq(routineVersions.routineId, routineId))
		.orderBy(desc(routineVersions.version))
		.limit(1);
	return row;
}

async function versionBlocks(db: Database | Tx, versionId: string) {
	return db
		.select({
			id: routineBlocks.id,
			kind: routineBlocks.kind,
			phase: routineBlocks.phase,
			exerciseId: routineBlocks.exerciseId,
			dosing: routineBlocks.dosing,
			seconds: routineBlocks.seconds,
			label: routineBlocks.label
		})
		.from(routineBlocks)
		.where(eq(routineBlocks.routineVersionId, versionId))
		.orderBy(asc(routineBlocks.position));
}

/**
 * What the builder saw: changes with every save (blocks get new ids each time), so a save
 * based on an older page is refused instead of silently undoing a colleague's edit.
 */
function revisionOf(versionId: string, blockIds: string[]): string {
	return createHash('sha256')
		.update([versionId, ...blockIds].join(','))
		.digest('base64url')
		.slice(0, 16);
}

/** How many classes use the routine's versions: ran (or running), and waiting to run. */
async function usage(db: Database | Tx, routineId: string) {
	const rows = await db
		.select({ status: classSessions.status, n: count() })
		.from(classSessions)
		.innerJoin(routineVersions, eq(routineVersions.id, classSessions.routineVersionId))
		.where(eq(routineVersions.routineId, routineId))
		.groupBy(classSessions.status);
	const of = (status: string) => rows.find((row) => row.status === status)?.n ?? 0;
	return {
		ran: of('live') + of('completed'),
		scheduled: of('scheduled'),
		cancelled: of('cancelled')
	};
}

/** How many classes (in any state) run this one version of a routine. */
async function sessionsOn(db: Database | Tx, versionId: string): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(classSessions)
		.where(eq(classSessions.routineVersionId, versionId));
	return row?.n ?? 0;
}

export async function routineForEdit(db: Database, clinicId: string, routineId: string) {
	const [routine] = await db
		.select({
			id: routines.id,
			name: routines.name,
			description: routines.description,
			archivedAt: routines.archivedAt
		})
		.from(routines)
		.where(inClinic(routines, clinicId, routineId));
	if (!routine) return null;
	const version = await newestVersion(db, routineId);
	const blocks = version ? await versionBlocks(db, version.id) : [];
	const used = await usage(db, routineId);
	const currentUsers = version ? await sessionsOn(db, version.id) : 0;
	return {
		routine,
		version: version?.version ?? 0,
		settings: {
			transitionSeconds: version?.transitionSeconds ?? 0,
			waitForDone: version?.waitForDone ?? false
		},
		blocks,
		revision: revisionOf(
			version?.id ?? '',
			blocks.map((b) => b.id)
		),
		usage: { ...used, ofCurrentVersion: currentUsers }
	};
}

/** `notFound`: the routine is not one of this clinic's: nothing was written. */
export type SaveResult =
	| { ok: true; version: number; newVersion: boolean; movedSessions: number }
	| { ok: false; problems: Problems; conflict?: boolean; notFound?: true };

const isUniqueViolation = (error: unknown) =>
	typeof error === 'object' &&
	error !== null &&
	((error as { code?: string }).code === '23505' ||
		(error as { cause?: { code?: string } }).cause?.code === '23505');

/**
 * Saves a checked routine. `baseRevision` is what the editor loaded; null skips the check
 * (scripts, tests). The routine's row is locked first, so two saves of one routine run one
 * after the other and never compute the same next version number.
 */
export async function saveRoutine(
	db: Database,
	clinicId: string,
	userId: string | null,
	routineId: string,
	input: RoutineInput,
	baseRevision: string | null
): Promise<SaveResult> {
	try {
		return await db.transaction(async (tx) => {
			const [routine] = await tx
				.select({ id: routines.id })
				.from(routines)
				.where(inClinic(routines, clinicId, routineId))
				.for('update');
			if (!routine) {
				return { ok: false, problems: { form: problem('routines.gone') }, notFound: true };
			}

			const current = await newestVersion(tx, routineId);
			const currentBlocks = current ? await versionBlocks(tx, current.id) : [];
			const revision = revisionOf(
				current?.id ?? '',
				currentBlocks.map((b) => b.id)
			);
			if (baseRevision !== null && baseRevision !== revision) {
				return {
					ok: false,
					conflict: true,
					problems: { form: problem('builder.conflict') }
				};
			}

			const problems = await crossCheck(tx, clinicId, routineId, input);
			if (problems) return { ok: false, problems };

			const usedBy = current ? await sessionsOn(tx, current.id) : 0;

			await tx
				.update(routines)
				.set({ name: input.name, description: input.description })
				.where(eq(routines.id, routineId));

			const settings = {
				transitionSeconds: input.transitionSeconds ?? 0,
				waitForDone: input.waitForDone ?? false
			};
			let versionId: string;
			let version: number;
			if (current && usedBy === 0) {
				// No class ever pointed at it: nothing to keep, edit it where it is.
				versionId = current.id;
				version = current.version;
				await tx.update(routineVersions).set(settings).where(eq(routineVersions.id, versionId));
				await tx.delete(routineBlocks).where(eq(routineBlocks.routineVersionId, versionId));
			} else {
				version = (current?.version ?? 0) + 1;
				const [row] = await tx
					.insert(routineVersions)
					.values({ routineId, version, createdBy: userId, ...settings })
					.returning({ id: routineVersions.id });
				versionId = row!.id;
			}
			await tx.insert(routineBlocks).values(
				input.blocks.map((block, position) => ({
					routineVersionId: versionId,
					position,
					phase: block.phase,
					kind: block.kind,
					exerciseId: block.kind === 'exercise' ? block.exerciseId : null,
					dosing: block.kind === 'exercise' ? block.dosing : null,
					seconds: block.kind === 'exercise' ? null : block.seconds,
					label: block.kind === 'exercise' ? '' : block.label
				}))
			);

			// A class runs the latest routine unless it already ran: move every class still
			// waiting to run, whichever older version it was on.
			const moved =
				versionId === current?.id
					? []
					: await tx
							.update(classSessions)
							.set({ routineVersionId: versionId })
							.where(
								and(
									eq(classSessions.clinicId, clinicId),
									eq(classSessions.status, 'scheduled'),
									isNull(classSessions.startedAt),
									inArray(
										classSessions.routineVersionId,
										tx
											.select({ id: routineVersions.id })
											.from(routineVersions)
											.where(
												and(
													eq(routineVersions.routineId, routineId),
													ne(routineVersions.id, versionId)
												)
											)
									)
								)
							)
							.returning({ id: classSessions.id });

			return {
				ok: true,
				version,
				newVersion: versionId !== current?.id,
				movedSessions: moved.length
			};
		});
	} catch (error) {
		// The row lock makes this unreachable on one database; kept for safety, never a 500.
		if (isUniqueViolation(error)) {
			return {
				ok: false,
				conflict: true,
				problems: { form: problem('builder.save-race') }
			};
		}
		throw error;
	}
}

/** What the schema cannot know: exercises of this clinic, a name no other routine has. */
async function crossCheck(
	tx: Tx,
	clinicId: string,
	routineId: string,
	input: RoutineInput
): Promise<Problems | null> {
	const problems: Problems = {};
	const ids = [
		...new Set(input.blocks.flatMap((b) => (b.kind === 'exercise' ? [b.exerciseId] : [])))
	];
	const known = ids.length
		? await tx
				.select({ id: exercises.id })
				.from(exercises)
				.where(and(eq(exercises.clinicId, clinicId), inArray(exercises.id, ids)))
		: [];
	const knownIds = new Set(known.map((row) => row.id));
	input.blocks.forEach((block, i) => {
		if (block.kind === 'exercise' && !knownIds.has(block.exerciseId)) {
			problems[`blocks.${i}.exerciseId`] = problem('builder.exercise-unknown');
		}
	});
	const [clash] = await tx
		.select({ id: routines.id, archivedAt: routines.archivedAt })
		.from(routines)
		.where(
			and(
				eq(routines.clinicId, clinicId),
				eq(routines.name, input.name),
				ne(routines.id, routineId)
			)
		);
	if (clash) problems.name = nameTaken(clash.archivedAt !== null);
	return Object.keys(problems).length ? problems : null;
}

const nameTaken = (archived: boolean): Problem =>
	problem(archived ? 'routines.name-taken-archived' : 'routines.name-taken');

export async function createRoutine(
	db: Database,
	clinicId: string,
	userId: string | null,
	name: string,
	description: string
): Promise<{ ok: true; id: string } | { ok: false; problems: Problems }> {
	return db.transaction(async (tx) => {
		const [clash] = await tx
			.select({ archivedAt: routines.archivedAt })
			.from(routines)
			.where(and(eq(routines.clinicId, clinicId), eq(routines.name, name)));
		if (clash) return { ok: false, problems: { name: nameTaken(clash.archivedAt !== null) } };
		const [row] = await tx
			.insert(routines)
			.values({ clinicId, name, description })
			.returning({ id: routines.id });
		// Version 1 starts empty; no class can use it until it has exercises (the save refuses
		// a routine without one).
		await tx.insert(routineVersions).values({ routineId: row!.id, version: 1, createdBy: userId });
		return { ok: true, id: row!.id };
	});
}

/**
 * Archived routines leave the lists and cannot be picked for new classes. Refused while a
 * class is waiting to run it or an ongoing series uses it: those would lose their routine.
 */
export async function archiveRoutine(
	db: Database,
	clinicId: string,
	routineId: string,
	today: string
): Promise<{ ok: true } | { ok: false; problem: Problem; notFound?: true }> {
	return db.transaction(async (tx) => {
		const [routine] = await tx
			.select({ id: routines.id })
			.from(routines)
			.where(inClinic(routines, clinicId, routineId))
			.for('update');
		if (!routine) return { ok: false, problem: problem('routines.gone'), notFound: true };
		const [series] = await tx
			.select({ n: count() })
			.from(classSeries)
			.where(
				and(
					eq(classSeries.routineId, routineId),
					isNull(classSeries.archivedAt),
					or(isNull(classSeries.endsOn), gte(classSeries.endsOn, today))
				)
			);
		const { scheduled } = await usage(tx, routineId);
		if ((series?.n ?? 0) > 0 || scheduled > 0) {
			const seriesCount = series?.n ?? 0;
			return {
				ok: false,
				problem: problem('routines.archive-in-use', {
					series: seriesCount,
					scheduled,
					both: seriesCount > 0 && scheduled > 0 ? 'yes' : 'no'
				})
			};
		}
		await tx
			.update(routines)
			.set({ archivedAt: sql`now()` })
			.where(eq(routines.id, routineId));
		return { ok: true };
	});
}

/** False when no routine of this clinic has that id (nothing changed). */
export async function restoreRoutine(
	db: Database,
	clinicId: string,
	routineId: string
): Promise<boolean> {
	const restored = await db
		.update(routines)
		.set({ archivedAt: null })
		.where(inClinic(routines, clinicId, routineId))
		.returning({ id: routines.id });
	return restored.length > 0;
}

/** Whether this clinic has a routine (archived or not) with this id. */
export async function isClinicRoutine(db: Database, clinicId: string, routineId: string) {
	const [row] = await db
		.select({ id: routines.id })
		.from(routines)
		.where(inClinic(routines, clinicId, routineId));
	return row !== undefined;
}

export function listArchivedRoutines(db: Database, clinicId: string) {
	return db
		.select({ id: routines.id, name: routines.name })
		.from(routines)
		.where(and(eq(routines.clinicId, clinicId), sql`${routines.archivedAt} is not null`))
		.orderBy(asc(routines.name));
}
