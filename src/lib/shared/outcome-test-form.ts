import type { MessageKey } from '../i18n/catalog';
import type { Problems } from '../i18n/problem';
import { problem, problemsOf } from '../i18n/problem';
import { ASSISTIVE_DEVICES, type AssistiveDevice } from './domain';
import {
	OUTCOME_TESTS,
	outcomeResultSchema,
	type OutcomeResult,
	type OutcomeTest
} from './outcomes';

/**
 * An outcome test recorded on the participant's page: the test, its result, the date it was
 * done (not in the future) and an optional note. The result is checked by the same schema as a
 * phone's entry, so both refuse the same values with the same words.
 */
export type OutcomeTestValues = {
	test: string;
	count: string;
	armsUsed: boolean;
	seconds: string;
	device: string;
	stage: string;
	held: string;
	date: string;
	note: string;
};

export type OutcomeTestInput = { result: OutcomeResult; date: string; note?: string };

export const NOTE_MAX = 500;

export function outcomeTestValues(form: FormData): OutcomeTestValues {
	const one = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value.slice(0, 1000) : '';
	};
	return {
		test: one('test'),
		count: one('count'),
		armsUsed: form.get('armsUsed') !== null,
		seconds: one('seconds'),
		device: one('device'),
		stage: one('stage'),
		held: one('held'),
		date: one('date'),
		note: one('note')
	};
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (value: string) =>
	ISO_DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

/** A typed number, or null when the field is empty or not a number. */
function numberOf(text: string): number | null {
	const trimmed = text.trim().replace(',', '.');
	if (trimmed === '') return null;
	const value = Number(trimmed);
	return Number.isFinite(value) ? value : null;
}

type Checked = { ok: true; result: OutcomeResult } | { ok: false; problems: Problems };

/** The result the fields describe, or the problems by field name (the form's names). */
function resultOf(values: OutcomeTestValues): Checked {
	const test = values.test as OutcomeTest;
	const missing = (field: string, code: MessageKey): Checked => ({
		ok: false,
		problems: { [field]: problem(code) }
	});
	if (!OUTCOME_TESTS.includes(test)) return missing('test', 'outcomes.capture.choose-test');
	let candidate: unknown;
	switch (test) {
		case 'chair_stand_30s': {
			const count = numberOf(values.count);
			if (count === null) return missing('count', 'outcomes.capture.enter-count');
			candidate = { test, count, armsUsed: values.armsUsed };
			break;
		}
		case 'tug': {
			const seconds = numberOf(values.seconds);
			if (seconds === null) return missing('seconds', 'outcomes.capture.enter-seconds');
			const device = ASSISTIVE_DEVICES.includes(values.device as AssistiveDevice)
				? values.device
				: 'none';
			candidate = { test, seconds, device };
			break;
		}
		case 'four_stage_balance': {
			const stage = numberOf(values.stage);
			if (stage === null) return missing('stage', 'outcomes.capture.choose-stage');
			const held = numberOf(values.held);
			if (held === null) return missing('held', 'outcomes.capture.enter-held');
			candidate = { test, stage, seconds: held };
			break;
		}
	}
	const parsed = outcomeResultSchema.safeParse(candidate);
	if (parsed.success) return { ok: true, result: parsed.data };
	const problems = problemsOf(parsed.error);
	// The balance test's "seconds" is the form's "held" (the TUG has its own seconds field).
	if (test === 'four_stage_balance' && problems.seconds) {
		problems.held = problems.seconds;
		delete problems.seconds;
	}
	return { ok: false, problems };
}

/** The test to record, or every problem by field. `today`: the clinic's local date. */
export function readOutcomeTest(
	values: OutcomeTestValues,
	today: string
): { ok: true; input: OutcomeTestInput } | { ok: false; problems: Problems } {
	const checked = resultOf(values);
	const problems: Problems = checked.ok ? {} : { ...checked.problems };
	const date = values.date.trim();
	if (!isRealDate(date)) problems.date = problem('outcomes.capture.date-invalid');
	else if (date > today) problems.date = problem('outcomes.capture.date-future');
	const note = values.note.trim();
	if (note.length > NOTE_MAX) problems.note = problem('outcomes.capture.note-too-long');
	if (!checked.ok || Object.keys(problems).length) return { ok: false, problems };
	return { ok: true, input: { result: checked.result, date, ...(note ? { note } : {}) } };
}
