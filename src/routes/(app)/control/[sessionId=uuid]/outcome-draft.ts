import type { MessageKey } from '$lib/i18n/catalog';
import type { AssistiveDevice } from '$lib/shared/domain';
import type { EntryPayload } from '$lib/shared/entries';
import type { OutcomeResult, OutcomeTest } from '$lib/shared/outcomes';

export const STAGE_CHOICES = ['1', '2', '3', '4'] as const;
export type StageChoice = (typeof STAGE_CHOICES)[number];

/**
 * An outcome test as the phone's sheet holds it while the technician fills it in: chips hold
 * their choice as a one-item list, an untouched number is null ("not entered", never 0).
 */
export type OutcomeDraft = {
	test: OutcomeTest[];
	count: number | null;
	armsUsed: boolean;
	seconds: number | null;
	device: AssistiveDevice[];
	stage: StageChoice[];
	held: number | null;
	note: string;
};

/** A fresh draft: the TUG's device starts as the participant's own. */
export function emptyDraft(device: AssistiveDevice): OutcomeDraft {
	return {
		test: [],
		count: null,
		armsUsed: false,
		seconds: null,
		device: [device],
		stage: [],
		held: null,
		note: ''
	};
}

/**
 * The entry to record, or what is still missing. Ranges are not checked here: the entry schema
 * does that when the entry is recorded, with the same words as the server.
 */
export function outcomePayload(draft: OutcomeDraft): EntryPayload | MessageKey {
	const result = resultOf(draft);
	if (typeof result === 'string') return result;
	const note = draft.note.trim();
	return { kind: 'outcome_test', result, ...(note ? { note } : {}) };
}

function resultOf(draft: OutcomeDraft): OutcomeResult | MessageKey {
	const [test] = draft.test;
	if (!test) return 'outcomes.capture.choose-test';
	switch (test) {
		case 'chair_stand_30s':
			if (draft.count === null) return 'outcomes.capture.enter-count';
			return { test, count: draft.count, armsUsed: draft.armsUsed };
		case 'tug':
			if (draft.seconds === null) return 'outcomes.capture.enter-seconds';
			return { test, seconds: draft.seconds, device: draft.device[0] ?? 'none' };
		case 'four_stage_balance': {
			const [stage] = draft.stage;
			if (!stage) return 'outcomes.capture.choose-stage';
			if (draft.held === null) return 'outcomes.capture.enter-held';
			return { test, stage: Number(stage), seconds: draft.held };
		}
	}
}
