import { and, eq } from 'drizzle-orm';
import type { Entry } from '../../shared/entries';
import { activeEntries, entriesOf, findingsForEntry } from '../../shared/clipboard';
import type { Vitals } from '../../shared/vitals';
import type { Finding } from '../../shared/rules';
import { classState, expandBlock } from '../../shared/timeline';
import type { StaffUser } from '../auth/session';
import type { Database } from '../db/client';
import { classNotes, classSessions, participantEntries, rooms } from '../db/schema';
import { CURRENT, storedFindings, storedPayload } from '../db/stored-json';
import { isOnRoster } from '../roster/roster';
import { clinicClassWindows, entryRefusal } from '../settings/class-windows';
import { rulesForClass } from '../settings/rules';
import type { LiveClassService } from '../live/live-classes';
import { insertSitOutAction, sitOutAlertReady } from '../alerts/alert-actions';
import { refuse, refusedFor, type Refusal } from '../../shared/refusals';

const FUTURE_SLACK_MS = 10 * 60 * 1000;
const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

export type RecordResult =
	| {
			ok: true;
			duplicate: boolean;
			findings: Finding[];
			at: { blockIndex: number; blockSecond: number } | null;
	  }
	| Refusal;

/**
 * Stores one entry from a phone, exactly once. Refuses entries for a class of another clinic or a
 * participant not on the class's roster; applies the clinic's vital-sign rules; stamps where the
 * class was (block, second) when it was recorded.
 */
export async function recordEntry(
	db: Database,
	live: LiveClassService,
	user: StaffUser,
	entry: Entry
): Promise<RecordResult> {
	// The clinic first: nothing about an entry id is told to staff of another clinic.
	const [session] = await db
		.select({
			id: classSessions.id,
			roomId: classSessions.roomId,
			status: classSessions.status,
			startsAt: classSessions.startsAt,
			endedAt: classSessions.endedAt
		})
		.from(classSessions)
		.where(and(eq(classSessions.id, entry.sessionId), eq(classSessions.clinicId, user.clinicId)));
	if (!session) return refuse('class-not-found');

	const [existing] = await db
		.select({
			sessionId: participantEntries.sessionId,
			findings: participantEntries.findings,
			findingsVersion: participantEntries.findingsVersion
		})
		.from(participantEntries)
		.where(eq(participantEntries.id, entry.id));
	if (existing) {
		if (existing.sessionId !== entry.sessionId) return refuse('entry-id-used');
		const findings = storedFindings(existing.findings, {
			table: 'participant_entries',
			id: entry.id,
			version: existing.findingsVersion
		});
		return { ok: true, duplicate: true, findings, at: null };
	}

	// Only while the class can start, runs, or was just documented (Settings): not next week's
	// class, nor one long closed. Final, not passing: the phone shows it and stops sending.
	const closed = entryRefusal(session, await clinicClassWindows(db, user.clinicId), Date.now());
	if (closed) return refusedFor(closed);

	// recordedAt orders entries (the latest mark counts), so it must be a believable time: a
	// phone may send a day-old entry after a long time offline, but not one from the future.
	const now = Date.now();
	if (entry.recordedAt > now + FUTURE_SLACK_MS || entry.recordedAt < now - MAX_AGE_MS) {
		return refuse('phone-clock-wrong');
	}

	if (entry.supersedes) {
		const [target] = await db
			.select({
				sessionId: participantEntries.sessionId,
				participantId: participantEntries.participantId,
				kind: participantEntries.kind
			})
			.from(participantEntries)
			.where(eq(participantEntries.id, entry.supersedes));
		const sameKind = entry.payload.kind === 'retraction' || target?.kind === entry.payload.kind;
		if (
			!target ||
			target.sessionId !== entry.sessionId ||
			target.participantId !== entry.participantId ||
			!sameKind
		) {
			// Passing: the entry it replaces may still be on its way from another phone.
			return { ...refuse('replaced-entry-missing'), retry: true };
		}
	}

	if (entry.participantId === null) {
		const [room] = await db
			.select({ kind: rooms.kind })
			.from(rooms)
			.where(eq(rooms.id, session.roomId));
		if (room?.kind !== 'pool') return refuse('headcount-out-pool-only');
	} else if (!(await isOnRoster(db, user.clinicId, session.id, entry.participantId))) {
		return refuse('participant-not-in-class');
	}

	// A sit-out from an alert links to it; the alert may still be on its way from another phone.
	const alertId = entry.payload.kind === 'sit_out' ? entry.payload.alertId : undefined;
	if (
		alertId &&
		!(await sitOutAlertReady(db, user.clinicId, session.id, entry.participantId!, alertId))
	) {
		return { ...refuse('sit-out-alert-missing'), retry: true };
	}

	const findings = await findingsFor(db, user.clinicId, entry);
	const where = await positionInClass(live, user, entry);
	// The entry and the alert action it makes are stored together, or neither is.
	return db.transaction(async (tx): Promise<RecordResult> => {
		// Checked in the transaction that stores the entry, as late as it can be: a signed note is
		// the record, and what comes after it is an addendum, never a silent change. Final: the
		// phone keeps the entry and says so.
		if (entry.participantId !== null && (await noteSigned(tx, session.id, entry.participantId))) {
			return refuse('note-signed');
		}
		const inserted = await insertEntry(tx, user, entry, findings, where);
		if (alertId && inserted.length > 0) {
			await insertSitOutAction(tx, user, { ...entry, alertId });
		}
		return { ok: true, duplicate: inserted.length === 0, findings, at: where };
	});
}

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * Whether this participant's note for this class is signed (or amended after signing). The row
 * is read FOR SHARE: a signing under way (an UPDATE of it) is waited for and its outcome seen, so
 * no entry slips in beside a note signed at the same instant.
 */
async function noteSigned(tx: Tx, sessionId: string, participantId: string): Promise<boolean> {
	const [note] = await tx
		.select({ state: classNotes.state })
		.from(classNotes)
		.where(and(eq(classNotes.sessionId, sessionId), eq(classNotes.participantId, participantId)))
		.for('share');
	return note !== undefined && note.state !== 'open';
}

function insertEntry(
	tx: Tx,
	user: StaffUser,
	entry: Entry,
	findings: Finding[],
	where: { blockIndex: number; blockSecond: number } | null
) {
	return (
		tx
			.insert(participantEntries)
			.values({
				id: entry.id,
				clinicId: user.clinicId,
				sessionId: entry.sessionId,
				participantId: entry.participantId,
				kind: entry.payload.kind,
				payload: entry.payload,
				payloadVersion: CURRENT.payload,
				supersedes: entry.supersedes,
				recordedAt: new Date(entry.recordedAt),
				userId: user.id,
				deviceId: entry.deviceId,
				blockIndex: where?.blockIndex,
				blockSecond: where?.blockSecond,
				findings,
				findingsVersion: CURRENT.findings
			})
			// Two sends of one entry racing each other: the second is a duplicate, not an error.
			.onConflictDoNothing()
			.returning({ id: participantEntries.id })
	);
}

async function findingsFor(db: Database, clinicId: string, entry: Entry): Promise<Finding[]> {
	if (entry.participantId === null) return [];
	let earlierVitals: Vitals[] = [];
	if (entry.payload.kind === 'vitals') {
		const rows = await db
			.select({
				id: participantEntries.id,
				payload: participantEntries.payload,
				payloadVersion: participantEntries.payloadVersion,
				supersedes: participantEntries.supersedes,
				recordedAt: participantEntries.recordedAt
			})
			.from(participantEntries)
			.where(
				and(
					eq(participantEntries.sessionId, entry.sessionId),
					eq(participantEntries.participantId, entry.participantId)
				)
			);
		// The same reading of the history as the phones: withdrawn or corrected readings don't count.
		const stored = rows.map((row) => ({
			entry: {
				...entry,
				id: row.id,
				payload: storedPayload(row.payload, {
					table: 'participant_entries',
					id: row.id,
					version: row.payloadVersion
				}),
				supersedes: row.supersedes ?? undefined,
				recordedAt: row.recordedAt.getTime()
			},
			findings: [],
			by: ''
		}));
		earlierVitals = entriesOf(activeEntries(stored), 'vitals').map((e) => e.entry.payload.vitals);
	}
	return findingsForEntry(
		entry.payload,
		await rulesForClass(db, clinicId, entry.sessionId),
		earlierVitals
	);
}

async function positionInClass(live: LiveClassService, user: StaffUser, entry: Entry) {
	const loaded = await live.get(entry.sessionId, user.clinicId);
	if (!loaded?.plan || loaded.log.length === 0) return null;
	const state = classState(loaded.plan, loaded.log, entry.recordedAt);
	if (state.status === 'not_started' || !state.block) return null;
	const before = expandBlock(state.block)
		.slice(0, state.segmentIndex)
		.reduce((total, segment) => total + (segment.durationMs ?? segment.plannedMs), 0);
	return {
		blockIndex: state.blockIndex,
		blockSecond: Math.floor((before + state.segmentElapsedMs) / 1000)
	};
}
