import { and, asc, eq } from 'drizzle-orm';
import { raisesAlert, type AlertAct, type AlertActionView } from '../../shared/alerts';
import type { StaffUser } from '../auth/session';
import type { Database } from '../db/client';
import { classAlertActions, participantEntries, users } from '../db/schema';
import { storedFindings } from '../db/stored-json';
import { clinicOwns } from '../planning/owned';
import { refuse, type Refusal } from '../../shared/refusals';

/**
 * Who saw an alert and what they did about it. An alert is the entry whose findings raised it;
 * the phone makes each action's id, so a retried send is answered as done, not stored twice.
 */

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/** Alert actions as the phones show them: with the name of who acted. */
function actionViews(db: Database | Tx) {
	return db
		.select({
			id: classAlertActions.id,
			entryId: classAlertActions.entryId,
			userId: classAlertActions.userId,
			by: users.name,
			action: classAlertActions.action,
			at: classAlertActions.at
		})
		.from(classAlertActions)
		.innerJoin(users, eq(users.id, classAlertActions.userId));
}

export async function alertActionsOf(
	db: Database,
	clinicId: string,
	sessionId: string
): Promise<AlertActionView[]> {
	const rows = await actionViews(db)
		.where(
			and(eq(classAlertActions.sessionId, sessionId), eq(classAlertActions.clinicId, clinicId))
		)
		.orderBy(asc(classAlertActions.at));
	return rows.map((row) => ({ ...row, at: row.at.getTime() }));
}

export type AlertActResult = { ok: true; duplicate: boolean; action: AlertActionView } | Refusal;

/** The alert entry an action is about, when it is one in this class of this clinic. */
async function alertEntry(db: Database | Tx, clinicId: string, sessionId: string, id: string) {
	const [row] = await db
		.select({
			participantId: participantEntries.participantId,
			kind: participantEntries.kind,
			findings: participantEntries.findings,
			findingsVersion: participantEntries.findingsVersion
		})
		.from(participantEntries)
		.where(
			and(
				eq(participantEntries.id, id),
				eq(participantEntries.sessionId, sessionId),
				eq(participantEntries.clinicId, clinicId)
			)
		);
	if (!row) return null;
	const findings = storedFindings(row.findings, {
		table: 'participant_entries',
		id,
		version: row.findingsVersion
	});
	return raisesAlert(row.kind, findings) ? { ...row, findings } : null;
}

/** Seen, recheck or stop class on an alert of the user's clinic. Bad input changes nothing. */
export async function recordAlertAction(
	db: Database,
	user: StaffUser,
	input: AlertAct
): Promise<AlertActResult> {
	if (!(await clinicOwns(db, 'classSessions', user.clinicId, input.sessionId))) {
		return refuse('class-not-found');
	}

	const existing = await actionById(db, input.id);
	if (existing) {
		const same =
			existing.entryId === input.entryId &&
			existing.userId === user.id &&
			existing.action === input.action;
		return same ? { ok: true, duplicate: true, action: existing } : refuse('action-id-used');
	}
	if (!(await alertEntry(db, user.clinicId, input.sessionId, input.entryId))) {
		return refuse('alert-not-found');
	}
	const inserted = await db
		.insert(classAlertActions)
		.values({
			id: input.id,
			clinicId: user.clinicId,
			sessionId: input.sessionId,
			entryId: input.entryId,
			userId: user.id,
			action: input.action
		})
		// 'seen' is kept once per person and alert: a second phone of theirs finds it done.
		.onConflictDoNothing()
		.returning({ id: classAlertActions.id });
	if (inserted.length === 0) {
		const [seen] = await db
			.select({ id: classAlertActions.id })
			.from(classAlertActions)
			.where(
				and(
					eq(classAlertActions.entryId, input.entryId),
					eq(classAlertActions.userId, user.id),
					eq(classAlertActions.action, 'seen')
				)
			);
		const earlier = seen ? await actionById(db, seen.id) : null;
		if (earlier) return { ok: true, duplicate: true, action: earlier };
		return refuse('action-id-used');
	}
	return { ok: true, duplicate: false, action: (await actionById(db, input.id))! };
}

async function actionById(db: Database | Tx, id: string): Promise<AlertActionView | null> {
	const [row] = await actionViews(db).where(eq(classAlertActions.id, id));
	return row ? { ...row, at: row.at.getTime() } : null;
}

/**
 * A sit-out entry made from an alert: whether the alert is there to link to (it may still be
 * on its way from another phone: the entry waits in the outbox and is sent again).
 */
export async function sitOutAlertReady(
	db: Database,
	clinicId: string,
	sessionId: string,
	participantId: string,
	alertId: string
): Promise<boolean> {
	const alert = await alertEntry(db, clinicId, sessionId, alertId);
	return alert?.participantId === participantId;
}

/** The action row of a sit-out entry, stored in the entry's transaction under the entry's id. */
export async function insertSitOutAction(
	tx: Tx,
	user: StaffUser,
	entry: { id: string; sessionId: string; alertId: string; recordedAt: number }
): Promise<void> {
	await tx
		.insert(classAlertActions)
		.values({
			id: entry.id,
			clinicId: user.clinicId,
			sessionId: entry.sessionId,
			entryId: entry.alertId,
			userId: user.id,
			action: 'sit_out',
			at: new Date(entry.recordedAt)
		})
		.onConflictDoNothing();
}

export async function sitOutActionView(db: Database, id: string) {
	return actionById(db, id);
}
