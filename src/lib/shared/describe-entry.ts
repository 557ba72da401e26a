import { ATTENDANCE_LABELS, type EntryPayload } from './entries';
import { STOP_SYMPTOMS } from './rules';
import { BORG_CR10_LABELS, BORG_RPE_LABELS, type Vitals } from './vitals';

const words = (id: string) => id.replaceAll('_', ' ');

export function describeVitals(v: Vitals): string {
	const parts = [
		v.heartRate !== undefined && `HR ${v.heartRate}`,
		v.systolic !== undefined && `BP ${v.systolic}/${v.diastolic}`,
		v.spo2 !== undefined && `SpO2 ${v.spo2}%`,
		v.glucose !== undefined && `glucose ${v.glucose}`,
		v.temperatureC !== undefined && `${v.temperatureC} °C`
	].filter(Boolean);
	return `Vitals ${v.timing}: ${parts.join(', ')}`;
}

/** One line for a staff history list ("Pain 4/10", "Vitals before: HR 80, BP 130/80"). */
export function describeEntry(payload: EntryPayload): string {
	switch (payload.kind) {
		case 'attendance':
			return ATTENDANCE_LABELS[payload.status];
		case 'exertion': {
			const label =
				payload.scale === 'borg_6_20'
					? BORG_RPE_LABELS[payload.value]
					: BORG_CR10_LABELS[payload.value];
			return `${payload.scale === 'borg_6_20' ? 'RPE' : 'CR10'} ${payload.value}${label ? ` (${label})` : ''}`;
		}
		case 'pain':
			return `Pain ${payload.value}/10`;
		case 'vitals':
			return describeVitals(payload.vitals);
		case 'modifications':
			return `Modified: ${payload.modifications.map(words).join(', ')}`;
		case 'symptoms':
			return `Symptoms: ${payload.symptoms
				.map((id) => STOP_SYMPTOMS.find((s) => s.id === id)?.label ?? id)
				.join(', ')}`;
		case 'note':
			return `Note: ${payload.text}`;
		case 'adverse_event':
			return `Adverse event: ${words(payload.type)} (${payload.severity}). Done: ${payload.actionTaken}. Told: ${payload.whoWasTold}`;
		case 'headcount_out':
			return `Headcount out of the pool: ${payload.count}`;
		case 'sit_out':
			return payload.alertId ? 'Sitting out (after an alert)' : 'Sitting out';
		case 'back_in':
			return 'Back in after sitting out';
		case 'retraction':
			return 'Withdrawn';
	}
}
