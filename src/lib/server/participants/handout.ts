import { and, asc, desc, eq, gte, inArray, isNotNull, lt, ne, or, type SQL } from 'drizzle-orm';
import type { Locale } from '../../i18n/locales';
import type { Dosing } from '../../shared/dosing';
import { exerciseWordsIn, type ExerciseWords } from '../../shared/exercise-translations';
import type { Database } from '../db/client';
import {
	classSessions,
	clinics,
	enrollments,
	exercises,
	participants,
	routineBlocks,
	routines,
	routineVersions
} from '../db/schema';

/** One exercise of a handout, in the handout's language; `untranslated`: words left in English. */
export type HandoutExercise = {
	name: string;
	displayCue: string;
	dosing: Dosing;
	untranslated: (keyof ExerciseWords)[];
};

export type Handout = {
	participantId: string;
	name: string;
	clinicName: string;
	/** The participant's preferred language, else the clinic's. */
	language: Locale;
	routineName: string | null;
	exercises: HandoutExercise[];
};

/** Places that bring someone to a class (a waiting place does not). */
const ATTENDING = ['enrolled', 'walk_in'] as const;

/**
 * A participant's home exercises: the exercises of the routine their next class runs (or, with
 * none coming, their most recent one), each with its cue and dosing, in the participant's
 * language. Null when the participant is not this clinic's.
 */
export async function handoutOf(
	db: Database,
	clinicId: string,
	participantId: string,
	now = new Date()
): Promise<Handout | null> {
	const [person] = await db
		.select({
			firstName: participants.firstName,
			lastName: participants.lastName,
			preferredLanguage: participants.preferredLanguage,
			clinicName: clinics.name,
			clinicLanguage: clinics.language
		})
		.from(participants)
		.innerJoin(clinics, eq(clinics.id, participants.clinicId))
		.where(and(eq(participants.id, participantId), eq(participants.clinicId, clinicId)));
	if (!person) return null;
	const language = person.preferredLanguage ?? person.clinicLanguage;
	const versionId = await currentRoutineVersion(db, clinicId, participantId, now);
	const handout: Handout = {
		participantId,
		name: `${person.firstName} ${person.lastName}`,
		clinicName: person.clinicName,
		language,
		routineName: null,
		exercises: []
	};
	if (!versionId) return handout;

	const [routine] = await db
		.select({ name: routines.name })
		.from(routineVersions)
		.innerJoin(routines, eq(routines.id, routineVersions.routineId))
		.where(eq(routineVersions.id, versionId));
	const rows = await db
		.select({
			exerciseId: exercises.id,
			name: exercises.name,
			displayCue: exercises.displayCue,
			translations: exercises.translations,
			exerciseDosing: exercises.dosing,
			blockDosing: routineBlocks.dosing
		})
		.from(routineBlocks)
		.innerJoin(exercises, eq(exercises.id, routineBlocks.exerciseId))
		.where(and(eq(routineBlocks.routineVersionId, versionId), eq(routineBlocks.kind, 'exercise')))
		.orderBy(asc(routineBlocks.position));
	// An exercise the routine repeats (both sides, a second round) is on the sheet once.
	const seen = new Set<string>();
	for (const row of rows) {
		if (seen.has(row.exerciseId)) continue;
		seen.add(row.exerciseId);
		const words = exerciseWordsIn(
			{ name: row.name, displayCue: row.displayCue },
			row.translations,
			language
		);
		handout.exercises.push({
			name: words.name,
			displayCue: words.displayCue,
			dosing: row.blockDosing ?? row.exerciseDosing,
			untranslated: words.untranslated
		});
	}
	return { ...handout, routineName: routine?.name ?? null };
}

/** The routine version of the participant's next class with a routine, else their latest. */
async function currentRoutineVersion(
	db: Database,
	clinicId: string,
	participantId: string,
	now: Date
): Promise<string | null> {
	const places = await db
		.select({ seriesId: enrollments.seriesId, sessionId: enrollments.sessionId })
		.from(enrollments)
		.where(
			and(
				eq(enrollments.clinicId, clinicId),
				eq(enrollments.participantId, participantId),
				inArray(enrollments.status, [...ATTENDING])
			)
		);
	const seriesIds = places.flatMap((p) => (p.seriesId ? [p.seriesId] : []));
	const sessionIds = places.flatMap((p) => (p.sessionId ? [p.sessionId] : []));
	if (!seriesIds.length && !sessionIds.length) return null;
	const theirs = and(
		eq(classSessions.clinicId, clinicId),
		ne(classSessions.status, 'cancelled'),
		isNotNull(classSessions.routineVersionId),
		or(
			seriesIds.length ? inArray(classSessions.seriesId, seriesIds) : undefined,
			sessionIds.length ? inArray(classSessions.id, sessionIds) : undefined
		)
	);
	const first = async (when: SQL | undefined, order: SQL) => {
		const [row] = await db
			.select({ versionId: classSessions.routineVersionId })
			.from(classSessions)
			.where(and(theirs, when))
			.orderBy(order)
			.limit(1);
		return row?.versionId ?? null;
	};
	return (
		(await first(gte(classSessions.startsAt, now), asc(classSessions.startsAt))) ??
		(await first(lt(classSessions.startsAt, now), desc(classSessions.startsAt)))
	);
}
