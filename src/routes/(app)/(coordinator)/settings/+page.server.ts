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
import { clinicRecordSettings, saveRecordSettings } from '$lib/server/settings/records';
import { clinicRules, resetClinicRules, saveClinicRules } from '$lib/server/settings/rules';
import { recentSettingChanges } from '$lib/server/settings/setting-changes';
import type { MessageKey } from '$lib/i18n/catalog';
import type { Problems } from '$lib/i18n/problem';
import type { Database } from '$lib/server/db/client';
import { CLASS_WINDOW_FIELDS } from '$lib/shared/clinic-settings';
import { EXERTION_SCALES } from '$lib/shared/domain';
import { DEFAULT_POOL_RANGES, poolRangesFormInput } from '$lib/shared/pool';
import { limitsFor, ruleFormInput } from '$lib/shared/rule-settings';
import { DEFAULT_VITAL_RULES, type VitalRule } from '$lib/shared/rules';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The page's forms, each told apart in what an action answers. */
type Section = 'rules' | 'scale' | 'pool' | 'ratios' | 'windows' | 'records';

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
	const [rules, changes, timeZone, poolRanges, defaultScale, rooms, windows, records] =
		await Promise.all([
			clinicRules(app.db, user.clinicId),
			recentSettingChanges(app.db, user.clinicId, 10),
			clinicTimeZone(app.db, user.clinicId),
			clinicPoolRanges(app.db, user.clinicId),
			clinicDefaultExertionScale(app.db, user.clinicId),
			listRooms(app.db, user.clinicId),
			clinicClassWindows(app.db, user.clinicId),
			clinicRecordSettings(app.db, user.clinicId)
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
		records,
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

/** What every settings service answers to a save. */
type SaveResult = { ok: true; changed: boolean } | { ok: false; problems: Problems };
type Save<T> = (db: Database, clinicId: string, userId: string, input: T) => Promise<SaveResult>;
type Reset = (db: Database, clinicId: string, userId: string) => Promise<{ changed: boolean }>;

/**
 * A section's form: what was typed is read, saved (the service writes the audit row), logged when
 * it changed something, and answered with what was saved or refused with what was typed.
 */
function saveAction<S extends Section, T>(
	section: S,
	read: (form: FormData) => T,
	save: Save<T>,
	changedLog: string,
	saved: MessageKey
) {
	return async ({ request, locals }: RequestEvent) => {
		const user = signedIn(locals);
		const values = read(await readForm(request));
		const { app } = locals;
		const result = await save(app.db, user.clinicId, user.id, values);
		if (!result.ok) return refused(section, result.problems, values);
		if (result.changed) app.log.info({ userId: user.id }, changedLog);
		return done(section, result.changed, saved);
	};
}

/** A section's shipped defaults put back (audited); `restored` only when that changed anything. */
function resetAction<S extends Section>(
	section: S,
	reset: Reset,
	changedLog: string,
	restored: MessageKey
) {
	return async ({ locals }: RequestEvent) => {
		const user = signedIn(locals);
		const { app } = locals;
		const { changed } = await reset(app.db, user.clinicId, user.id);
		if (changed) app.log.info({ userId: user.id }, changedLog);
		return {
			section,
			done: changed ? restored : ('settings.already-defaults' as MessageKey)
		};
	};
}

/** The staff ratio of each pool, by room id, from its `ratio-<room id>` field. */
function staffRatioInput(form: FormData): Record<string, string> {
	const input: Record<string, string> = {};
	for (const [key, value] of form) {
		if (key.startsWith('ratio-') && typeof value === 'string') input[key.slice(6)] = value;
	}
	return input;
}

/** The Records section as typed: the checkbox's "on" (absent when unticked) and the contact. */
function recordsInput(form: FormData): { requireCosign: string; contact: string } {
	const cosign = form.get('requireCosign');
	const contact = form.get('contact');
	return {
		requireCosign: typeof cosign === 'string' ? cosign.slice(0, 10) : '',
		// Kept a little past the limit, so the problem is "too long" and not a silent cut.
		contact: typeof contact === 'string' ? contact.slice(0, 1000) : ''
	};
}

function classWindowInput(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const key of CLASS_WINDOW_FIELDS) {
		const value = form.get(key);
		values[key] = typeof value === 'string' ? value.slice(0, 10) : '';
	}
	return values;
}

export const actions: Actions = {
	save: saveAction(
		'rules',
		ruleFormInput,
		saveClinicRules,
		'vital-sign rules changed',
		'settings.rules.saved'
	),
	reset: resetAction(
		'rules',
		resetClinicRules,
		'vital-sign rules reset to defaults',
		'settings.rules.restored'
	),
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
	poolRanges: saveAction(
		'pool',
		poolRangesFormInput,
		savePoolRanges,
		'pool ranges changed',
		'settings.pool.saved'
	),
	staffRatios: saveAction(
		'ratios',
		staffRatioInput,
		saveStaffRatios,
		'staff ratios changed',
		'settings.ratios.saved'
	),
	classWindows: saveAction(
		'windows',
		classWindowInput,
		saveClassWindows,
		'class windows changed',
		'settings.windows.saved'
	),
	records: saveAction(
		'records',
		recordsInput,
		saveRecordSettings,
		'record settings changed',
		'records.settings.saved'
	),
	resetPoolRanges: resetAction(
		'pool',
		resetPoolRanges,
		'pool ranges reset to defaults',
		'settings.pool.restored'
	)
};
