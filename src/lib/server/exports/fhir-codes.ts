import type { Attendance } from '../../shared/entries';
import type { OutcomeTest } from '../../shared/outcomes';

/**
 * The codes of the FHIR export (clinical.md section 6) and how Steady's states map onto FHIR's.
 * Pure: the mapping is what the tests pin down.
 */

export const LOINC = 'http://loinc.org';
export const SNOMED = 'http://snomed.info/sct';
export const UCUM = 'http://unitsofmeasure.org';
export const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
export const IDENTIFIER_TYPE = 'http://terminology.hl7.org/CodeSystem/v2-0203';
export const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
export const AE_SERIOUSNESS = 'http://terminology.hl7.org/CodeSystem/adverse-event-seriousness';
export const AE_SEVERITY = 'http://terminology.hl7.org/CodeSystem/adverse-event-severity';
/** Steady's own code systems, for what no standard code covers (Borg 6-20, rule flags). */
export const STEADY_SYSTEM = 'https://steady.example.org/fhir/CodeSystem';

export const VITAL_CODES = {
	bloodPressure: { code: '85354-9', display: 'Blood pressure panel with all children optional' },
	systolic: { code: '8480-6', display: 'Systolic blood pressure' },
	diastolic: { code: '8462-4', display: 'Diastolic blood pressure' },
	heartRate: { code: '8867-4', display: 'Heart rate' },
	respiratoryRate: { code: '9279-1', display: 'Respiratory rate' },
	temperature: { code: '8310-5', display: 'Body temperature' },
	spo2: { code: '2708-6', display: 'Oxygen saturation in Arterial blood' },
	pulseOximetry: {
		code: '59408-5',
		display: 'Oxygen saturation in Arterial blood by Pulse oximetry'
	},
	glucose: { code: '2339-0', display: 'Glucose [Mass/volume] in Blood' }
} as const;

export const PAIN_CODE = { code: '72514-3', display: 'Pain severity - 0-10 verbal numeric rating' };
export const EXERTION_CR10_CODE = { code: '82289-0', display: 'Perceived exertion rating' };
/** No LOINC code exists for Borg 6-20: Steady's own code, with its text. */
export const BORG_RPE_CODE = {
	system: `${STEADY_SYSTEM}/exertion-scale`,
	code: 'borg-rpe-6-20',
	display: 'Borg rating of perceived exertion (6-20)'
};
/** HL7 v2-0203 identifier types: an MRN, and an EHR's own patient id. */
export const MRN_TYPE = { system: IDENTIFIER_TYPE, code: 'MR', display: 'Medical record number' };
export const EHR_ID_TYPE = {
	system: IDENTIFIER_TYPE,
	code: 'PI',
	display: 'Patient internal identifier'
};
export const BORG_CR10_TEXT = 'Borg CR10';
/** HL7 v3 ObservationInterpretation: how an outcome test stands against its cut-off. */
export const INTERPRETATION = 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';
export const ABNORMAL = { system: INTERPRETATION, code: 'A', display: 'Abnormal' };
export const NORMAL = { system: INTERPRETATION, code: 'N', display: 'Normal' };
/** Steady's codes for an outcome test without a LOINC code, and for the parts of a result. */
export const OUTCOME_TEST_SYSTEM = `${STEADY_SYSTEM}/outcome-test`;
export const OUTCOME_PART_SYSTEM = `${STEADY_SYSTEM}/outcome-test-part`;
export const ASSISTIVE_DEVICE_SYSTEM = `${STEADY_SYSTEM}/assistive-device`;
/** The parts of an outcome test's result that go as Observation components. */
export const OUTCOME_PARTS = {
	armsUsed: { code: 'arms-used', display: 'Arms used to stand' },
	standsWithArms: { code: 'stands-with-arms', display: 'Stands made using the arms' },
	device: { code: 'assistive-device', display: 'Assistive device' },
	stage: { code: 'stage-reached', display: 'Stage reached (1-4)' },
	secondsHeld: { code: 'seconds-held', display: 'Seconds held in the stage reached' }
} as const;
export const PROGRESS_NOTE_CODE = { code: '11506-3', display: 'Progress note' };

/** SNOMED CT procedure by exercise category; otherwise "physical therapy procedure". */
export function procedureCode(category: string): { code: string; display: string } {
	if (category === 'balance_static' || category === 'balance_dynamic') {
		return { code: '386293009', display: 'Balance exercises' };
	}
	if (category === 'strength') return { code: '266741004', display: 'Muscle strength exercise' };
	if (category === 'aerobic') return { code: '229072005', display: 'Aerobic exercises' };
	if (category === 'flexibility') return { code: '229070002', display: 'Stretching exercises' };
	return { code: '91251008', display: 'Physical therapy procedure' };
}

type SessionStatus = 'scheduled' | 'live' | 'completed' | 'cancelled';
/** A place on the class's list: enrolled, walk_in, waitlisted, cancelled; '' for none. */
type Place = string;

const ATTENDED = new Set<Attendance>(['present', 'late', 'left_early']);
export const attended = (mark: Attendance | undefined) => !!mark && ATTENDED.has(mark);

export type AppointmentStatus =
	'booked' | 'arrived' | 'fulfilled' | 'noshow' | 'cancelled' | 'waitlist';

/** Appointment.status from the class's status, the person's place and their attendance mark. */
export function appointmentStatus(
	session: SessionStatus,
	place: Place,
	mark: Attendance | undefined
): AppointmentStatus {
	if (session === 'cancelled') return 'cancelled';
	if (attended(mark)) return session === 'completed' ? 'fulfilled' : 'arrived';
	if (mark === 'absent') return 'noshow';
	if (mark === 'excused' || place === 'cancelled') return 'cancelled';
	if (place === 'waitlisted') return 'waitlist';
	return 'booked';
}

export type EncounterStatus =
	'planned' | 'arrived' | 'in-progress' | 'finished' | 'cancelled' | 'unknown';

/** Encounter.status: the same facts, worded as the encounter's progress. */
export function encounterStatus(
	session: SessionStatus,
	place: Place,
	mark: Attendance | undefined
): EncounterStatus {
	if (session === 'cancelled' || mark === 'absent' || mark === 'excused') return 'cancelled';
	if (attended(mark)) {
		return session === 'completed' ? 'finished' : session === 'live' ? 'in-progress' : 'arrived';
	}
	if (place === 'cancelled') return 'cancelled';
	// Nobody marked them: planned while the class is ahead, unknown once it has run.
	return session === 'scheduled' ? 'planned' : 'unknown';
}

/** AdverseEvent seriousness and severity from Steady's mild / moderate / serious. */
export function adverseEventGrades(severity: 'mild' | 'moderate' | 'serious') {
	return {
		seriousness: severity === 'serious' ? 'serious' : 'non-serious',
		severity: severity === 'serious' ? 'severe' : severity
	} as const;
}

/**
 * Codes for the FHIR export: LOINC where one exists (checked on loinc.org: 66247-8 "Sit to stand
 * frequency in 30 seconds", 89423-8 "Time to rise from chair, walk 10 feet and back, and return
 * to sitting [TUG]"); the 4-stage balance test has none, so it goes as text under Steady's own
 * system.
 */
export const OUTCOME_CODES: Record<
	OutcomeTest,
	{ loinc?: string; display: string; unit?: { code: string; text: string } }
> = {
	chair_stand_30s: {
		loinc: '66247-8',
		display: 'Sit to stand frequency in 30 seconds',
		unit: { code: '{#}/(30.s)', text: 'stands in 30 s' }
	},
	tug: {
		loinc: '89423-8',
		display: 'Time to rise from chair, walk 10 feet and back, and return to sitting [TUG]',
		unit: { code: 's', text: 's' }
	},
	four_stage_balance: { display: 'CDC STEADI 4-Stage Balance Test' }
};
