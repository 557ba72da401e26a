import { describe, expect, it } from 'vitest';
import type { EntryPayload } from '../entries';
import type { Finding } from '../rules';
import { findingText, wording } from '../rules';
import type { LogEntry, PlanBlock, RoutinePlan } from '../timeline';
import { draftNotes, noteDraftSchema, readDraft, units97113, type DraftClass } from './index';

const T0 = 1_750_000_000_000;
const s = (seconds: number) => T0 + seconds * 1000;
const SESSION = '00000000-0000-4000-8000-000000000000';
const ANA = '00000000-0000-4000-8000-00000000000a';
const BEN = '00000000-0000-4000-8000-00000000000b';
const CAL = '00000000-0000-4000-8000-00000000000c';
const DEE = '00000000-0000-4000-8000-00000000000d';
const LEAD = '00000000-0000-4000-8000-0000000000f1';
const AIDE = '00000000-0000-4000-8000-0000000000f2';

const timed = (
	id: string,
	name: string,
	seconds: number,
	phase: PlanBlock['phase']
): PlanBlock => ({
	id,
	kind: 'exercise',
	phase,
	dosing: { kind: 'timed', seconds, sets: 1, restBetweenSetsSeconds: 0, perSide: false },
	name,
	cue: '',
	supportTiers: {}
});

/** 10 + 20 + 10 + 5 minutes planned. */
const plan: RoutinePlan = {
	blocks: [
		timed('a', 'March', 600, 'warm_up'),
		timed('b', 'Sit to stand', 1200, 'main'),
		timed('c', 'Tandem walk', 600, 'main'),
		timed('d', 'Stretch', 300, 'cool_down')
	]
};

/**
 * Start; paused 300-600 s; Next at 700 s (March ran 400 s); Sit to stand runs its 20 minutes to
 * 1900 s; Tandem walk passed over with Next after 2 s; ended at 2100 s during Stretch. Class time:
 * 2100 - 300 = 1800 s = 30 min.
 */
const log: LogEntry[] = (
	[
		[0, { type: 'start' }],
		[300, { type: 'pause' }],
		[600, { type: 'resume' }],
		[700, { type: 'next' }],
		[1902, { type: 'next' }],
		[2100, { type: 'end' }]
	] as const
).map(([seconds, command], seq) => ({ seq: seq + 1, at: s(seconds), command }));

const hold: Finding = {
	ruleId: 'bp-pre-systolic-high',
	action: 'HOLD',
	label: 'Systolic BP >= 180 mmHg',
	advice: '',
	verified: true,
	rule: { metric: 'systolic', when: 'rest', comparator: '>=', threshold: 180 }
};

let n = 0;
function entry(
	participantId: string,
	seconds: number,
	payload: EntryPayload,
	extra: { blockIndex?: number; findings?: Finding[]; userId?: string } = {}
) {
	n++;
	return {
		id: `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
		participantId,
		payload,
		findings: extra.findings ?? [],
		recordedAt: s(seconds),
		blockIndex: extra.blockIndex ?? null,
		userId: extra.userId ?? LEAD
	};
}

const recorded: DraftClass = {
	sessionId: SESSION,
	date: '2025-06-15',
	className: 'Steady Balance',
	routineName: 'Balance basics',
	roomName: 'Gym A',
	pool: false,
	staff: [{ userId: LEAD, name: 'Tara Tech', credentials: 'PTA', role: 'lead' }],
	plan,
	log,
	endedAt: s(2100),
	entries: [
		entry(ANA, 1, { kind: 'attendance', status: 'present' }),
		entry(BEN, 600, { kind: 'attendance', status: 'late' }),
		entry(CAL, 2, { kind: 'attendance', status: 'left_early', leftAt: s(1500) }),
		entry(DEE, 3, { kind: 'attendance', status: 'absent' }),
		entry(
			ANA,
			5,
			{ kind: 'vitals', vitals: { timing: 'before', systolic: 185, diastolic: 90 } },
			{ findings: [hold] }
		),
		entry(ANA, 800, { kind: 'modifications', modifications: ['seated'] }, { blockIndex: 1 }),
		entry(ANA, 1000, { kind: 'exertion', scale: 'borg_6_20', value: 13 }, { blockIndex: 1 }),
		entry(
			BEN,
			900,
			{ kind: 'modifications', modifications: ['one_hand_support', 'reduced_range'] },
			{ blockIndex: 1 }
		),
		entry(BEN, 950, { kind: 'pain', value: 3 }, { blockIndex: 1 }),
		entry(BEN, 1200, {
			kind: 'adverse_event',
			type: 'fall',
			severity: 'mild',
			actionTaken: 'Helped up',
			whoWasTold: 'Lead'
		}),
		entry(CAL, 100, { kind: 'modifications', modifications: ['skipped'] }, { blockIndex: 0 }),
		// After the class, in the documentation window: Ana's tests (74 on the class's day, female).
		entry(
			ANA,
			2200,
			{ kind: 'outcome_test', result: { test: 'chair_stand_30s', count: 9, armsUsed: false } },
			{ userId: AIDE }
		),
		entry(ANA, 2300, {
			kind: 'outcome_test',
			result: { test: 'tug', seconds: 11.2, device: 'cane' },
			note: 'Turned slowly'
		}),
		// Ben's sex is not recorded: the chair stand has no cut-off for him.
		entry(BEN, 2250, {
			kind: 'outcome_test',
			result: { test: 'chair_stand_30s', count: 12, armsUsed: false }
		})
	],
	people: {
		[ANA]: { dateOfBirth: '1950-09-01', sex: 'female' },
		[BEN]: { dateOfBirth: '1948-01-01', sex: 'not_recorded' }
	},
	testers: {
		[LEAD]: { name: 'Tara Tech', credentials: 'PTA' },
		[AIDE]: { name: 'Sam Aide', credentials: '' }
	}
};

const byId = (drafts: ReturnType<typeof draftNotes>) =>
	Object.fromEntries(drafts.map((d) => [d.participantId, d]));

describe('drafting notes from a recorded class', () => {
	const drafts = byId(draftNotes(recorded));

	it('drafts one note per attending participant (present, late, left early), none for the absent', () => {
		expect(Object.keys(drafts).sort()).toEqual([ANA, BEN, CAL]);
	});

	it('counts minutes from the command log: pauses excluded, late from arrival, left early until leaving', () => {
		expect(drafts[ANA]!.classMinutes).toBe(30);
		expect(drafts[ANA]!.minutes).toBe(30);
		// Arrived at 600 s (the end of the pause): 2100 - 600.
		expect(drafts[BEN]!.minutes).toBe(25);
		// Left at 1500 s: 1500 - 300 paused.
		expect(drafts[CAL]!.minutes).toBe(20);
		expect(drafts[CAL]!.to).toBe(s(1500));
	});

	it('lists the blocks that ran, not the one passed over with Next', () => {
		expect(drafts[ANA]!.blocks.map((b) => b.name)).toEqual(['March', 'Sit to stand', 'Stretch']);
		expect(drafts[ANA]!.blocks.map((b) => b.minutes)).toEqual([7, 20, 3]);
	});

	it("keeps each participant's modifications with the support tier they mean", () => {
		const sts = (id: string) => drafts[id]!.blocks.find((b) => b.name === 'Sit to stand')!;
		expect(sts(ANA)).toMatchObject({ tier: 'seated', modifications: ['seated'] });
		expect(sts(BEN)).toMatchObject({
			tier: 'supported',
			modifications: ['one_hand_support', 'reduced_range']
		});
		expect(drafts[CAL]!.blocks[0]).toMatchObject({ skipped: true, tier: 'standing' });
	});

	it('keeps exertion, pain and vitals with their flags as codes, worded when shown', () => {
		const vitals = drafts[ANA]!.observations.find((o) => o.kind === 'vitals')!;
		expect(vitals.findings[0]).toMatchObject({ ruleId: 'bp-pre-systolic-high', action: 'HOLD' });
		expect(findingText(wording('es'), vitals.findings[0] as Finding).action).not.toBe('HOLD');
		expect(drafts[ANA]!.observations.map((o) => o.kind)).toEqual(['vitals', 'exertion']);
		expect(drafts[BEN]!.observations).toMatchObject([{ kind: 'pain', value: 3 }]);
		expect(drafts[BEN]!.adverseEvents).toMatchObject([{ type: 'fall', severity: 'mild' }]);
	});

	it('states the group: its size and the common activity; 97150 one unit each', () => {
		expect(drafts[ANA]!.group).toEqual({ size: 3, activity: 'Balance basics' });
		expect(drafts[BEN]!.billing).toEqual({ ok: true, code: '97150', units: 1 });
		expect(drafts[ANA]!.aquatic).toBe(false);
	});

	it('refuses 97150 for a group of one', () => {
		const alone = draftNotes({
			...recorded,
			entries: recorded.entries.filter((e) => e.participantId === ANA)
		});
		expect(alone).toHaveLength(1);
		expect(alone[0]!.group.size).toBe(1);
		expect(alone[0]!.billing).toEqual({
			ok: false,
			code: '97150',
			refusal: 'records.billing-group-too-small'
		});
	});

	it('marks a pool class: 97113 is documented separately', () => {
		expect(draftNotes({ ...recorded, pool: true })[0]!.aquatic).toBe(true);
	});

	it("lists the participant's outcome tests with their verdict against the cut-off and who tested", () => {
		expect(drafts[ANA]!.outcomeTests).toEqual([
			{
				at: s(2200),
				result: { test: 'chair_stand_30s', count: 9, armsUsed: false },
				// 74 on 2025-06-15, female: the cut-off is 10, and 9 is under it.
				judgement: { verdict: 'flag', cutoff: 10 },
				tester: { name: 'Sam Aide', credentials: '' }
			},
			{
				at: s(2300),
				result: { test: 'tug', seconds: 11.2, device: 'cane' },
				judgement: { verdict: 'ok', cutoff: 12 },
				tester: { name: 'Tara Tech', credentials: 'PTA' },
				note: 'Turned slowly'
			}
		]);
		expect(drafts[BEN]!.outcomeTests.map((t) => t.judgement)).toEqual([
			{ verdict: 'no-norm', reason: 'sex' }
		]);
		expect(drafts[CAL]!.outcomeTests).toEqual([]);
	});

	it('drafts nothing for a class that never started', () => {
		expect(draftNotes({ ...recorded, log: [], endedAt: null })).toEqual([]);
	});
});

describe('units97113 by the 8-minute rule', () => {
	it.each([
		[0, 0],
		[7, 0],
		[7.9, 0],
		[8, 1],
		[22, 1],
		[23, 2],
		[37, 2],
		[38, 3],
		[52, 3],
		[53, 4],
		[67, 4],
		[68, 5],
		[82, 5],
		[83, 6],
		[-5, 0],
		[Number.NaN, 0]
	])('%s minutes = %s units', (minutes, units) => {
		expect(units97113(minutes)).toBe(units);
	});
});

describe('the stored draft is checked when read', () => {
	const draft = draftNotes(recorded)[0]!;

	it('reads back what was drafted', () => {
		expect(noteDraftSchema.parse(JSON.parse(JSON.stringify(draft)))).toEqual(draft);
		expect(draft.version).toBe(2);
		expect(draft.outcomeTests).toHaveLength(2);
		expect(readDraft(JSON.parse(JSON.stringify(draft)), 2)).toEqual({ ok: true, draft });
	});

	it('reads a version 1 draft (before outcome tests) as having none', () => {
		// eslint-disable-next-line @typescript-eslint/no-unused-vars
		const { outcomeTests, ...rest } = draft;
		const v1 = JSON.parse(JSON.stringify({ ...rest, version: 1 }));
		expect(readDraft(v1, 1)).toEqual({ ok: true, draft: { ...draft, outcomeTests: [] } });
		// A version 1 draft claiming to be version 2 lacks its tests: refused, not guessed at.
		expect(readDraft({ ...v1, version: 2 }, 2).ok).toBe(false);
	});

	it('refuses an unknown version or a broken shape with a code', () => {
		expect(readDraft(draft, 3)).toEqual({ ok: false, code: 'records.draft-unreadable' });
		expect(readDraft(draft, 1)).toEqual({ ok: false, code: 'records.draft-unreadable' });
		expect(readDraft({ ...draft, minutes: 'thirty' }, 2)).toEqual({
			ok: false,
			code: 'records.draft-unreadable'
		});
		const badTest = { ...draft.outcomeTests[0]!, result: { test: 'tug', seconds: -1 } };
		expect(readDraft({ ...draft, outcomeTests: [badTest] }, 2).ok).toBe(false);
		expect(readDraft(null, 1).ok).toBe(false);
	});
});
