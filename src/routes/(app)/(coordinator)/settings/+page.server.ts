import { readForm } from '$lib/server/http/form-data';
import { refuse } from '$lib/server/http/refuse';
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
import type { MessageKey } from '$lib/i18n/catalog';
import { CLASS_WINDOW_FIELDS } from '$lib/shared/clinic-settings';
import { EXERTION_SCALES } from '$lib/shared/domain';
import { DEFAULT_POOL_RANGES, poolRangesFormInput } from '$lib/shared/pool';
import { limitsFor, ruleFormInput } from '$lib/shared/rule-settings';
import { DEFAULT_VITAL_RULES, type VitalRule } from '$lib/shared/rules';
import type { Actions, PageServerLoad } from './$types';

/** The page's forms, each told apart in what an action answers. */
type Section = 'rules' | 'scale' | 'pool' | 'ratios' | 'windows';

/** What was saved (or that nothing changed), as a code the section words. */
const done = <S extends Section>(section: S, changed: boolean, saved: MessageKey) => ({
	section,
	done: changed ? saved : ('settings.no-changes' as MessageKey)
});

/** A refused section: its problems, and what was typed, to show again. */
const refused = <S extends Section, T>(
	section: S,
	problems: Parameters<typeof refuse>[1],
	typed: T
) => refuse(400, problems, { section, typed });

/** What the table shows of a rule: the rule itself (the page words it), and the shipped one. */
function row(rule: VitalRule) {
	const shipped = DEFAULT_VITAL_RULES.find((d) => d.id === rule.id)!;
	const differs =
		shipped.threshold !== rule.threshold ||
		shipped.below !== rule.below ||
		shipped.action !== rule.action;
	return {
		rule,
		limits: limitsFor(rule),
		enabled: rule.enabled !== false,
		// The source vouches for the shipped numbers, not for a clinic's own: say which is which.
		shipped: differs ? shipped : null
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
		scales: EXERTION_SCALES,
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
		timeZone,
		changes: changes.map((change) => ({ ...change, at: change.at.toISOString() }))
	};
};

export const actions: Actions = {
	save: async ({ request, locals }) => {
		const user = signedIn(locals);
		const values = ruleFormInput(await readForm(request));
		const { app } = locals;
		const result = await saveClinicRules(app.db, user.clinicId, user.id, values);
		if (!result.ok) return refused('rules', result.problems, values);
		if (result.changed) app.log.info({ userId: user.id }, 'vital-sign rules changed');
		return done('rules', result.changed, 'settings.rules.saved');
	},
	reset: async ({ locals }) => {
		const user = signedIn(locals);
		const { app } = locals;
		const { changed } = await resetClinicRules(app.db, user.clinicId, user.id);
		if (changed) app.log.info({ userId: user.id }, 'vital-sign rules reset to defaults');
		return {
			section: 'rules' as const,
			done: (changed ? 'settings.rules.restored' : 'settings.already-defaults') as MessageKey
		};
	},
	scale: async ({ request, locals }) => {
		const user = signedIn(locals);
		const value = (await readForm(request)).get('defaultExertionScale');
		const { app } = locals;
		const result = await saveDefaultExertionScale(app.db, user.clinicId, user.id, {
			defaultExertionScale: typeof value === 'string' ? value.slice(0, 20) : undefined
		});
		if (!result.ok) return refused('scale', result.problems, null);
		if (result.changed) app.log.info({ userId: user.id }, 'default exertion scale changed');
		return done('scale', result.changed, 'settings.scale.saved');
	},
	poolRanges: async ({ request, locals }) => {
		const user = signedIn(locals);
		const values = poolRangesFormInput(await readForm(request));
		const { app } = locals;
		const result = await savePoolRanges(app.db, user.clinicId, user.id, values);
		if (!result.ok) return refused('pool', result.problems, values);
		if (result.changed) app.log.info({ userId: user.id }, 'pool ranges changed');
		return done('pool', result.changed, 'settings.pool.saved');
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
		if (!result.ok) return refused('ratios', result.problems, input);
		if (result.changed) app.log.info({ userId: user.id }, 'staff ratios changed');
		return done('ratios', result.changed, 'settings.ratios.saved');
	},
	classWindows: async ({ request, locals }) => {
		const user = signedIn(locals);
		const form = await readForm(request);
		const values: Record<string, string> = {};
		for (const key of CLASS_WINDOW_FIELDS) {
			const value = form.get(key);
			values[key] = typeof value === 'string' ? value.slice(0, 10) : '';
		}
		const { app } = locals;
		const result = await saveClassWindows(app.db, user.clinicId, user.id, values);
		if (!result.ok) return refused('windows', result.problems, values);
		if (result.changed) app.log.info({ userId: user.id }, 'class windows changed');
		return done('windows', result.changed, 'settings.windows.saved');
	},
	resetPoolRanges: async ({ locals }) => {
		const user = signedIn(locals);
		const { app } = locals;
		const { changed } = await resetPoolRanges(app.db, user.clinicId, user.id);
		if (changed) app.log.info({ userId: user.id }, 'pool ranges reset to defaults');
		return {
			section: 'pool' as const,
			done: (changed ? 'settings.pool.restored' : 'settings.already-defaults') as MessageKey
		};
	}
};
