import { fail } from '@sveltejs/kit';
import { readForm } from '$lib/server/http/form-data';
import { signedIn } from '$lib/server/auth/guard';
import { clinicTimeZone } from '$lib/server/classes/calendar';
import { listRooms } from '$lib/server/planning/lists';
import {
	clinicDefaultExertionScale,
	clinicPoolRanges,
	resetPoolRanges,
	saveDefaultExertionScale,
	saveStaffRatios,
	savePoolRanges
} from '$lib/server/settings/clinic-options';
import { clinicClassWindows, saveClassWindows } from '$lib/server/settings/class-windows';
import { clinicRules, resetClinicRules, saveClinicRules } from '$lib/server/settings/rules';
import { recentSettingChanges } from '$lib/server/settings/setting-changes';
import { EXERTION_SCALE_LABELS } from '$lib/shared/clinic-settings';
import { EXERTION_SCALES } from '$lib/shared/domain';
import { DEFAULT_POOL_RANGES, poolRangesFormInput } from '$lib/shared/pool';
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
	const user = signedIn(locals);
	const { app } = locals;
	const [rules, changes, timeZone, poolRanges, defaultScale, rooms, windows] = await Promise.all([
		clinicRules(app.db, user.clinicId),
		recentSettingChanges(app.db, user.clinicId, 10),
		clinicTimeZone(app.db, user.clinicId),
		clinicPoolRanges(app.db, user.clinicId),
		clinicDefaultExertionScale(app.db, user.clinicId),
		listRooms(app.db, user.clinicId),
		clinicClassWindows(app.db, user.clinicId)
	]);
	return {
		rules: rules.map(row),
		poolRanges,
		defaultPoolRanges: DEFAULT_POOL_RANGES,
		defaultScale,
		classWindows: {
			startBeforeMinutes: windows.startBeforeMinutes,
			startAfterMinutes: windows.startAfterMinutes,
			documentationHours: windows.documentationHours
		},
		scales: EXERTION_SCALES.map((id) => ({ id, label: EXERTION_SCALE_LABELS[id] })),
		// Staff ratios are edited here too (audited); everything else about rooms on /rooms.
		poolRooms: rooms
			.filter((room) => room.kind === 'pool')
			.map((room) => ({
				id: room.id,
				name: room.name,
				waterTempMinC: room.waterTempMinC,
				waterTempMaxC: room.waterTempMaxC,
				participantsPerStaff: room.participantsPerStaff
			})),
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
		const user = signedIn(locals);
		const values = ruleFormInput(await readForm(request));
		const { app } = locals;
		const result = await saveClinicRules(app.db, user.clinicId, user.id, values);
		if (!result.ok) {
			return fail(400, { section: 'rules' as const, values, errors: result.errors, message: null });
		}
		if (result.changed) app.log.info({ userId: user.id }, 'vital-sign rules changed');
		return {
			section: 'rules' as const,
			values: null,
			errors: null,
			message: result.changed ? 'Saved. The new rules apply to the next reading.' : 'No changes.'
		};
	},
	reset: async ({ locals }) => {
		const user = signedIn(locals);
		const { app } = locals;
		const { changed } = await resetClinicRules(app.db, user.clinicId, user.id);
		if (changed) app.log.info({ userId: user.id }, 'vital-sign rules reset to defaults');
		return {
			section: 'rules' as const,
			values: null,
			errors: null,
			message: changed ? 'Defaults restored.' : 'These are already the defaults.'
		};
	},
	scale: async ({ request, locals }) => {
		const user = signedIn(locals);
		const value = (await readForm(request)).get('defaultExertionScale');
		const { app } = locals;
		const result = await saveDefaultExertionScale(app.db, user.clinicId, user.id, {
			defaultExertionScale: typeof value === 'string' ? value.slice(0, 20) : undefined
		});
		if (!result.ok) return fail(400, { section: 'scale' as const, errors: result.errors });
		if (result.changed) app.log.info({ userId: user.id }, 'default exertion scale changed');
		return {
			section: 'scale' as const,
			message: result.changed ? 'Saved. Classes planned from now on use this scale.' : 'No changes.'
		};
	},
	poolRanges: async ({ request, locals }) => {
		const user = signedIn(locals);
		const values = poolRangesFormInput(await readForm(request));
		const { app } = locals;
		const result = await savePoolRanges(app.db, user.clinicId, user.id, values);
		if (!result.ok) return fail(400, { section: 'pool' as const, values, errors: result.errors });
		if (result.changed) app.log.info({ userId: user.id }, 'pool ranges changed');
		return {
			section: 'pool' as const,
			message: result.changed ? 'Saved. The next pool check uses these ranges.' : 'No changes.'
		};
	},
	staffRatios: async ({ request, locals }) => {
		const user = signedIn(locals);
		const form = await readForm(request);
		const input: Record<string, string> = {};
		for (const [key, value] of form) {
			if (key.startsWith('ratio-') && typeof value === 'string') input[key.slice(6)] = value;
		}
		const { app } = locals;
		const result = await saveStaffRatios(app.db, user.clinicId, user.id, input);
		if (!result.ok) {
			return fail(400, { section: 'ratios' as const, values: input, errors: result.errors });
		}
		if (result.changed) app.log.info({ userId: user.id }, 'staff ratios changed');
		return {
			section: 'ratios' as const,
			message: result.changed
				? 'Saved. Series are checked against it when next saved.'
				: 'No changes.'
		};
	},
	classWindows: async ({ request, locals }) => {
		const user = signedIn(locals);
		const form = await readForm(request);
		const values: Record<string, string> = {};
		for (const key of ['startBeforeMinutes', 'startAfterMinutes', 'documentationHours']) {
			const value = form.get(key);
			values[key] = typeof value === 'string' ? value.slice(0, 10) : '';
		}
		const { app } = locals;
		const result = await saveClassWindows(app.db, user.clinicId, user.id, values);
		if (!result.ok) {
			return fail(400, { section: 'windows' as const, values, errors: result.errors });
		}
		if (result.changed) app.log.info({ userId: user.id }, 'class windows changed');
		return {
			section: 'windows' as const,
			message: result.changed ? 'Saved. Applies to the next start and entry.' : 'No changes.'
		};
	},
	resetPoolRanges: async ({ locals }) => {
		const user = signedIn(locals);
		const { app } = locals;
		const { changed } = await resetPoolRanges(app.db, user.clinicId, user.id);
		if (changed) app.log.info({ userId: user.id }, 'pool ranges reset to defaults');
		return {
			section: 'pool' as const,
			message: changed ? 'Pool ranges back to the defaults.' : 'These are already the defaults.'
		};
	}
};
