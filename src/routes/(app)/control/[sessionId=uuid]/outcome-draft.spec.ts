import { describe, expect, it } from 'vitest';
import { emptyDraft, outcomePayload } from './outcome-draft';

describe("the phone's outcome test draft", () => {
	it('asks for the test, then for its result', () => {
		const draft = emptyDraft('walker');
		expect(outcomePayload(draft)).toBe('outcomes.capture.choose-test');
		expect(outcomePayload({ ...draft, test: ['chair_stand_30s'] })).toBe(
			'outcomes.capture.enter-count'
		);
		expect(outcomePayload({ ...draft, test: ['tug'] })).toBe('outcomes.capture.enter-seconds');
		expect(outcomePayload({ ...draft, test: ['four_stage_balance'] })).toBe(
			'outcomes.capture.choose-stage'
		);
		expect(outcomePayload({ ...draft, test: ['four_stage_balance'], stage: ['3'] })).toBe(
			'outcomes.capture.enter-held'
		);
	});

	it("makes the entry: the TUG with the participant's own device, a note only when written", () => {
		const draft = emptyDraft('walker');
		expect(outcomePayload({ ...draft, test: ['tug'], seconds: 13.5, note: '  ' })).toEqual({
			kind: 'outcome_test',
			result: { test: 'tug', seconds: 13.5, device: 'walker' }
		});
		expect(
			outcomePayload({ ...draft, test: ['chair_stand_30s'], count: 0, armsUsed: true, note: ' x ' })
		).toEqual({
			kind: 'outcome_test',
			result: { test: 'chair_stand_30s', count: 0, armsUsed: true },
			note: 'x'
		});
		expect(
			outcomePayload({ ...draft, test: ['four_stage_balance'], stage: ['3'], held: 4.5 })
		).toEqual({
			kind: 'outcome_test',
			result: { test: 'four_stage_balance', stage: 3, seconds: 4.5 }
		});
	});
});
