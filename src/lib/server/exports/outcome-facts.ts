import type { EntryPayload } from '../../shared/entries';
import {
	ageOn,
	judgeOutcome,
	outcomeValue,
	type OutcomeJudgement,
	type OutcomeResult
} from '../../shared/outcomes';
import { localDate } from '../../shared/time-zone';
import type { EntryRow, Person, Tester } from './read-types';

/**
 * An outcome test as the exports write it: its result, judged against its cut-off with the
 * participant's age on the test's day (in the clinic's zone) and their recorded sex, the number
 * a chart plots, who tested. The CSV file and the FHIR Observation read the same facts.
 */
export type OutcomeFacts = {
	result: OutcomeResult;
	judgement: OutcomeJudgement;
	/** outcomeValue(): chair stand score, TUG seconds, 4-stage stages held (0-4). */
	score: number;
	/** The test's day in the clinic's zone. */
	day: string;
	tester: Tester | null;
	note: string | null;
};

export function outcomeFacts(
	entry: Pick<EntryRow, 'payload' | 'recordedAt' | 'userId'>,
	person: Person | undefined,
	testers: Map<string, Tester>,
	timeZone: string
): OutcomeFacts | null {
	const payload = entry.payload as EntryPayload;
	if (payload.kind !== 'outcome_test') return null;
	const day = localDate(timeZone, entry.recordedAt);
	const judgement: OutcomeJudgement = person
		? judgeOutcome(payload.result, { age: ageOn(person.dateOfBirth, day), sex: person.sex })
		: { verdict: 'no-norm', reason: 'age' };
	return {
		result: payload.result,
		judgement,
		score: outcomeValue(payload.result),
		day,
		tester: testers.get(entry.userId) ?? null,
		note: payload.note ?? null
	};
}

/** "Lee Park, PTA": a tester as a record names them. */
export const testerName = (tester: Tester) =>
	[tester.name, tester.credentials].filter(Boolean).join(', ');
