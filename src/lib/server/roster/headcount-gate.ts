import { activeEntries, headcountCheck } from '../../shared/clipboard';
import type { Reason } from '../../shared/refusals';
import type { Database } from '../db/client';
import { classClipboard } from './roster';

/**
 * Pool classes end only when as many people have come out of the water as are in the class:
 * the reason the class cannot end yet, or null when it can.
 */
export async function poolEndBlocked(
	db: Database,
	clinicId: string,
	sessionId: string
): Promise<Reason | null> {
	const clipboard = await classClipboard(db, clinicId, sessionId);
	if (!clipboard?.pool) return null;
	const check = headcountCheck(
		activeEntries(clipboard.entries),
		clipboard.roster.map((member) => member.participantId)
	);
	if (check.state === 'not_counted') {
		return { code: 'headcount-out-missing', params: { here: check.here } };
	}
	if (check.state === 'mismatch') {
		return { code: 'headcount-out-mismatch', params: { out: check.out, here: check.here } };
	}
	return null;
}
