import { classSessions, participants } from '../db/schema';

/**
 * Column lists that several planning pages select together, so each query names only what it
 * adds to them.
 */

/** One session on the calendar: which one, its name, when and for how long, and its status. */
export const sessionSlot = {
	id: classSessions.id,
	name: classSessions.name,
	status: classSessions.status,
	startsAt: classSessions.startsAt,
	durationMinutes: classSessions.durationMinutes
};

/** What staff need to know about a participant in a class: their names and what to watch for. */
export const participantCard = {
	firstName: participants.firstName,
	lastName: participants.lastName,
	displayName: participants.displayName,
	assistiveDevice: participants.assistiveDevice,
	precautions: participants.precautions,
	aquaticScreening: participants.aquaticScreening
};
