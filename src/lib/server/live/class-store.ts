import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { ClassType } from '../../shared/domain';
import type { StaffLogEntry } from '../../shared/live';
import type { RoutinePlan } from '../../shared/timeline';
import { displayActor } from '../../shared/displays';
import type { Database } from '../db/client';
import { classCommands, classSessions, displays, users } from '../db/schema';
import { storedCommand, storedPlan } from '../db/stored-json';
import { frozenPlan } from './plan';

/**
 * One class as a process holds it: the frozen plan and the command log, in order. It is a cache
 * of the database: `version` says how far it is, and `classVersion` how far the database is.
 */
export type LoadedClass = {
	sessionId: string;
	clinicId: string;
	roomId: string;
	name: string;
	type: ClassType;
	status: 'scheduled' | 'live' | 'completed' | 'cancelled';
	routineVersionId: string;
	startsAt: Date;
	/** The run that counts (class_sessions.log_epoch): a reopen starts a new one at seq 1. */
	epoch: number;
	plan: RoutinePlan | null;
	log: StaffLogEntry[];
	/** clientCommandId -> seq, so a retried command is answered without applying it twice. */
	seqByClientId: Map<string, number>;
};

/** What decides whether a cached class is current: its status, run and last sequence number. */
export type ClassVersion = {
	status: LoadedClass['status'];
	epoch: number;
	lastSeq: number;
	roomId: string;
	name: string;
	startsAt: Date;
};

/** One indexed read (class_commands_seq_unique): the class's version in the database now. */
export async function classVersion(db: Database, sessionId: string): Promise<ClassVersion | null> {
	const [row] = await db
		.select({
			status: classSessions.status,
			epoch: classSessions.logEpoch,
			roomId: classSessions.roomId,
			name: classSessions.name,
			startsAt: classSessions.startsAt,
			lastSeq: sql<number>`coalesce(max(${classCommands.seq}), 0)`.mapWith(Number)
		})
		.from(classSessions)
		.leftJoin(
			classCommands,
			and(
				eq(classCommands.sessionId, classSessions.id),
				eq(classCommands.epoch, classSessions.logEpoch)
			)
		)
		.where(eq(classSessions.id, sessionId))
		.groupBy(classSessions.id);
	return row ?? null;
}

export function lastSeq(live: LoadedClass): number {
	return live.log.at(-1)?.seq ?? 0;
}

/** The whole class: its session row and every command of every run (for retried ids). */
export async function loadClass(db: Database, sessionId: string): Promise<LoadedClass | null> {
	const [session] = await db.select().from(classSessions).where(eq(classSessions.id, sessionId));
	if (!session) return null;
	const rows = await commandRows(db, sessionId);
	// Only the current run drives the class; a reopened run's commands are history.
	const current = rows.filter((row) => row.epoch === session.logEpoch);
	return {
		sessionId,
		clinicId: session.clinicId,
		roomId: session.roomId,
		name: session.name,
		type: session.type,
		status: session.status,
		routineVersionId: session.routineVersionId,
		startsAt: session.startsAt,
		epoch: session.logEpoch,
		plan:
			session.plan &&
			frozenPlan(
				storedPlan(session.plan, {
					table: 'class_sessions',
					id: sessionId,
					version: session.planVersion
				})
			),
		log: current.map((row) => row.entry),
		// Every run's ids: an old command sent again is answered, never stored twice.
		seqByClientId: new Map(rows.map((row) => [row.clientCommandId, row.seq]))
	};
}

/** The current run's commands after `afterSeq`: what another process appended since. */
export async function commandsAfter(db: Database, live: LoadedClass, afterSeq: number) {
	return commandRows(db, live.sessionId, live.epoch, afterSeq);
}

/**
 * Adds commands to the cached log in sequence order. Idempotent: a command already there (a
 * concurrent refresh read it first) is skipped, so the log never holds a gap or a repeat.
 */
export function appendInOrder(
	live: LoadedClass,
	rows: { seq: number; clientCommandId: string; entry: StaffLogEntry }[]
): void {
	for (const row of rows) {
		if (row.seq !== lastSeq(live) + 1) continue;
		live.log.push(row.entry);
		live.seqByClientId.set(row.clientCommandId, row.seq);
	}
}

async function commandRows(db: Database, sessionId: string, epoch?: number, afterSeq = 0) {
	const rows = await db
		.select({
			epoch: classCommands.epoch,
			seq: classCommands.seq,
			at: classCommands.at,
			id: classCommands.id,
			command: classCommands.command,
			commandVersion: classCommands.commandVersion,
			userName: users.name,
			displayName: displays.name,
			clientCommandId: classCommands.clientCommandId
		})
		.from(classCommands)
		// Exactly one of the two is set: a staff member's command, or a display's clicker.
		.leftJoin(users, eq(users.id, classCommands.userId))
		.leftJoin(displays, eq(displays.id, classCommands.displayId))
		.where(
			and(
				eq(classCommands.sessionId, sessionId),
				gt(classCommands.seq, afterSeq),
				epoch === undefined ? undefined : eq(classCommands.epoch, epoch)
			)
		)
		.orderBy(asc(classCommands.epoch), asc(classCommands.seq));
	return rows.map((row) => ({ ...row, entry: toEntry(row) }));
}

function toEntry(row: {
	id: string;
	seq: number;
	at: Date;
	command: unknown;
	commandVersion: number;
	userName: string | null;
	displayName: string | null;
}): StaffLogEntry {
	return {
		seq: row.seq,
		at: row.at.getTime(),
		command: storedCommand(row.command, {
			table: 'class_commands',
			id: row.id,
			version: row.commandVersion
		}),
		by: row.userName ?? displayActor(row.displayName ?? '')
	};
}
