import type { AlertActions } from '$lib/client/alert-actions.svelte';
import type { EntrySync } from '$lib/client/entry-sync.svelte';
import type { RosterMember } from '$lib/shared/roster';

/** What the roster hands on to every row: the class's entries and alerts, and the entry sheet. */
export type RosterContext = {
	sync: EntrySync;
	actions: AlertActions;
	now: () => number;
	blockNames: string[];
	onrecord: (member: RosterMember) => void;
};
