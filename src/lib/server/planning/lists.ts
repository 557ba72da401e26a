import { asc, desc, eq, inArray } from 'drizzle-orm';
import { plannedRoutineSeconds, type Dosing } from '../../shared/dosing';
import type { Database } from '../db/client';
import {
	exercises,
	participants,
	rooms,
	routineBlocks,
	routines,
	routineVersions
} from '../db/schema';
import { activeInClinic } from './clinic-scope';
import { participantCard } from './selections';

/** Plain lists for coordinators' pages. Every query is scoped to the signed-in clinic. */

export function listRooms(db: Database, clinicId: string) {
	return db
		.select({
			id: rooms.id,
			name: rooms.name,
			kind: rooms.kind,
			capacity: rooms.capacity,
			waterTempMinC: rooms.waterTempMinC,
			waterTempMaxC: rooms.waterTempMaxC,
			participantsPerStaff: rooms.participantsPerStaff,
			displayControls: rooms.displayControls
		})
		.from(rooms)
		.where(activeInClinic(rooms, clinicId))
		.orderBy(asc(rooms.name));
}

export function listExercises(db: Database, clinicId: string) {
	return db
		.select({
			id: exercises.id,
			name: exercises.name,
			category: exercises.category,
			displayCue: exercises.displayCue,
			dosing: exercises.dosing,
			supportTiers: exercises.supportTiers,
			equipment: exercises.equipment,
			waterDepth: exercises.waterDepth,
			source: exercises.source,
			mediaFile: exercises.mediaFile,
			mediaType: exercises.mediaType
		})
		.from(exercises)
		.where(activeInClinic(exercises, clinicId))
		.orderBy(asc(exercises.category), asc(exercises.name));
}

export function listParticipants(db: Database, clinicId: string) {
	return db
		.select({
			id: participants.id,
			...participantCard,
			dateOfBirth: participants.dateOfBirth
		})
		.from(participants)
		.where(activeInClinic(participants, clinicId))
		.orderBy(asc(participants.lastName), asc(participants.firstName));
}

/** The clinic's active routines, each at its newest version, by name. */
export async function newestRoutines(db: Database, clinicId: string) {
	const rows = await db
		.selectDistinctOn([routines.id], {
			id: routines.id,
			name: routines.name,
			description: routines.description,
			version: routineVersions.version,
			versionId: routineVersions.id,
			transitionSeconds: routineVersions.transitionSeconds
		})
		.from(routines)
		.innerJoin(routineVersions, eq(routineVersions.routineId, routines.id))
		.where(activeInClinic(routines, clinicId))
		.orderBy(routines.id, desc(routineVersions.version));
	return rows.sort((a, b) => a.name.localeCompare(b.name));
}

/** Each routine's newest version with its block count and planned length. */
export async function listRoutines(db: Database, clinicId: string) {
	const rows = await newestRoutines(db, clinicId);
	if (rows.length === 0) return [];
	const blocks = await db
		.select({
			versionId: routineBlocks.routineVersionId,
			kind: routineBlocks.kind,
			seconds: routineBlocks.seconds,
			dosing: routineBlocks.dosing,
			exerciseId: routineBlocks.exerciseId,
			exerciseDosing: exercises.dosing
		})
		.from(routineBlocks)
		.leftJoin(exercises, eq(exercises.id, routineBlocks.exerciseId))
		.where(
			inArray(
				routineBlocks.routineVersionId,
				rows.map((row) => row.versionId)
			)
		);

	return rows.map(({ transitionSeconds, ...row }) => {
		const own = blocks.filter((block) => block.versionId === row.versionId);
		const dosingById = new Map(own.map((b) => [b.exerciseId, b.exerciseDosing as Dosing]));
		const seconds = plannedRoutineSeconds(own, (id) => dosingById.get(id)!, transitionSeconds);
		return {
			...row,
			exerciseCount: own.filter((block) => block.kind === 'exercise').length,
			plannedMinutes: Math.round(seconds / 60)
		};
	});
}
