import type { SupportTier } from '../../shared/domain';
import type { EntryPayload } from '../../shared/entries';

/**
 * The support tier a participant used in a class, from their modifications entries there: any
 * "seated" makes it seated, else any hand support makes it supported, else standing. The most
 * supported tier wins, so the home sheet never asks for more than the class saw.
 */
export function tierFromEntries(payloads: readonly EntryPayload[]): SupportTier {
	const used = new Set(
		payloads.flatMap((payload) => (payload.kind === 'modifications' ? payload.modifications : []))
	);
	if (used.has('seated')) return 'seated';
	if (used.has('one_hand_support') || used.has('two_hand_support')) return 'supported';
	return 'standing';
}
