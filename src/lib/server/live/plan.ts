import { asc, eq, sql } from 'drizzle-orm';
import type { Locale } from '../../i18n/locales';
import { exerciseWordsIn } from '../../shared/exercise-translations';
import type { Dosing, SupportTierCues } from '../../shared/dosing';
import {
	planFromBlocks,
	type PlanExercise,
	type RoutinePlan,
	type RoutineSettings
} from '../../shared/timeline';
import type { Database } from '../db/client';
import {
	classSeries,
	classSessions,
	clinics,
	exercises,
	routineBlocks,
	routineVersions
} from '../db/schema';

/** The language a class runs in on the wall: its series', else its clinic's. */
export async function classLanguage(db: Database, sessionId: string): Promise<Locale> {
	const [row] = await db
		.select({ language: sql<Locale>`coalesce(${classSeries.language}, ${clinics.language})` })
		.from(classSessions)
		.innerJoin(clinics, eq(clinics.id, classSessions.clinicId))
		.leftJoin(classSeries, eq(classSeries.id, classSessions.seriesId))
		.where(eq(classSessions.id, sessionId));
	return row?.language ?? 'en';
}

/**
 * The routine version a class runs, resolved into what the timeline needs: each block's own
 * dosing or its exercise's, the version's "Get ready" and wait-for-Done settings, and the names
 * and cues the wall shows, in the class's language (English where an exercise has none).
 * Technician notes stay out: the plan goes to displays too. The resolving itself is
 * planFromBlocks, which the builder's preview shares.
 */
export async function buildPlan(
	db: Database,
	routineVersionId: string,
	locale: Locale = 'en'
): Promise<RoutinePlan> {
	const [settings] = await db
		.select({
			transitionSeconds: routineVersions.transitionSeconds,
			waitForDone: routineVersions.waitForDone
		})
		.from(routineVersions)
		.where(eq(routineVersions.id, routineVersionId));
	const rows = await db
		.select({
			id: routineBlocks.id,
			kind: routineBlocks.kind,
			phase: routineBlocks.phase,
			seconds: routineBlocks.seconds,
			label: routineBlocks.label,
			dosing: routineBlocks.dosing,
			exerciseId: routineBlocks.exerciseId,
			exerciseName: exercises.name,
			exerciseDosing: exercises.dosing,
			cue: exercises.displayCue,
			translations: exercises.translations,
			supportTiers: exercises.supportTiers,
			mediaFile: exercises.mediaFile,
			mediaType: exercises.mediaType
		})
		.from(routineBlocks)
		.leftJoin(exercises, eq(exercises.id, routineBlocks.exerciseId))
		.where(eq(routineBlocks.routineVersionId, routineVersionId))
		.orderBy(asc(routineBlocks.position));

	const byId = new Map<string, PlanExercise>();
	for (const row of rows) {
		if (!row.exerciseId || row.exerciseName === null) continue;
		const words = exerciseWordsIn(
			{ name: row.exerciseName, displayCue: row.cue ?? '' },
			row.translations,
			locale
		);
		byId.set(row.exerciseId, {
			name: words.name,
			displayCue: words.displayCue,
			dosing: row.exerciseDosing as Dosing,
			supportTiers: (row.supportTiers ?? {}) as SupportTierCues,
			...(row.mediaFile && row.mediaType
				? { media: { url: `/media/${row.mediaFile}`, type: row.mediaType } }
				: {})
		});
	}
	const versionSettings: RoutineSettings = settings ?? { transitionSeconds: 0, waitForDone: false };
	return planFromBlocks(rows, (id) => byId.get(id), versionSettings);
}

/**
 * A plan as frozen in class_sessions.plan. Plans frozen before reps blocks moved on by
 * themselves have reps blocks without a waitForDone: those classes ran waiting for Done at every
 * reps block, and must replay so (a class live across the upgrade, reports of classes that ran),
 * or their logged Done taps would land on other segments.
 */
export function frozenPlan(plan: RoutinePlan): RoutinePlan {
	const legacy = plan.blocks.some(
		(block) =>
			block.kind === 'exercise' && block.dosing?.kind === 'reps' && block.waitForDone === undefined
	);
	if (!legacy) return plan;
	return {
		...plan,
		blocks: plan.blocks.map((block) =>
			block.kind === 'exercise' && block.dosing?.kind === 'reps'
				? { ...block, waitForDone: true }
				: block
		)
	};
}
