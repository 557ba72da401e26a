import type { Translate } from '../i18n/translate';
import type { Dosing } from './dosing';

/** A dose as a handout says it to the participant: "Hold 10 seconds, 5 times, each side, 2 sets". */
export function handoutDosing(t: Translate, dosing: Dosing): string {
	const base =
		dosing.kind === 'timed'
			? t('handout.dose.timed', { seconds: dosing.seconds })
			: dosing.kind === 'hold'
				? t('handout.dose.hold', { seconds: dosing.holdSeconds, reps: dosing.reps })
				: t('handout.dose.reps', { reps: dosing.reps });
	return [
		base,
		dosing.perSide ? t('handout.dose.per-side') : null,
		dosing.sets > 1 ? t('handout.dose.sets', { sets: dosing.sets }) : null
	]
		.filter(Boolean)
		.join(', ');
}
