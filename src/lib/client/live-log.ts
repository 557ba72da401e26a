import type { LogEntry } from '../shared/timeline';

export type Receipt = 'appended' | 'duplicate' | 'gap';

/**
 * A client's copy of a class's command log. Entries must arrive in sequence; a missing number
 * means frames were lost, and the caller asks the server for the log since the last one it has.
 */
export function receiveEntry<E extends LogEntry>(log: E[], entry: E): Receipt {
	const last = log.at(-1)?.seq ?? 0;
	if (entry.seq <= last) return 'duplicate';
	if (entry.seq !== last + 1) return 'gap';
	log.push(entry);
	return 'appended';
}

/** Merges entries fetched after a gap: keeps order, drops what is already there. */
export function mergeEntries<E extends LogEntry>(log: E[], entries: E[]): void {
	for (const entry of [...entries].sort((a, b) => a.seq - b.seq)) {
		if (entry.seq === (log.at(-1)?.seq ?? 0) + 1) log.push(entry);
	}
}
