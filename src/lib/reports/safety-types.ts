import type { Finding } from '../shared/rules';

/**
 * The safety report's data (issue 14), as the server reads it and the page words it: plain
 * values, so a page load can hand it over as it is.
 */

/** What a mark counts: an adverse event, or a rule's STOP or HOLD finding. */
export const SAFETY_KINDS = ['adverse_event', 'STOP', 'HOLD'] as const;
export type SafetyKind = (typeof SAFETY_KINDS)[number];

export type SafetyByWeek = { week: string; kind: SafetyKind; count: number };
/**
 * `type`: the event type for an adverse event, the rule's id for a finding; `finding` is one of
 * the findings counted (the latest), so the page can word the rule in the reader's language.
 */
export type SafetyByType = {
	kind: SafetyKind;
	type: string;
	count: number;
	finding: Finding | null;
};
/**
 * `block`: the block's name as the class ran it (the exercise's name); '' for a pause nobody
 * named (`blockKind` says rest or transition); null when it was recorded before the routine
 * started or after it ended.
 */
export type SafetyByBlock = {
	block: string | null;
	blockKind: string | null;
	kind: SafetyKind;
	count: number;
};

export type SafetyReport = {
	byWeek: SafetyByWeek[];
	byType: SafetyByType[];
	byBlock: SafetyByBlock[];
	/** Over the whole clinic, whatever the filter: null when no serious event was ever recorded. */
	daysSinceSerious: number | null;
	lastSeriousOn: string | null;
};
