import { painRise, participantAction, participantFindings } from '$lib/shared/clipboard';
import type { RosterMember, StoredEntry } from '$lib/shared/roster';

export type Flag = { level: 'warn' | 'hold' | 'stop'; text: string };

/** The badges a participant's row shows: rules' verdict, a pain rise, pool exclusions. */
export function flagsOf(member: RosterMember, active: StoredEntry[], pool: boolean): Flag[] {
	const flags: Flag[] = [];
	const id = member.participantId;
	const action = participantAction(active, id);
	const findings = participantFindings(active, id);
	if (action === 'STOP') {
		flags.push({
			level: 'stop',
			text: `STOP: ${findings.find((f) => f.action === 'STOP')?.label}`
		});
	} else if (action === 'HOLD') {
		flags.push({ level: 'hold', text: 'Not cleared to exercise' });
	}
	for (const finding of findings.filter((f) => f.action === 'WARN')) {
		flags.push({ level: 'warn', text: finding.label });
	}
	const rise = painRise(active, id);
	if (rise !== null) flags.push({ level: 'warn', text: `Pain up ${rise} since first score` });
	// From the moment the class opens, not only once marked present: the technician must know
	// before anyone gets into the water.
	if (pool && member.aquaticScreening.exclusions.length > 0) {
		flags.push({
			level: 'stop',
			text: `Excluded from pool work: ${member.aquaticScreening.exclusions.map(words).join(', ')}`
		});
	}
	return flags;
}

export const words = (id: string) => id.replaceAll('_', ' ');
