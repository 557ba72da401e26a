import type { CodeableConcept, Observation, ObservationComponent } from 'fhir/r4';
import { describeJudgement } from '../../shared/describe-outcome';
import { chairStandScore, type OutcomeResult } from '../../shared/outcomes';
import type { Wording } from '../../shared/rules';
import {
	ABNORMAL,
	ASSISTIVE_DEVICE_SYSTEM,
	LOINC,
	NORMAL,
	OUTCOME_CODES,
	OUTCOME_PART_SYSTEM,
	OUTCOME_PARTS,
	OUTCOME_TEST_SYSTEM
} from './fhir-codes';
import { category, nameUuid, quantity, ref } from './fhir-base';
import { testerName, type OutcomeFacts } from './outcome-facts';

/**
 * An outcome test as one FHIR Observation (docs/outcome-tests.md): category `exam` (a clinician's
 * direct observation of a performance test), the LOINC code where one exists and the test's name
 * as text, else Steady's own code; the result as a UCUM quantity or, for the 4-stage balance
 * test, as components; the verdict against its cut-off as an HL7 interpretation.
 */

const part = ({ code, display }: { code: string; display: string }): CodeableConcept => ({
	coding: [{ system: OUTCOME_PART_SYSTEM, code, display }],
	text: display
});

export function outcomeCode(test: OutcomeResult['test'], words: Wording): CodeableConcept {
	const known = OUTCOME_CODES[test];
	const text = words.t(`outcomes.test.${test}`);
	return known.loinc
		? { coding: [{ system: LOINC, code: known.loinc, display: known.display }], text }
		: {
				coding: [
					{ system: OUTCOME_TEST_SYSTEM, code: test.replaceAll('_', '-'), display: known.display }
				],
				text
			};
}

/** The result: a value for the chair stand and the TUG, components for the rest of it. */
function resultParts(
	result: OutcomeResult,
	words: Wording
): Pick<Observation, 'valueQuantity' | 'component'> {
	switch (result.test) {
		case 'chair_stand_30s': {
			const unit = OUTCOME_CODES.chair_stand_30s.unit!;
			// LOINC 66247-8 counts stands without the arms; with them STEADI scores 0, so the value
			// is the score and the stands made with the arms go beside it.
			const component: ObservationComponent[] = [
				{ code: part(OUTCOME_PARTS.armsUsed), valueBoolean: result.armsUsed }
			];
			if (result.armsUsed) {
				component.push({
					code: part(OUTCOME_PARTS.standsWithArms),
					valueQuantity: quantity(result.count, unit.text, unit.code)
				});
			}
			return {
				valueQuantity: quantity(chairStandScore(result), unit.text, unit.code),
				component
			};
		}
		case 'tug': {
			const unit = OUTCOME_CODES.tug.unit!;
			return {
				valueQuantity: quantity(result.seconds, unit.text, unit.code),
				component: [
					{
						code: part(OUTCOME_PARTS.device),
						valueCodeableConcept: {
							coding: [{ system: ASSISTIVE_DEVICE_SYSTEM, code: result.device }],
							text: words.t(`device.${result.device}`)
						}
					}
				]
			};
		}
		case 'four_stage_balance':
			return {
				component: [
					{ code: part(OUTCOME_PARTS.stage), valueInteger: result.stage },
					{
						code: part(OUTCOME_PARTS.secondsHeld),
						valueQuantity: quantity(result.seconds, 's')
					}
				] satisfies ObservationComponent[]
			};
	}
}

export function outcomeObservation(
	entry: { id: string; participantId: string; recordedAt: Date },
	facts: OutcomeFacts,
	encounterId: string | null,
	words: Wording
): Observation {
	const { judgement } = facts;
	const verdict = describeJudgement(words, facts.result.test, judgement);
	return {
		resourceType: 'Observation',
		id: nameUuid('observation', entry.id),
		status: 'final',
		category: category('exam'),
		code: outcomeCode(facts.result.test, words),
		subject: ref(entry.participantId),
		...(encounterId ? { encounter: ref(encounterId) } : {}),
		effectiveDateTime: entry.recordedAt.toISOString(),
		...(facts.tester ? { performer: [{ display: testerName(facts.tester) }] } : {}),
		...resultParts(facts.result, words),
		...(judgement.verdict === 'no-norm'
			? {}
			: {
					interpretation: [
						{ coding: [judgement.verdict === 'flag' ? ABNORMAL : NORMAL], text: verdict }
					]
				}),
		...(facts.note ? { note: [{ text: facts.note }] } : {})
	};
}
