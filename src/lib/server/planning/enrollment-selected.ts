import { problem, type Problem } from '../../i18n/problem';
import type { Refusal } from '../../shared/enrollment-form';
import { isUuid } from '../../shared/ids';
import type { Database } from '../db/client';
import type { Logger } from '../log';
import { enroll, type Actor } from './enrollment';
import { getParticipant } from './participants';

/**
 * "Enrol selected" on a series' next step: each ticked participant goes through the one enrolment
 * service and its checks, one at a time. A place refused for a reason a coordinator may override
 * (an aquatic exclusion, a double booking) comes back with its refusals, for the page to ask for
 * the written reason; nobody is enrolled past a check here.
 */

export type SelectedOutcome = {
	enrolled: string[];
	waitlisted: string[];
	already: string[];
	refused: { participantId: string; name: string; refusals: Refusal[] }[];
	/** Refused outright (not found, class ended): the name and why. */
	failed: { name: string; problem: Problem }[];
};

/** The ticked ids, or a problem when none (or a malformed one) was sent. */
export function selectedIds(data: FormData): { ids: string[] } | { problem: Problem } {
	const ids = data.getAll('participantId').map(String);
	if (ids.length === 0) return { problem: problem('series.enrol-choose') };
	if (ids.some((id) => !isUuid(id)) || ids.length > 200) {
		return { problem: problem('enrol.choose-participant') };
	}
	return { ids: [...new Set(ids)] };
}

export async function enrollSelected(
	db: Database,
	log: Logger,
	actor: Actor,
	seriesId: string,
	ids: string[]
): Promise<SelectedOutcome> {
	const outcome: SelectedOutcome = {
		enrolled: [],
		waitlisted: [],
		already: [],
		refused: [],
		failed: []
	};
	for (const participantId of ids) {
		const person = await getParticipant(db, actor.clinicId, participantId);
		const name = person ? `${person.firstName} ${person.lastName}` : '—';
		const result = await enroll(db, actor, { seriesId }, { participantId });
		if (result.ok) {
			if (result.already) outcome.already.push(name);
			else {
				outcome[result.status].push(name);
				log.info(
					{ userId: actor.userId, participantId, seriesId, status: result.status, override: false },
					'enrollment'
				);
			}
		} else if (result.refusals) {
			outcome.refused.push({ participantId, name, refusals: result.refusals });
		} else {
			outcome.failed.push({ name, problem: result.problem });
		}
	}
	return outcome;
}
