import type { EntryPayload } from '../entries';
import type { StoredEntry } from '../roster';
import type { Finding } from '../rules';

/** Fixed ids for specs of a class's entries: one class, two participants. For specs only. */
export const SESSION = '00000000-0000-4000-8000-000000000000';
export const ANA = '00000000-0000-4000-8000-00000000000a';
export const BEN = '00000000-0000-4000-8000-00000000000b';

/**
 * A maker of entries as the class's log stores them, recorded by `by`: each gets the next id and
 * a time a second after the one before, starting from `startsAt`.
 */
export function storedEntryMaker(startsAt: number, by: string) {
	let clock = startsAt;
	let counter = 0;
	return (
		participantId: string | null,
		payload: EntryPayload,
		extra: { supersedes?: string; findings?: Finding[] } = {}
	): StoredEntry => {
		counter++;
		return {
			entry: {
				id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
				sessionId: SESSION,
				participantId,
				recordedAt: (clock += 1000),
				deviceId: 'phone',
				payload,
				...(extra.supersedes ? { supersedes: extra.supersedes } : {})
			},
			findings: extra.findings ?? [],
			by
		};
	};
}
