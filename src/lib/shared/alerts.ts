import { z } from 'zod';
import { entriesOf } from './clipboard';
import { describeEntry } from './describe-entry';
import type { StoredEntry } from './roster';
import type { Finding, Wording } from './rules';
import type { Vitals } from './vitals';

/**
 * Alerts that name the person: an entry whose findings say STOP or HOLD (or an adverse event)
 * is shown as an overlay on every staff phone in the class until each person acts on it or
 * dismisses it. What staff did about it is kept per alert (class_alert_actions) and shown.
 * Only staff sockets in the class's room ever receive any of this; displays never do.
 */

export const ALERT_ACTIONS = ['seen', 'sit_out', 'recheck', 'stop_class'] as const;
export type AlertAction = (typeof ALERT_ACTIONS)[number];

/** A reminder to take the vitals again comes this long after "Recheck". */
export const RECHECK_AFTER_MS = 2 * 60 * 1000;

/**
 * An action sent on its own (sit_out is an entry: it travels through the outbox, and the
 * server stores its action row with it). The id is made on the phone: a retry is recognised.
 */
export const alertActSchema = z
	.object({
		id: z.uuid('refusal.problem.not-an-id'),
		sessionId: z.uuid('refusal.problem.not-an-id'),
		entryId: z.uuid('refusal.problem.not-an-id'),
		action: z.enum(['seen', 'recheck', 'stop_class'])
	})
	.strict();
export type AlertAct = z.infer<typeof alertActSchema>;

/** One action on one alert, as phones show it. `at`: server epoch ms. */
export type AlertActionView = {
	id: string;
	entryId: string;
	userId: string;
	by: string;
	action: AlertAction;
	at: number;
};

export type AlertSeverity = 'STOP' | 'HOLD' | 'ADVERSE EVENT';

export type ClassAlert = {
	entry: StoredEntry;
	severity: AlertSeverity;
	/** The STOP and HOLD findings, one line each on the overlay. */
	findings: Finding[];
};

const raises = (f: Finding) => f.action === 'STOP' || f.action === 'HOLD';

/** The class's alerts, oldest first: entries still counting whose findings say STOP or HOLD. */
export function classAlerts(active: StoredEntry[]): ClassAlert[] {
	const alerts: ClassAlert[] = [];
	for (const entry of active) {
		const findings = entry.findings.filter(raises);
		if (entry.entry.payload.kind === 'adverse_event') {
			alerts.push({ entry, severity: 'ADVERSE EVENT', findings });
		} else if (findings.length > 0) {
			const stop = findings.some((f) => f.action === 'STOP');
			alerts.push({ entry, severity: stop ? 'STOP' : 'HOLD', findings });
		}
	}
	return alerts;
}

/** An entry raises an alert (the server checks this before storing an action on it). */
export function raisesAlert(kind: string, findings: Finding[]): boolean {
	return kind === 'adverse_event' || findings.some(raises);
}

/** "HR 142 bpm", "SpO2 86 %": each value taken, with its unit. */
export function vitalValues({ t }: Wording, v: Vitals): string[] {
	return [
		v.heartRate !== undefined && t('alerts.value.heart-rate', { value: v.heartRate }),
		v.systolic !== undefined &&
			t('alerts.value.bp', { systolic: v.systolic, diastolic: v.diastolic ?? '' }),
		v.spo2 !== undefined && t('alerts.value.spo2', { value: v.spo2 }),
		v.glucose !== undefined && t('alerts.value.glucose', { value: v.glucose }),
		v.temperatureC !== undefined && t('alerts.value.temperature', { value: v.temperatureC })
	].filter((part): part is string => typeof part === 'string');
}

/** What was recorded, in parts the overlay keeps whole: the values for vitals, else the entry's line. */
export function alertValueParts(words: Wording, alert: ClassAlert): string[] {
	const payload = alert.entry.entry.payload;
	if (payload.kind !== 'vitals') return [describeEntry(words, payload)];
	const values = vitalValues(words, payload.vitals);
	const last = values.length - 1;
	values[last] = words.t('alerts.value.timing', {
		value: values[last] ?? '',
		timing: words.t(`vitals-timing.${payload.vitals.timing}`)
	});
	return values;
}

export function alertValues(words: Wording, alert: ClassAlert): string {
	return alertValueParts(words, alert).join(' · ');
}

/** Since when a participant sits out (server epoch ms), or null when they are not. */
export function restingSince(active: StoredEntry[], participantId: string): number | null {
	const marks = [
		...entriesOf(active, 'sit_out', participantId),
		...entriesOf(active, 'back_in', participantId)
	].sort((a, b) => a.entry.recordedAt - b.entry.recordedAt);
	const last = marks.at(-1);
	return last?.entry.payload.kind === 'sit_out' ? last.entry.recordedAt : null;
}

/** "Seen by Sam 10:42 · Sit out by Alex 10:42", oldest first. */
export function describeActions(
	{ t }: Wording,
	actions: AlertActionView[],
	time: (ms: number) => string
): string {
	return [...actions]
		.sort((a, b) => a.at - b.at)
		.map((a) =>
			t('alerts.acted', { action: t(`alerts.action.${a.action}`), by: a.by, time: time(a.at) })
		)
		.join(' · ');
}

export type DueRecheck = { action: AlertActionView; participantId: string; dueAt: number };

/**
 * This person's rechecks: each is due RECHECK_AFTER_MS after it was asked for, and done once a
 * new vitals reading of that participant is recorded after the ask. Derived from stored
 * actions, so a reloaded page (or the person's other phone) shows the same reminders.
 */
export function pendingRechecks(
	actions: AlertActionView[],
	active: StoredEntry[],
	userId: string
): DueRecheck[] {
	const byId = new Map(active.map((e) => [e.entry.id, e]));
	const pending: DueRecheck[] = [];
	for (const action of actions) {
		if (action.action !== 'recheck' || action.userId !== userId) continue;
		const participantId = byId.get(action.entryId)?.entry.participantId;
		if (!participantId) continue;
		const rechecked = entriesOf(active, 'vitals', participantId).some(
			(e) => e.entry.recordedAt > action.at
		);
		if (!rechecked) {
			pending.push({ action, participantId, dueAt: action.at + RECHECK_AFTER_MS });
		}
	}
	return pending.sort((a, b) => a.dueAt - b.dueAt);
}
