import type { Reason } from '../../shared/refusals';
import { z } from 'zod';
import { SETTINGS } from '../../shared/clinic-settings';
import { problemsOf, type Problems } from '../../i18n/problem';
import { withRange } from '../../shared/rule-settings';
import { addDays, localDate, zonedTimeToInstant } from '../../shared/time-zone';
import type { Database } from '../db/client';
import { clinics } from '../db/schema';
import { clinicColumns, replaceClinicSetting, settingSaver } from './clinic-setting';

/**
 * When a class may be run and documented, per clinic (Settings, audited like the others):
 * - started from `startBeforeMinutes` before to `startAfterMinutes` after its scheduled start,
 *   and only on its own day in the clinic's zone, so nobody can run (and close) next week's class;
 * - entries taken while it may start (attendance and resting vitals come before "Start"), while
 *   it is live, and for `documentationHours` after it ended.
 */
export type ClassWindows = {
	timeZone: string;
	startBeforeMinutes: number;
	startAfterMinutes: number;
	documentationHours: number;
};

export type ClassWindowSettings = Omit<ClassWindows, 'timeZone'>;

export const CLASS_WINDOW_LIMITS = {
	startMinutes: { min: 0, max: 1440 },
	documentationHours: { min: 1, max: 720 }
} as const;

const minutes = z.coerce
	.number({ error: 'settings.enter-number' })
	.int('settings.windows.whole-minutes')
	.min(CLASS_WINDOW_LIMITS.startMinutes.min, 'settings.windows.minutes-range')
	.max(CLASS_WINDOW_LIMITS.startMinutes.max, 'settings.windows.minutes-range');

export const classWindowsSchema = z.object({
	startBeforeMinutes: minutes,
	startAfterMinutes: minutes,
	documentationHours: z.coerce
		.number({ error: 'settings.enter-number' })
		.int('settings.windows.whole-hours')
		.min(CLASS_WINDOW_LIMITS.documentationHours.min, 'settings.windows.hours-range')
		.max(CLASS_WINDOW_LIMITS.documentationHours.max, 'settings.windows.hours-range')
});

/** A refused edit's problems; a range message names both ends. */
function windowProblems(error: z.ZodError): Problems {
	return withRange(problemsOf(error), (_field, code) =>
		code === 'settings.windows.minutes-range'
			? CLASS_WINDOW_LIMITS.startMinutes
			: code === 'settings.windows.hours-range'
				? CLASS_WINDOW_LIMITS.documentationHours
				: undefined
	);
}

/** Where each setting is kept in the clinic's row (the audit row names them as here). */
const windowColumns = {
	startBeforeMinutes: clinics.startWindowBeforeMinutes,
	startAfterMinutes: clinics.startWindowAfterMinutes,
	documentationHours: clinics.documentationWindowHours
};

export async function clinicClassWindows(db: Database, clinicId: string): Promise<ClassWindows> {
	const row = await clinicColumns(db, clinicId, { timeZone: clinics.timeZone, ...windowColumns });
	if (!row) throw new Error(`No clinic ${clinicId}`);
	return row;
}

/** The stretch of time a class starting at `startsAt` may be started in. */
export function startWindow(startsAt: Date, windows: ClassWindows): { opens: Date; closes: Date } {
	const day = localDate(windows.timeZone, startsAt);
	const dayStarts = zonedTimeToInstant(day, '00:00', windows.timeZone).getTime();
	const dayEnds = zonedTimeToInstant(addDays(day, 1), '00:00', windows.timeZone).getTime() - 1;
	const at = startsAt.getTime();
	return {
		opens: new Date(Math.max(dayStarts, at - windows.startBeforeMinutes * 60_000)),
		closes: new Date(Math.min(dayEnds, at + windows.startAfterMinutes * 60_000))
	};
}

/** Null when the class may start at `now`; otherwise the refusal, saying when it can. */
export function startRefusal(startsAt: Date, windows: ClassWindows, now: number): Reason | null {
	const { opens, closes } = startWindow(startsAt, windows);
	if (now >= opens.getTime() && now <= closes.getTime()) return null;
	// Instants and the clinic's zone: the reader's page words them (refusalText).
	const params = {
		from: opens.toISOString(),
		until: closes.toISOString(),
		timeZone: windows.timeZone
	};
	return { code: now < opens.getTime() ? 'too-early' : 'too-late', params };
}

/** Null when entries are taken for this class now; otherwise why not (final: no retry). */
export function entryRefusal(
	session: { status: string; startsAt: Date; endedAt: Date | null },
	windows: ClassWindows,
	now: number
): Reason | null {
	switch (session.status) {
		case 'live':
			return null;
		case 'cancelled':
			return { code: 'entries-cancelled' };
		case 'completed': {
			const closes = (session.endedAt?.getTime() ?? 0) + windows.documentationHours * 3_600_000;
			return now <= closes
				? null
				: { code: 'entries-closed', params: { hours: windows.documentationHours } };
		}
		default: {
			const { opens, closes } = startWindow(session.startsAt, windows);
			if (now >= opens.getTime() && now <= closes.getTime()) return null;
			return now < opens.getTime()
				? {
						code: 'entries-not-open',
						params: { opens: opens.toISOString(), timeZone: windows.timeZone }
					}
				: { code: 'entries-never-started' };
		}
	}
}

export const saveClassWindows = settingSaver(
	classWindowsSchema,
	windowProblems,
	(db, clinicId, userId, next: ClassWindowSettings) =>
		replaceClinicSetting(db, clinicId, userId, {
			setting: SETTINGS.classWindows,
			columns: windowColumns,
			unchanged: (stored) =>
				(Object.keys(next) as (keyof ClassWindowSettings)[]).every(
					(key) => stored[key] === next[key]
				),
			set: {
				startWindowBeforeMinutes: next.startBeforeMinutes,
				startWindowAfterMinutes: next.startAfterMinutes,
				documentationWindowHours: next.documentationHours
			},
			before: (stored) => stored,
			after: next
		})
);
