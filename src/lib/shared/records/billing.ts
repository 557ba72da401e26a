/**
 * Billing arithmetic for class notes (clinical.md section 5). Pure, so the page, the service
 * and the exports agree.
 */

/** CPT 97150, group therapeutic procedures: untimed, 1 unit per participant, group of 2 or more. */
export const GROUP_CODE = '97150';
/** CPT 97113, aquatic therapy: one-to-one, timed in 15-minute units. */
export const AQUATIC_CODE = '97113';
export const MIN_GROUP_SIZE = 2;

export type GroupBilling =
	| { ok: true; code: typeof GROUP_CODE; units: 1 }
	| { ok: false; code: typeof GROUP_CODE; refusal: 'records.billing-group-too-small' };

/** 97150 for one participant of a group of `groupSize`; refused under 2 (it is not a group). */
export function groupBilling(groupSize: number): GroupBilling {
	return groupSize >= MIN_GROUP_SIZE
		? { ok: true, code: GROUP_CODE, units: 1 }
		: { ok: false, code: GROUP_CODE, refusal: 'records.billing-group-too-small' };
}

/**
 * 97113 units by the 8-minute rule: 8-22 min = 1, 23-37 = 2, 38-52 = 3, 53-67 = 4, and on by
 * 15; under 8 minutes bills nothing. Whole minutes only (a part minute does not count).
 */
export function units97113(minutes: number): number {
	if (!Number.isFinite(minutes)) return 0;
	const whole = Math.floor(minutes);
	if (whole < 8) return 0;
	return Math.floor((whole - 8) / 15) + 1;
}
