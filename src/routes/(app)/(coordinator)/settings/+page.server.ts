import { fail } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireCoordinator } from '$lib/server/auth/guard';
import { clinicTimeZone } from '$lib/server/classes/calendar';
import {
	clinicRules,
	recentRuleChanges,
	resetClinicRules,
	saveClinicRules
} from '$lib/server/settings/rules';
import { limitsFor, ruleFormInput } from '$lib/shared/rule-settings';
import { DEFAULT_VITAL_RULES, METRICS, labelFor, type VitalRule } from '$lib/shared/rules';
import { formatDateTime } from '$lib/shared/time-zone';
import type { Actions, PageServerLoad } from './$types';

/** What the table shows of a rule; the page itself stays free of zod and the defaults. */
function row(rule: VitalRule) {
	const shipped = DEFAULT_VITAL_RULES.find((d) => d.id === rule.id)!;
	const differs =
		shipped.threshold !== rule.threshold ||
		shipped.below !== rule.below ||
		shipped.action !== rule.action;
	return {
		id: rule.id,
		label: labelFor(rule),
		when: rule.when,
		comparator: rule.comparator,
		relative: rule.relativeToRest ?? false,
		threshold: rule.threshold,
		below: rule.below,
		unit: METRICS[rule.metric].unit,
		limits: limitsFor(rule),
		action: rule.action,
		enabled: rule.enabled !== false,
		advice: rule.advice,
		source: rule.source,
		verified: rule.verified,
		// The source vouches for the shipped numbers, not for a clinic's own: say which is which.
		shipped: differs ? `${labelFor(shipped)}, ${shipped.action}` : null
	};
}

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireCoordinator(locals);
	const app = await getApp();
	const [rules, changes, timeZone] = await Promise.all([
		clinicRules(app.db, user.clinicId),
		recentRuleChanges(app.db, user.clinicId, 10),
		clinicTimeZone(app.db, user.clinicId)
	]);
	return {
		rules: rules.map(row),
		changes: changes.map((change) => ({
			id: change.id,
			at: change.at.toISOString(),
			when: formatDateTime(change.at, timeZone),
			by: change.by,
			lines: change.lines
		}))
	};
};

export const actions: Actions = {
	save: async ({ request, locals }) => {
		const user = requireCoordinator(locals);
		const values = ruleFormInput(await request.formData());
		const app = await getApp();
		const result = await saveClinicRules(app.db, user.clinicId, user.id, values);
		if (!result.ok) return fail(400, { values, errors: result.errors, message: null });
		if (result.changed) app.log.info({ userId: user.id }, 'vital-sign rules changed');
		return {
			values: null,
			errors: null,
			message: result.changed ? 'Saved. The new rules apply to the next reading.' : 'No changes.'
		};
	},
	reset: async ({ locals }) => {
		const user = requireCoordinator(locals);
		const app = await getApp();
		const { changed } = await resetClinicRules(app.db, user.clinicId, user.id);
		if (changed) app.log.info({ userId: user.id }, 'vital-sign rules reset to defaults');
		return {
			values: null,
			errors: null,
			message: changed ? 'Defaults restored.' : 'These are already the defaults.'
		};
	}
};
