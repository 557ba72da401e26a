import { findingText, type Wording } from '$lib/shared/rules';
import { painRise, participantAction, participantFindings } from '$lib/shared/clipboard';
import type { RosterMember, StoredEntry } from '$lib/shared/roster';

export type Flag = { level: 'warn' | 'hold' | 'stop'; text: string };

/**
 * The badges a participant's row shows, in the reader's language: rules' verdict, a pain rise,
 * pool exclusions.
 */
export function flagsOf(
	member: RosterMember,
	active: StoredEntry[],
	pool: boolean,
	words: Wording
): Flag[] {
	const flags: Flag[] = [];
	const id = member.participantId;
	const action = participantAction(active, id);
	const findings = participantFindings(active, id);
	const label = (finding: (typeof findings)[number] | undefined) =>
		finding ? findingText(words, finding).label : '';
	if (action === 'STOP') {
		const stop = findings.find((f) => f.action === 'STOP');
		flags.push({ level: 'stop', text: words.t('controller.flag.stop', { label: label(stop) }) });
	} else if (action === 'HOLD') {
		flags.push({ level: 'hold', text: words.t('controller.flag.hold') });
	}
	for (const finding of findings.filter((f) => f.action === 'WARN')) {
		flags.push({ level: 'warn', text: label(finding) });
	}
	const rise = painRise(active, id);
	if (rise !== null) {
		flags.push({ level: 'warn', text: words.t('controller.flag.pain-up', { rise }) });
	}
	// From the moment the class opens, not only once marked present: the technician must know
	// before anyone gets into the water.
	const exclusions = member.aquaticScreening.exclusions;
	if (pool && exclusions.length > 0) {
		const list = new Intl.ListFormat(words.locale, { type: 'conjunction' }).format(
			exclusions.map((exclusion) => words.t(`aquatic-exclusion.${exclusion}`))
		);
		flags.push({ level: 'stop', text: words.t('controller.flag.pool-excluded', { list }) });
	}
	return flags;
}
