import type { AdverseEvent, CodeableConcept, FhirResource, Observation } from 'fhir/r4';
import type { EntryPayload } from '../../shared/entries';
import { findingText, type Finding, type Metric, type Wording } from '../../shared/rules';
import type { Vitals } from '../../shared/vitals';
import {
	AE_SERIOUSNESS,
	AE_SEVERITY,
	BORG_CR10_TEXT,
	BORG_RPE_CODE,
	EXERTION_CR10_CODE,
	PAIN_CODE,
	STEADY_SYSTEM,
	VITAL_CODES,
	LOINC,
	adverseEventGrades
} from './fhir-codes';
import { category, loinc, nameUuid, quantity, ref } from './fhir-base';
import type { EntryRow } from './read-types';

/** What a recorded entry becomes: Observations (vitals, pain, exertion) or an AdverseEvent. */

/** Which vital sign a finding is about, so its flag sits on that observation. */
const METRIC_PART: Record<Metric, string> = {
	systolic: 'bp',
	diastolic: 'bp',
	heartRate: 'hr',
	spo2: 'spo2',
	glucose: 'glucose',
	temperatureC: 'temp'
};

function flags(findings: Finding[], part: string, words: Wording): CodeableConcept[] | undefined {
	const mine = findings.filter((f) => !f.rule || METRIC_PART[f.rule.metric] === part);
	if (mine.length === 0) return undefined;
	return mine.map((finding) => {
		const text = findingText(words, finding);
		return {
			coding: [
				{
					system: `${STEADY_SYSTEM}/vital-rule-flag`,
					code: `${finding.action}:${finding.ruleId}`,
					display: `${text.action}: ${text.label}`
				}
			],
			text: `${text.action}: ${text.label}`
		};
	});
}

function vitalObservations(
	entry: EntryRow,
	vitals: Vitals,
	base: Omit<Observation, 'code' | 'category' | 'id'>,
	words: Wording
): Observation[] {
	const findings = entry.findings;
	const out: Observation[] = [];
	const add = (part: string, observation: Omit<Observation, 'resourceType' | 'status' | 'id'>) =>
		out.push({
			...base,
			...observation,
			id: nameUuid('observation', entry.id, part),
			interpretation: flags(findings, part, words)
		} as Observation);
	if (vitals.systolic !== undefined && vitals.diastolic !== undefined) {
		add('bp', {
			category: category('vital-signs'),
			code: loinc(VITAL_CODES.bloodPressure),
			component: [
				{
					code: loinc(VITAL_CODES.systolic),
					valueQuantity: quantity(vitals.systolic, 'mm[Hg]')
				},
				{
					code: loinc(VITAL_CODES.diastolic),
					valueQuantity: quantity(vitals.diastolic, 'mm[Hg]')
				}
			]
		});
	}
	if (vitals.heartRate !== undefined) {
		add('hr', {
			category: category('vital-signs'),
			code: loinc(VITAL_CODES.heartRate),
			valueQuantity: quantity(vitals.heartRate, '/min')
		});
	}
	if (vitals.spo2 !== undefined) {
		add('spo2', {
			category: category('vital-signs'),
			code: {
				coding: [
					{ system: LOINC, ...VITAL_CODES.spo2 },
					{ system: LOINC, ...VITAL_CODES.pulseOximetry }
				]
			},
			valueQuantity: quantity(vitals.spo2, '%')
		});
	}
	if (vitals.temperatureC !== undefined) {
		add('temp', {
			category: category('vital-signs'),
			code: loinc(VITAL_CODES.temperature),
			valueQuantity: quantity(vitals.temperatureC, 'Cel')
		});
	}
	if (vitals.glucose !== undefined) {
		add('glucose', {
			category: category('laboratory'),
			code: loinc(VITAL_CODES.glucose),
			valueQuantity: quantity(vitals.glucose, 'mg/dL')
		});
	}
	return out;
}

export function entryResources(
	entry: EntryRow,
	encounterId: string,
	words: Wording
): FhirResource[] {
	const payload = entry.payload as EntryPayload;
	const subject = ref(entry.participantId!);
	const base = {
		resourceType: 'Observation' as const,
		status: 'final' as const,
		subject,
		encounter: ref(encounterId),
		effectiveDateTime: entry.recordedAt.toISOString()
	};
	if (payload.kind === 'vitals') return vitalObservations(entry, payload.vitals, base, words);
	if (payload.kind === 'pain') {
		return [
			{
				...base,
				id: nameUuid('observation', entry.id),
				category: category('survey'),
				code: loinc(PAIN_CODE),
				valueInteger: payload.value
			}
		];
	}
	if (payload.kind === 'exertion') {
		const observation: Observation =
			payload.scale === 'borg_cr10'
				? {
						...base,
						id: nameUuid('observation', entry.id),
						category: category('survey'),
						code: loinc(EXERTION_CR10_CODE, BORG_CR10_TEXT),
						valueQuantity: quantity(payload.value, '{score}')
					}
				: {
						...base,
						id: nameUuid('observation', entry.id),
						category: category('survey'),
						code: { coding: [BORG_RPE_CODE], text: BORG_RPE_CODE.display },
						valueInteger: payload.value
					};
		return [observation];
	}
	if (payload.kind === 'adverse_event') {
		const grades = adverseEventGrades(payload.severity);
		const event: AdverseEvent = {
			resourceType: 'AdverseEvent',
			id: nameUuid('adverse-event', entry.id),
			actuality: 'actual',
			event: {
				coding: [{ system: `${STEADY_SYSTEM}/adverse-event-type`, code: payload.type }],
				text: words.t(`adverse-event.${payload.type}`)
			},
			subject,
			encounter: ref(encounterId),
			date: entry.recordedAt.toISOString(),
			seriousness: { coding: [{ system: AE_SERIOUSNESS, code: grades.seriousness }] },
			severity: { coding: [{ system: AE_SEVERITY, code: grades.severity }] }
		};
		return [event];
	}
	return [];
}
