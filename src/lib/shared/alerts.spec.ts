import { describe, expect, it } from 'vitest';
import {
	RECHECK_AFTER_MS,
	alertValues,
	classAlerts,
	describeActions,
	pendingRechecks,
	restingSince,
	type AlertActionView
} from './alerts';
import type { EntryPayload } from './entries';
import { headcountIn, poolStartProblem } from './pool-start';
import type { RosterMember } from './roster';
import { wording, type Finding } from './rules';
import { refusalText } from './refusals';
import { ANA, BEN, storedEntryMaker } from './testing/stored-entries';

const en = wording('en');
const es = wording('es');

const entryBy = storedEntryMaker(1_000_000, 'Jordan Lee');
const stored = (participantId: string | null, payload: EntryPayload, findings: Finding[] = []) =>
	entryBy(participantId, payload, { findings });

const finding = (action: Finding['action'], label: string): Finding => ({
	ruleId: label,
	action,
	label,
	advice: 'Stop and tell the supervising therapist.',
	verified: true
});

describe('alerts', () => {
	it('are the entries with STOP or HOLD findings and adverse events, WARN alone is not one', () => {
		const stop = stored(
			ANA,
			{ kind: 'vitals', vitals: { timing: 'during', heartRate: 142, spo2: 86 } },
			[finding('STOP', 'SpO2 < 88 %'), finding('WARN', 'something mild')]
		);
		const hold = stored(
			BEN,
			{ kind: 'vitals', vitals: { timing: 'before', systolic: 185, diastolic: 90 } },
			[finding('HOLD', 'Resting systolic ≥ 180 mmHg')]
		);
		const warn = stored(BEN, { kind: 'vitals', vitals: { timing: 'before', heartRate: 105 } }, [
			finding('WARN', 'Resting heart rate > 100 bpm')
		]);
		const alerts = classAlerts([stop, hold, warn]);
		expect(alerts.map((a) => a.severity)).toEqual(['STOP', 'HOLD']);
		expect(alerts[0]!.findings.map((f) => f.action)).toEqual(['STOP']);
		expect(alertValues(en, alerts[0]!)).toBe('HR 142 bpm · SpO2 86 % (during)');
		expect(alertValues(en, alerts[1]!)).toBe('BP 185/90 mmHg (before)');
		expect(alertValues(es, alerts[0]!)).toBe('FC 142 lpm · SpO2 86 % (durante)');
	});

	it('say who saw and acted, oldest first', () => {
		const at = (h: number) => h;
		const actions = [
			{ id: 'b', entryId: 'e', userId: 'u2', by: 'Alex', action: 'sit_out', at: at(2) },
			{ id: 'a', entryId: 'e', userId: 'u1', by: 'Sam', action: 'seen', at: at(1) }
		] satisfies AlertActionView[];
		expect(describeActions(en, actions, (ms) => `t${ms}`)).toBe(
			'Seen by Sam t1 · Sit out by Alex t2'
		);
		expect(describeActions(es, actions, (ms) => `t${ms}`)).toBe(
			'Visto por Sam t1 · Reposo por Alex t2'
		);
	});

	it('a sit-out lasts until back in', () => {
		const out = stored(ANA, { kind: 'sit_out' });
		expect(restingSince([out], ANA)).toBe(out.entry.recordedAt);
		expect(restingSince([out], BEN)).toBeNull();
		expect(restingSince([out, stored(ANA, { kind: 'back_in' })], ANA)).toBeNull();
	});

	it("a recheck is this person's, due two minutes on, and done by a new reading", () => {
		const alert = stored(ANA, { kind: 'vitals', vitals: { timing: 'during', spo2: 86 } }, [
			finding('STOP', 'SpO2 < 88 %')
		]);
		const asked: AlertActionView = {
			id: 'r',
			entryId: alert.entry.id,
			userId: 'me',
			by: 'Me',
			action: 'recheck',
			at: alert.entry.recordedAt + 500
		};
		const pending = pendingRechecks([asked], [alert], 'me');
		expect(pending).toEqual([
			{ action: asked, participantId: ANA, dueAt: asked.at + RECHECK_AFTER_MS }
		]);
		expect(pendingRechecks([asked], [alert], 'someone else')).toEqual([]);
		const again = stored(ANA, { kind: 'vitals', vitals: { timing: 'during', spo2: 93 } });
		expect(pendingRechecks([asked], [alert, again], 'me')).toEqual([]);
	});
});

describe('the pool start checklist', () => {
	const member = (participantId: string, name: string, place: RosterMember['place'] = 'enrolled') =>
		({ participantId, displayName: name, place }) as RosterMember;
	const roster = [member(ANA, 'Ana B.'), member(BEN, 'Ben C.', 'waitlisted')];

	it('asks for the check, then a display, then everyone expected marked and someone in', () => {
		const none = headcountIn([], roster);
		expect(none).toEqual({ here: 0, unmarked: ['Ana B.'] });
		const state = { poolCheckDone: false, displaysOnline: 0, count: none };
		// The page's words for each reason.
		const words = (reason: ReturnType<typeof poolStartProblem>) => reason && refusalText(reason);
		expect(words(poolStartProblem(state))).toBe('Record the pool check before starting');
		expect(words(poolStartProblem({ ...state, poolCheckDone: true }))).toBe(
			'Turn on a display in the pool room before starting'
		);
		const ready = { ...state, poolCheckDone: true, displaysOnline: 1 };
		expect(poolStartProblem(ready)).toEqual({
			code: 'headcount-in-unmarked',
			params: { count: 1, names: 'Ana B.' }
		});
		expect(words(poolStartProblem(ready))).toBe(
			'Headcount in: mark attendance for 1 more (Ana B.)'
		);
		const absent = headcountIn([stored(ANA, { kind: 'attendance', status: 'absent' })], roster);
		expect(words(poolStartProblem({ ...ready, count: absent }))).toBe(
			'Headcount in: no one is marked present'
		);
		const here = headcountIn([stored(ANA, { kind: 'attendance', status: 'present' })], roster);
		expect(poolStartProblem({ ...ready, count: here })).toBeNull();
	});
});
