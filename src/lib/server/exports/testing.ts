import type { EntryPayload } from '../../shared/entries';
import type { Finding } from '../../shared/rules';
import type { ClasslessTests, EntryRow, NoteRow, SessionPage, SessionRow } from './read-types';

/**
 * A page of one completed class, made by hand, for the pure specs of the CSV and FHIR writers:
 * two participants (one with an MRN), entries of every exported kind (the three outcome tests
 * too, all flagged, by the tester below), a signed note.
 */
export const PAGE_IDS = {
	session: '0b6c9f0e-4a57-4f2d-9d44-0d0c9b1c0a01',
	ana: '1b6c9f0e-4a57-4f2d-9d44-0d0c9b1c0a02',
	ben: '2b6c9f0e-4a57-4f2d-9d44-0d0c9b1c0a03',
	cid: '3b6c9f0e-4a57-4f2d-9d44-0d0c9b1c0a04',
	note: '4b6c9f0e-4a57-4f2d-9d44-0d0c9b1c0a05',
	version: '5b6c9f0e-4a57-4f2d-9d44-0d0c9b1c0a06',
	tester: '6b6c9f0e-4a57-4f2d-9d44-0d0c9b1c0a07'
};

const TESTERS = new Map([[PAGE_IDS.tester, { name: 'Lee Park', credentials: 'PTA' }]]);

const at = (minute: number) => new Date(Date.UTC(2026, 2, 3, 15, minute));
let entryNumber = 0;

export function entryRow(
	participantId: string,
	payload: EntryPayload,
	findings: Finding[] = []
): EntryRow {
	entryNumber++;
	return {
		id: `9b6c9f0e-4a57-4f2d-9d44-${String(entryNumber).padStart(12, '0')}`,
		sessionId: PAGE_IDS.session,
		participantId,
		kind: payload.kind,
		payload,
		recordedAt: at(entryNumber),
		findings,
		userId: PAGE_IDS.tester
	};
}

export const HOLD_SBP: Finding = {
	ruleId: 'resting-sbp-180',
	action: 'HOLD',
	label: 'Resting SBP ≥ 180 mmHg',
	advice: '',
	verified: true,
	rule: { metric: 'systolic', when: 'rest', comparator: '>=', threshold: 180 }
};

export function classPage(overrides: Partial<SessionRow> = {}): SessionPage {
	const session: SessionRow = {
		id: PAGE_IDS.session,
		name: 'Steady Balance',
		seriesId: null,
		roomId: 'r',
		roomName: 'Gym',
		startsAt: at(0),
		durationMinutes: 45,
		status: 'completed',
		exertionScale: 'borg_6_20',
		routineVersionId: PAGE_IDS.version,
		startedAt: at(1),
		endedAt: at(46),
		...overrides
	};
	const { ana, ben, cid } = PAGE_IDS;
	const note: NoteRow = {
		id: PAGE_IDS.note,
		sessionId: session.id,
		participantId: ana,
		state: 'amended',
		response: '=HYPERLINK("http://evil")',
		cues: 'Verbal cues, "stand tall"\nthen, tactile',
		goals: 'Goal 1',
		plan: 'Progress to tandem stance',
		signedAt: at(50),
		signerName: 'Lee Park',
		signerCredentials: 'PTA',
		cosignedAt: at(55),
		cosignerName: 'Rosa Díaz',
		cosignerCredentials: 'PT, DPT',
		addenda: [
			{ text: 'Called family.', authorName: 'Lee Park', authorCredentials: 'PTA', at: at(59) }
		],
		outcomeTests: [
			{
				at: at(40).getTime(),
				result: { test: 'tug', seconds: 13.5, device: 'walker' },
				judgement: { verdict: 'flag', cutoff: 12 },
				tester: { name: 'Lee Park', credentials: 'PTA' },
				note: 'Turned slowly'
			}
		]
	};
	return {
		sessions: [session],
		places: new Map([
			[
				session.id,
				[
					{ participantId: ana, status: 'enrolled' },
					{ participantId: ben, status: 'enrolled' },
					{ participantId: cid, status: 'waitlisted' }
				]
			]
		]),
		entries: new Map([
			[
				session.id,
				[
					entryRow(ana, { kind: 'attendance', status: 'present' }),
					entryRow(ben, { kind: 'attendance', status: 'absent' }),
					entryRow(
						ana,
						{
							kind: 'vitals',
							vitals: {
								timing: 'before',
								systolic: 182,
								diastolic: 90,
								heartRate: 72,
								spo2: 96,
								glucose: 110,
								temperatureC: 36.8
							}
						},
						[HOLD_SBP]
					),
					entryRow(ana, { kind: 'pain', value: 3 }),
					entryRow(ana, { kind: 'exertion', scale: 'borg_6_20', value: 13 }),
					entryRow(ana, { kind: 'exertion', scale: 'borg_cr10', value: 4.5 }),
					entryRow(ana, {
						kind: 'adverse_event',
						type: 'fall',
						severity: 'moderate',
						actionTaken: '-sat down, checked',
						whoWasTold: '+1 555 0100 (daughter)'
					}),
					// Ana is 77 on the class's day, female: the chair stand's cut-off is 10.
					entryRow(ana, {
						kind: 'outcome_test',
						result: { test: 'chair_stand_30s', count: 9, armsUsed: false }
					}),
					entryRow(ana, {
						kind: 'outcome_test',
						result: { test: 'tug', seconds: 13.5, device: 'walker' },
						note: '=turned slowly'
					}),
					entryRow(ana, {
						kind: 'outcome_test',
						result: { test: 'four_stage_balance', stage: 3, seconds: 4 }
					})
				]
			]
		]),
		notes: new Map([[session.id, [note]]]),
		people: new Map([
			[
				ana,
				{
					id: ana,
					firstName: 'Ana',
					lastName: '@Lopez',
					dateOfBirth: '1948-05-02',
					sex: 'female',
					identifiers: [
						{ kind: 'mrn', system: 'urn:oid:1.2.36.146.595.217.0.1', value: 'MRN-0042' }
					]
				}
			],
			[
				ben,
				{
					id: ben,
					firstName: 'Ben',
					lastName: 'Ode',
					dateOfBirth: '1950-01-30',
					sex: 'male',
					identifiers: []
				}
			],
			[
				cid,
				{
					id: cid,
					firstName: 'Cid',
					lastName: 'Ray',
					dateOfBirth: '1944-11-11',
					sex: 'not_recorded',
					identifiers: []
				}
			]
		]),
		blocks: new Map([
			[
				PAGE_IDS.version,
				[
					{
						routineVersionId: PAGE_IDS.version,
						position: 0,
						exerciseName: 'Tandem stance',
						category: 'balance_static'
					},
					{
						routineVersionId: PAGE_IDS.version,
						position: 1,
						exerciseName: 'Sit to stand',
						category: 'strength'
					},
					{
						routineVersionId: PAGE_IDS.version,
						position: 2,
						exerciseName: 'Marching',
						category: 'aerobic'
					},
					{
						routineVersionId: PAGE_IDS.version,
						position: 3,
						exerciseName: 'Calf stretch',
						category: 'flexibility'
					},
					{
						routineVersionId: PAGE_IDS.version,
						position: 4,
						exerciseName: 'Bird dog',
						category: 'core'
					}
				]
			]
		]),
		testers: TESTERS
	};
}

/** A chair stand Ben did on his own page, about no class (a week after the class): not flagged. */
export function classlessPage(): ClasslessTests {
	const page = classPage();
	const test = entryRow(PAGE_IDS.ben, {
		kind: 'outcome_test',
		result: { test: 'chair_stand_30s', count: 14, armsUsed: false }
	});
	return {
		tests: [{ ...test, sessionId: null, recordedAt: new Date(Date.UTC(2026, 2, 10, 16, 0)) }],
		people: new Map([[PAGE_IDS.ben, page.people.get(PAGE_IDS.ben)!]]),
		testers: TESTERS
	};
}
