import { and, asc, desc, eq, gte, inArray, isNotNull, lt, ne, or, type SQL } from 'drizzle-orm';
import type { Locale } from '../../i18n/locales';
import type { SupportTier } from '../../shared/domain';
import type { Dosing } from '../../shared/dosing';
import { exerciseWordsIn, type ExerciseWords } from '../../shared/exercise-translations';
import type { Database } from '../db/client';
import {
	classSessions,
	clinics,
	currentEntries,
	enrollments,
	exercises,
	participants,
	routineBlocks,
	routines,
	routineVersions
} from '../db/schema';
import { tierFromEntries } from '../handouts/tier';

/** Pictures a printed sheet and the PDF can show (a video is named, not shown). */
const PICTURE_TYPES = ['image/png', 'image/jpeg', 'image/webp'];

/** One exercise of a handout, in the handout's language; `untranslated`: words left in English. */
export type HandoutExercise = {
	name: string;
	displayCue: string;
	dosing: Dosing;
	untranslated: (keyof ExerciseWords)[];
	/** The library's picture of it (a file under /media), if it has one. */
	picture: { file: string; type: string } | null;
	/** The library's cue for the tier the participant used in the class, if it has one. */
	tierCue: string | null;
};

export type Handout = {
	participantId: string;
	name: string;
	/** First name and last initial: all a page opened without an account shows. */
	shortName: string;
	clinicName: string;
	/** How to reach the clinic (the settings' free text); empty: the sheet says nothing. */
	clinicContact: string;
	timeZone: string;
	/** The participant's preferred language, else the clinic's. */
	language: Locale;
	routineName: string | null;
	/** The class it comes from, when opened from one: its date and the tier used there. */
	session: { id: string; startsAt: Date; tier: SupportTier } | null;
	exercises: HandoutExercise[];
};

export type HandoutOptions = { now?: Date; sessionId?: string | null };

/** Places that bring someone to a class (a waiting place does not). */
const ATTENDING = ['enrolled', 'walk_in'] as const;

/**
 * A participant's home exercises, in the participant's language: from a class (`sessionId`), the
 * routine version that class ran with the support tier they used there; else the routine their
 * next class runs (or, with none coming, their most recent one). Each exercise with its cue,
 * dosing and picture. Null when the participant (or the class) is not this clinic's, or the
 * participant had no place in that class.
 */
export async function handoutOf(
	db: Database,
	clinicId: string,
	participantId: string,
	{ now = new Date(), sessionId = null }: HandoutOptions = {}
): Promise<Handout | null> {
	const [person] = await db
		.select({
			firstName: participants.firstName,
			lastName: participants.lastName,
			preferredLanguage: participants.preferredLanguage,
			clinicName: clinics.name,
			clinicContact: clinics.contact,
			timeZone: clinics.timeZone,
			clinicLanguage: clinics.language
		})
		.from(participants)
		.innerJoin(clinics, eq(clinics.id, participants.clinicId))
		.where(and(eq(participants.id, participantId), eq(participants.clinicId, clinicId)));
	if (!person) return null;
	const language = person.preferredLanguage ?? person.clinicLanguage;
	let versionId: string | null;
	let session: Handout['session'] = null;
	if (sessionId) {
		const theClass = await classOf(db, clinicId, participantId, sessionId);
		if (!theClass) return null;
		versionId = theClass.versionId;
		session = { id: sessionId, startsAt: theClass.startsAt, tier: theClass.tier };
	} else {
		versionId = await currentRoutineVersion(db, clinicId, participantId, now);
	}
	const handout: Handout = {
		participantId,
		name: `${person.firstName} ${person.lastName}`,
		shortName: `${person.firstName} ${person.lastName.slice(0, 1)}.`.trim(),
		clinicName: person.clinicName,
		clinicContact: person.clinicContact.trim(),
		timeZone: person.timeZone,
		language,
		routineName: null,
		session,
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
			blockDosing: routineBlocks.dosing,
			supportTiers: exercises.supportTiers,
			mediaFile: exercises.mediaFile,
			mediaType: exercises.mediaType
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
			untranslated: words.untranslated,
			picture:
				row.mediaFile && row.mediaType && PICTURE_TYPES.includes(row.mediaType)
					? { file: row.mediaFile, type: row.mediaType }
					: null,
			tierCue: (session && row.supportTiers[session.tier]) || null
		});
	}
	return { ...handout, routineName: routine?.name ?? null };
}

/**
 * A class of this clinic the participant had a place in (their series' or a single one) or was
 * recorded in: the routine version it ran and the support tier they used there.
 */
async function classOf(
	db: Database,
	clinicId: string,
	participantId: string,
	sessionId: string
): Promise<{ versionId: string | null; startsAt: Date; tier: SupportTier } | null> {
	const [session] = await db
		.select({
			versionId: classSessions.routineVersionId,
			startsAt: classSessions.startsAt,
			seriesId: classSessions.seriesId
		})
		.from(classSessions)
		.where(and(eq(classSessions.id, sessionId), eq(classSessions.clinicId, clinicId)));
	if (!session) return null;
	const entries = await db
		.select({ payload: currentEntries.payload })
		.from(currentEntries)
		.where(
			and(
				eq(currentEntries.clinicId, clinicId),
				eq(currentEntries.sessionId, sessionId),
				eq(currentEntries.participantId, participantId)
			)
		);
	if (!entries.length) {
		const [place] = await db
			.select({ id: enrollments.id })
			.from(enrollments)
			.where(
				and(
					eq(enrollments.clinicId, clinicId),
					eq(enrollments.participantId, participantId),
					inArray(enrollments.status, [...ATTENDING]),
					or(
						eq(enrollments.sessionId, sessionId),
						session.seriesId ? eq(enrollments.seriesId, session.seriesId) : undefined
					)
				)
			)
			.limit(1);
		if (!place) return null;
	}
	return {
		versionId: session.versionId,
		startsAt: session.startsAt,
		tier: tierFromEntries(entries.map((entry) => entry.payload))
	};
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
