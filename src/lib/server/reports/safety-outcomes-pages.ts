import { isUuid } from '../../shared/ids';
import type { Database } from '../db/client';
import { clinicParticipants } from '../exports/choices';
import { improvementBySeries, participantOutcomes } from './outcomes';
import { reportRequest } from './request';
import { safetyReport } from './safety';

/**
 * What the safety and outcomes pages and their CSV downloads read: the reports' common request
 * (the filter from the query string, or why it was refused; the clinic's choices), then the
 * report's plain numbers, which the page words in the viewer's language.
 */

export async function readSafety(db: Database, clinicId: string, url: URL) {
	const request = await reportRequest(db, clinicId, url);
	const { filter, timeZone } = request;
	const report = filter ? await safetyReport(db, clinicId, filter, timeZone, new Date()) : null;
	return { ...request, report };
}

export async function readOutcomes(db: Database, clinicId: string, url: URL) {
	const request = await reportRequest(db, clinicId, url);
	const { filter, timeZone } = request;
	const given = url.searchParams.get('participantId') ?? '';
	const participantId = isUuid(given) ? given : '';
	const [person, series] = filter
		? await Promise.all([
				participantId
					? participantOutcomes(db, clinicId, participantId, filter, timeZone)
					: Promise.resolve(null),
				improvementBySeries(db, clinicId, filter, timeZone)
			])
		: [null, null];
	return {
		...request,
		participantId,
		person,
		series,
		/** A participant was asked for who is not the clinic's (or the id is not one). */
		unknownPerson: given !== '' && filter !== null && person === null
	};
}

/** The clinic's participants to choose from, "Last, First". */
export async function participantChoices(db: Database, clinicId: string) {
	return (await clinicParticipants(db, clinicId)).map((p) => ({
		id: p.id,
		name: `${p.lastName}, ${p.firstName}`
	}));
}
