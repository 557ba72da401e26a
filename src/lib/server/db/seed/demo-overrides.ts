/**
 * The demo clinic keeps its own rules: whoever the enrolment checks would refuse a place (a pool
 * exclusion in a pool class) is enrolled with a coordinator's written reason, as the enrolment
 * service records it. Keyed by the participant's full name; the seed refuses to enrol a flagged
 * participant who has no reason here.
 */
export const DEMO_OVERRIDE_REASONS: Record<string, string> = {
	'Nadia Petrova':
		'Wound nurse cleared the pool with a waterproof dressing over the graft; check the dressing is sealed before she gets in.'
};
