import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { ClassType } from '../../shared/domain';
import type { LiveClassView, StaffLogEntry } from '../../shared/live';
import {
	applicable,
	classState,
	plannedTotalMs,
	type Command,
	type RoutinePlan
} from '../../shared/timeline';
import { clinicClassWindows, startRefusal } from '../settings/class-windows';
import { clinicRules } from '../settings/rules';
import type { Database } from '../db/client';
import { DISPLAY_COMMANDS, displayActor } from '../../shared/displays';
import {
	classCommands,
	classSessionReopenings,
	classSessions,
	displays,
	users
} from '../db/schema';
import type { StaffUser } from '../auth/session';
import { buildPlan, frozenPlan } from './plan';

/** One class as the server holds it: the frozen plan and the command log, in order. */
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

export type LiveBroadcast = {
	/** After commit: every phone in the class and every display in the room hears of it. */
	command(live: LoadedClass, entry: StaffLogEntry): void;
	/** The class started or ended: displays in the room need a new snapshot. */
	changed(live: LoadedClass): void;
};

/**
 * A class left running three times its planned length (nobody pressed "End"; reps exercises
 * wait for "Done" forever) is closed when another starts in its room.
 */
const STALE_FACTOR = 3;
const FORGET_AFTER_MS = 10 * 60_000;

/** A paired display whose clicker or keyboard sent the command (its room allows it). */
export type DisplayActor = { id: string; clinicId: string; name: string };

/**
 * Who gives a command: a signed-in staff member, or a display. The log keeps exactly one of
 * them (class_commands_one_actor), and phones read it as "by".
 */
export type CommandActor =
	{ user: StaffUser; display?: never } | { display: DisplayActor; user?: never };

export type CommandResult =
	{ ok: true; seq: number; duplicate: boolean } | { ok: false; error: string };

export type ReopenResult = { ok: true } | { ok: false; error: string };

/**
 * Live classes: validates commands against the timeline, appends them to the log in one
 * transaction with a unique (class, seq), and only then broadcasts. Commands for one class run
 * one at a time, so two phones pressing at once are both applied, in sequence order.
 */
export class LiveClassService {
	readonly #db: Database;
	readonly #broadcast: LiveBroadcast;
	readonly #loaded = new Map<string, Promise<LoadedClass | null>>();
	readonly #queues = new Map<string, Promise<unknown>>();
	readonly #now: () => number;

	constructor(db: Database, broadcast: LiveBroadcast, now: () => number = Date.now) {
		this.#db = db;
		this.#broadcast = broadcast;
		this.#now = now;
	}

	/** The class if it belongs to this clinic; null otherwise (never another clinic's class). */
	async get(sessionId: string, clinicId: string): Promise<LoadedClass | null> {
		let loading = this.#loaded.get(sessionId);
		if (!loading) {
			loading = this.#load(sessionId);
			this.#loaded.set(sessionId, loading);
			// Unknown ids are not remembered: made-up ids must not fill memory.
			loading.then(
				(live) => live || this.#loaded.delete(sessionId),
				() => this.#loaded.delete(sessionId)
			);
		}
		const live = await loading;
		return live && live.clinicId === clinicId ? live : null;
	}

	/** The sequence number a phone's command got, if it was already applied. */
	async appliedSeq(sessionId: string, clinicId: string, clientCommandId: string) {
		const live = await this.get(sessionId, clinicId);
		return live?.seqByClientId.get(clientCommandId) ?? null;
	}

	async command(
		input: { sessionId: string; command: Command; clientCommandId: string } & CommandActor
	): Promise<CommandResult> {
		const clinicId = input.user ? input.user.clinicId : input.display.clinicId;
		const found = await this.get(input.sessionId, clinicId);
		if (!found) return { ok: false, error: 'No such class in your clinic' };
		if (input.display && !(DISPLAY_COMMANDS as readonly string[]).includes(input.command.type)) {
			return { ok: false, error: 'A display cannot do that' };
		}
		// One queue per room, not per class: two classes cannot both start in one room.
		return this.#serial(found.roomId, async () => {
			const live = found;
			const known = live.seqByClientId.get(input.clientCommandId);
			if (known !== undefined) return { ok: true, seq: known, duplicate: true };
			if (live.status === 'cancelled') return { ok: false, error: 'This class was cancelled' };
			if (live.status === 'completed') return { ok: false, error: 'This class has ended' };

			const plan = live.plan ?? (await buildPlan(this.#db, live.routineVersionId));
			if (plan.blocks.length === 0) return { ok: false, error: 'The routine has no blocks' };
			const lastAt = live.log.at(-1)?.at ?? 0;
			// Never let the log run backwards, even if the server's clock is stepped back.
			const at = Math.max(this.#now(), lastAt);
			const check = applicable(plan, live.log, input.command, at);
			if (!check.ok) return { ok: false, error: check.reason };
			// `input.user`: a display never gets here with a start (refused above).
			if (input.command.type === 'start' && input.user) {
				// Only around its own time: a class next week cannot be run, and so closed, today.
				const windows = await clinicClassWindows(this.#db, live.clinicId);
				const refusal = startRefusal(live.startsAt, windows, at);
				if (refusal) return { ok: false, error: refusal };
				const busy = await this.#otherLiveClassInRoom(live, input.user);
				if (busy) return { ok: false, error: `${busy} is running in this room: end it first` };
			}

			const entry: StaffLogEntry = {
				seq: (live.log.at(-1)?.seq ?? 0) + 1,
				at,
				command: input.command,
				by: input.user ? input.user.name : displayActor(input.display.name)
			};
			await this.#append(live, entry, input, plan);

			// Committed: now it may be known.
			live.log.push(entry);
			live.seqByClientId.set(input.clientCommandId, entry.seq);
			if (input.command.type === 'start') {
				live.plan = plan;
				live.status = 'live';
			}
			if (input.command.type === 'end') {
				live.status = 'completed';
				this.#forgetLater(live.sessionId);
			}
			this.#broadcast.command(live, entry);
			if (input.command.type === 'start' || input.command.type === 'end') {
				this.#broadcast.changed(live);
			}
			return { ok: true, seq: entry.seq, duplicate: false };
		});
	}

	/**
	 * One INSERT is its own transaction; start and end also change the session, so those two
	 * run in an explicit one. Either way it is committed before anyone hears of it.
	 */
	async #append(
		live: LoadedClass,
		entry: StaffLogEntry,
		input: { command: Command; clientCommandId: string } & CommandActor,
		plan: RoutinePlan
	): Promise<void> {
		const row = {
			clinicId: live.clinicId,
			sessionId: live.sessionId,
			epoch: live.epoch,
			seq: entry.seq,
			at: new Date(entry.at),
			command: input.command,
			userId: input.user?.id ?? null,
			displayId: input.display?.id ?? null,
			clientCommandId: input.clientCommandId
		};
		const type = input.command.type;
		if (type !== 'start' && type !== 'end') {
			await this.#db.insert(classCommands).values(row);
			return;
		}
		// Rules are frozen with the plan: a change in Settings applies to classes started later.
		const vitalRules = type === 'start' ? await clinicRules(this.#db, live.clinicId) : null;
		await this.#db.transaction(async (tx) => {
			await tx.insert(classCommands).values(row);
			await tx
				.update(classSessions)
				.set(
					type === 'start'
						? { status: 'live', plan, startedAt: row.at, vitalRules }
						: { status: 'completed', endedAt: row.at }
				)
				.where(eq(classSessions.id, live.sessionId));
		});
	}

	/**
	 * A coordinator puts a class started by mistake back to scheduled, with a written reason kept
	 * in class_session_reopenings. The run's commands stay in class_commands for the record but
	 * no longer drive the class: it moves to a new epoch, whose log starts empty again at seq 1.
	 */
	async reopen(input: {
		sessionId: string;
		user: StaffUser;
		reason: string;
	}): Promise<ReopenResult> {
		const reason = input.reason.trim();
		if (!reason) return { ok: false, error: 'Write why the class is reopened' };
		const found = await this.get(input.sessionId, input.user.clinicId);
		if (!found) return { ok: false, error: 'No such class in your clinic' };
		return this.#serial(found.roomId, async () => {
			const live = found;
			const reopened = await this.#db.transaction(async (tx) => {
				const [session] = await tx
					.select({
						status: classSessions.status,
						startedAt: classSessions.startedAt,
						endedAt: classSessions.endedAt,
						epoch: classSessions.logEpoch
					})
					.from(classSessions)
					.where(eq(classSessions.id, live.sessionId))
					.for('update');
				if (!session || (session.status !== 'live' && session.status !== 'completed')) {
					return false;
				}
				await tx.insert(classSessionReopenings).values({
					clinicId: live.clinicId,
					sessionId: live.sessionId,
					userId: input.user.id,
					reason,
					epoch: session.epoch,
					previousStatus: session.status,
					startedAt: session.startedAt,
					endedAt: session.endedAt
				});
				await tx
					.update(classSessions)
					.set({
						status: 'scheduled',
						plan: null,
						vitalRules: null,
						startedAt: null,
						endedAt: null,
						logEpoch: session.epoch + 1
					})
					.where(eq(classSessions.id, live.sessionId));
				return true;
			});
			if (!reopened) return { ok: false, error: 'Only a class that was started can be reopened' };

			live.status = 'scheduled';
			live.plan = null;
			live.log.length = 0;
			live.epoch++;
			// Phones re-join and displays get a new snapshot: the class is waiting to start again.
			this.#broadcast.changed(live);
			return { ok: true };
		});
	}

	/** For a client that missed a sequence number. */
	async logSince(sessionId: string, clinicId: string, afterSeq: number) {
		const live = await this.get(sessionId, clinicId);
		return live ? live.log.filter((entry) => entry.seq > afterSeq) : null;
	}

	static view<E extends StaffLogEntry | Omit<StaffLogEntry, 'by'>>(
		live: LoadedClass,
		strip: (entry: StaffLogEntry) => E
	): LiveClassView<E> | null {
		if (!live.plan) return null;
		return {
			sessionId: live.sessionId,
			name: live.name,
			type: live.type,
			roomId: live.roomId,
			plan: live.plan,
			log: live.log.map(strip)
		};
	}

	async #load(sessionId: string): Promise<LoadedClass | null> {
		const [session] = await this.#db
			.select()
			.from(classSessions)
			.where(eq(classSessions.id, sessionId));
		if (!session) return null;
		const rows = await this.#db
			.select({
				epoch: classCommands.epoch,
				seq: classCommands.seq,
				at: classCommands.at,
				command: classCommands.command,
				userName: users.name,
				displayName: displays.name,
				clientCommandId: classCommands.clientCommandId
			})
			.from(classCommands)
			// Exactly one of the two is set: a staff member's command, or a display's clicker.
			.leftJoin(users, eq(users.id, classCommands.userId))
			.leftJoin(displays, eq(displays.id, classCommands.displayId))
			.where(and(eq(classCommands.sessionId, sessionId), gt(classCommands.seq, 0)))
			.orderBy(asc(classCommands.epoch), asc(classCommands.seq));
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
			plan: session.plan && frozenPlan(session.plan),
			log: current.map((row) => ({
				seq: row.seq,
				at: row.at.getTime(),
				command: row.command,
				by: row.userName ?? displayActor(row.displayName ?? '')
			})),
			// Every run's ids: an old command sent again is answered, never stored twice.
			seqByClientId: new Map(rows.map((row) => [row.clientCommandId, row.seq]))
		};
	}

	/**
	 * The class still running in this room, if any. One whose routine has run out, or that has run
	 * three times its planned length, is closed here instead of blocking the room.
	 */
	async #otherLiveClassInRoom(live: LoadedClass, user: StaffUser): Promise<string | null> {
		const others = await this.#db
			.select({ id: classSessions.id, name: classSessions.name })
			.from(classSessions)
			.where(and(eq(classSessions.roomId, live.roomId), eq(classSessions.status, 'live')));
		for (const other of others) {
			if (other.id === live.sessionId) continue;
			const loaded = await this.get(other.id, live.clinicId);
			if (!loaded?.plan) continue;
			const now = this.#now();
			const state = classState(loaded.plan, loaded.log, now);
			const ranFor = state.startedAt === null ? 0 : now - state.startedAt;
			const stale = ranFor > STALE_FACTOR * plannedTotalMs(loaded.plan);
			if (state.status !== 'finished' && !stale) return other.name;
			await this.#closeStale(loaded, user);
		}
		return null;
	}

	/**
	 * Closes a forgotten class with a real 'end' in its log, by whoever starts the next class in
	 * its room. Runs inside the room's queue, like any command for that room.
	 */
	async #closeStale(stale: LoadedClass, user: StaffUser): Promise<void> {
		const entry: StaffLogEntry = {
			seq: (stale.log.at(-1)?.seq ?? 0) + 1,
			at: Math.max(this.#now(), stale.log.at(-1)?.at ?? 0),
			command: { type: 'end' },
			by: user.name
		};
		const clientCommandId = randomUUID();
		await this.#append(
			stale,
			entry,
			{ user, command: entry.command, clientCommandId },
			stale.plan!
		);
		stale.log.push(entry);
		stale.seqByClientId.set(clientCommandId, entry.seq);
		stale.status = 'completed';
		this.#forgetLater(stale.sessionId);
		this.#broadcast.command(stale, entry);
		this.#broadcast.changed(stale);
	}

	/** A finished class stays in memory a while (late log requests), then only in the database. */
	#forgetLater(sessionId: string): void {
		setTimeout(() => this.#loaded.delete(sessionId), FORGET_AFTER_MS).unref();
	}

	#serial<T>(key: string, task: () => Promise<T>): Promise<T> {
		const previous = this.#queues.get(key) ?? Promise.resolve();
		const result = previous.then(task, task);
		const settled = result.catch(() => undefined);
		this.#queues.set(key, settled);
		void settled.then(() => {
			if (this.#queues.get(key) === settled) this.#queues.delete(key);
		});
		return result;
	}
}
