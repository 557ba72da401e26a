import { isMessageKey } from '../i18n/problem';
import type { MessageKey } from '../i18n/translate';
import { describeOutcome } from './describe-outcome';
import type { EntryPayload } from './entries';
import type { Wording } from './rules';
import type { Vitals } from './vitals';

/** "HR 80", "BP 130/80": each value taken, in the reader's language. */
function vitalParts({ t }: Wording, v: Vitals): string[] {
	return [
		v.heartRate !== undefined && t('entries.describe.heart-rate', { value: v.heartRate }),
		v.systolic !== undefined &&
			t('entries.describe.bp', { systolic: v.systolic, diastolic: v.diastolic ?? '' }),
		v.spo2 !== undefined && t('entries.describe.spo2', { value: v.spo2 }),
		v.glucose !== undefined && t('entries.describe.glucose', { value: v.glucose }),
		v.temperatureC !== undefined && t('entries.describe.temperature', { value: v.temperatureC })
	].filter((part): part is string => typeof part === 'string');
}

export function describeVitals(words: Wording, v: Vitals): string {
	return words.t('entries.describe.vitals', {
		timing: words.t(`vitals-timing.${v.timing}`),
		values: vitalParts(words, v).join(', ')
	});
}

/** A Borg anchor's words, where the scale has one for this value. */
function borgLabel({ t }: Wording, scale: 'borg_6_20' | 'borg_cr10', value: number): string {
	const key = `${scale === 'borg_6_20' ? 'borg-rpe' : 'borg-cr10'}.${value}`;
	return isMessageKey(key) ? t(key) : 'none';
}

/** One line for a staff history list ("Pain 4/10", "Vitals before: HR 80, BP 130/80"). */
export function describeEntry(words: Wording, payload: EntryPayload): string {
	const { t } = words;
	switch (payload.kind) {
		case 'attendance':
			return t(`attendance.${payload.status}`);
		case 'exertion':
			return t('entries.describe.exertion', {
				scale: payload.scale,
				value: payload.value,
				label: borgLabel(words, payload.scale, payload.value)
			});
		case 'pain':
			return t('entries.describe.pain', { value: payload.value });
		case 'vitals':
			return describeVitals(words, payload.vitals);
		case 'modifications':
			return t('entries.describe.modifications', {
				list: payload.modifications.map((id) => t(`modification.${id}`)).join(', ')
			});
		case 'symptoms':
			return t('entries.describe.symptoms', {
				list: payload.symptoms.map((id) => t(`stop-symptom.${id}` as MessageKey)).join(', ')
			});
		case 'note':
			return t('entries.describe.note', { text: payload.text });
		case 'adverse_event':
			return t('entries.describe.adverse-event', {
				type: t(`adverse-event.${payload.type}`),
				severity: t(`adverse-severity.${payload.severity}`),
				actionTaken: payload.actionTaken,
				whoWasTold: payload.whoWasTold
			});
		case 'headcount_out':
			return t('entries.describe.headcount-out', { count: payload.count });
		case 'sit_out':
			return t(payload.alertId ? 'entries.describe.sit-out-alert' : 'entries.describe.sit-out');
		case 'back_in':
			return t('entries.describe.back-in');
		case 'retraction':
			return t('entries.describe.retraction');
		case 'outcome_test':
			return describeOutcome(words, payload.result);
	}
}
