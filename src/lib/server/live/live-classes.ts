import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Problem } from '../../i18n/problem';
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
import { refuse, refusedFor, type Reason, type Refusal } from '../../shared/refusals';
import { classCommands, classSessionReopenings, classSessions } from '../db/schema';
import { CURRENT } from '../db/stored-json';
import type { StaffUser } from '../auth/session';
import {
	appendInOrder,
	classVersion,
	commandsAfter,
	lastSeq,
	loadClass,
	type LoadedClass
} from './class-store';
import { buildPlan, classLanguage } from './plan';
import { isUniqueViolation, lockRoom } from './room-lock';

export type { LoadedClass } from './class-store';

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

export type CommandResult = { ok: true; seq: number; duplicate: boolean } | Refusal;

export type ReopenResult = { ok: true } | { ok: false; problem: Problem };

/**
 * Checks that belong to a room's rules rather than the timeline (a pool's start checklist, its
 * headcount out): run inside the command's transaction, under the room's lock, so no command
 * from another process can change the answer before the command is stored.
 */
export type CommandGates = {
	beforeStart?(tx: Database, live: LoadedClass): Promise<Reason | null>;
	beforeEnd?(tx: Database, live: LoadedClass): Promise<Reason | null>;
};

const NO_SUCH_CLASS = refuse('class-not-found');
/** The class was moved to another room: its command is tried again under that room's lock. */
const MOVED = Symbol('moved');
/** A unique index refusing a command means a lock was missed: it is tried again, this often. */
const ATTEMPTS = 3;

/**
 * Live classes. PostgreSQL is the serializer: a command runs in one transaction that takes its
 * room's advisory lock, brings the class up to date from the database, checks the timeline and
 * every gate, appends with the next sequence number and commits; only then is it broadcast. Any
 * process can take any command, and two phones pressing at once on two servers are both applied,
 * in one order. What a process holds in memory is a read-through cache: every read first compares
 * it with the database's version (status, run, last seq) and catches up when it is behind.
 */
export class LiveClassService {
	readonly #db: Database;
	readonly #broadcast: LiveBroadcast;
	readonly #cache = new Map<string, Promise<LoadedClass | null>>();
	/** In-process order per room: saves waiting on the database lock for this process's own. */
	readonly #queues = new Map<string, Promise<unknown>>();
	readonly #now: () => number;
	readonly #gates: CommandGates;
	readonly #soleWriter: boolean;
	readonly #onEnded?: (ended: {
		sessionId: string;
		clinicId: string;
		userId: string | null;
	}) => void;

	constructor(
		db: Database,
		broadcast: LiveBroadcast,
		now: () => number = Date.now,
		options: {
			gates?: CommandGates;
			/**
			 * Only this service writes the class logs (the embedded database, which one process
			 * holds): its cache is the truth, and the per-command version reads are skipped.
			 */
			soleWriter?: boolean;
			/**
			 * After an 'end' is committed (and broadcast): the class's notes are drafted from
			 * here, off the live path. Never awaited; its failure is the callee's to log.
			 */
			onEnded?: (ended: { sessionId: string; clinicId: string; userId: string | null }) => void;
		} = {}
	) {
		this.#db = db;
		this.#broadcast = broadcast;
		this.#now = now;
		this.#gates = options.gates ?? {};
		this.#soleWriter = options.soleWriter ?? false;
		this.#onEnded = options.onEnded;
	}

	/**
	 * The class, current with the database, if it belongs to this clinic; null otherwise (never
	 * another clinic's class).
	 */
	async get(sessionId: string, clinicId: string): Promise<LoadedClass | null> {
		const live = await this.#cached(this.#db, sessionId);
		if (!live || live.clinicId !== clinicId) return null;
		return this.#refresh(this.#db, live);
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
		// The cached class names the room to lock; it is brought up to date under the lock.
		const found = await this.#cached(this.#db, input.sessionId);
		if (!found || found.clinicId !== clinicId) return NO_SUCH_CLASS;
		if (input.display && !(DISPLAY_COMMANDS as readonly string[]).includes(input.command.type)) {
			return refuse('display-cannot');
		}
		// One lock per room, not per class: two classes cannot both start in one room.
		return this.#serial(found.roomId, async () => {
			for (let attempt = 1; ; attempt++) {
				try {
					const result = await this.#commandOnce(found, input);
					if (result !== MOVED) return result;
					if (attempt >= ATTEMPTS) return NO_SUCH_CLASS;
				} catch (error) {
					if (attempt >= ATTEMPTS || !isUniqueViolation(error)) throw error;
				}
			}
		});
	}

	async #commandOnce(
		found: LoadedClass,
		input: { command: Command; clientCommandId: string } & CommandActor
	): Promise<CommandResult | typeof MOVED> {
		const afterCommit: (() => void)[] = [];
		const lockedRoom = found.roomId;
		const result = await this.#db.transaction(async (tx): Promise<CommandResult | typeof MOVED> => {
			if (!this.#soleWriter) await lockRoom(tx, lockedRoom);
			const live = await this.#refresh(tx, found);
			if (!live) return NO_SUCH_CLASS;
			// Moved to another room since this process cached it: try again under that room's lock.
			if (live.roomId !== lockedRoom) return MOVED;
			const known = live.seqByClientId.get(input.clientCommandId);
			if (known !== undefined) return { ok: true, seq: known, duplicate: true };
			if (live.status === 'cancelled') return refuse('class-cancelled');
			if (live.status === 'completed') return refuse('class-completed');

			const plan =
				live.plan ??
				(await buildPlan(tx, live.routineVersionId, await classLanguage(tx, live.sessionId)));
			if (plan.blocks.length === 0) return refuse('routine-empty');
			const lastAt = live.log.at(-1)?.at ?? 0;
			// Never let the log run backwards, even if a server's clock is stepped back.
			const at = Math.max(this.#now(), lastAt);
			const check = applicable(plan, live.log, input.command, at);
			if (!check.ok) return refuse(check.code);
			const type = input.command.type;
			// `input.user`: a display never gets here with a start (refused above).
			if (type === 'start' && input.user) {
				// Only around its own time: a class next week cannot be run, and so closed, today.
				const windows = await clinicClassWindows(tx, live.clinicId);
				const refusal = startRefusal(live.startsAt, windows, at);
				if (refusal) return refusedFor(refusal);
				const busy = await this.#otherLiveClassInRoom(tx, live, input.user, afterCommit);
				if (busy) return refuse('room-busy', { className: busy });
			}
			const gate =
				type === 'start'
					? this.#gates.beforeStart
					: type === 'end'
						? this.#gates.beforeEnd
						: undefined;
			const blocked = gate ? await gate(tx, live) : null;
			if (blocked) return refusedFor(blocked);

			const entry: StaffLogEntry = {
				seq: lastSeq(live) + 1,
				at,
				command: input.command,
				by: input.user ? input.user.name : displayActor(input.display.name)
			};
			await this.#append(tx, live, entry, input, plan);
			afterCommit.push(() => this.#applied(live, entry, input.clientCommandId, plan));
			if (type === 'end') afterCommit.push(() => this.#ended(live, input.user?.id ?? null));
			return { ok: true, seq: entry.seq, duplicate: false };
		});
		// Committed: now it may be known.
		for (const step of afterCommit) step();
		return result;
	}

	/** The stored command in this process's cache, then out to phones and displays. */
	#applied(live: LoadedClass, entry: StaffLogEntry, clientCommandId: string, plan: RoutinePlan) {
		appendInOrder(live, [{ seq: entry.seq, clientCommandId, entry }]);
		const type = entry.command.type;
		if (type === 'start') {
			live.plan = plan;
			live.status = 'live';
		}
		if (type === 'end') {
			live.status = 'completed';
			this.#forgetLater(live.sessionId);
		}
		this.#broadcast.command(live, entry);
		if (type === 'start' || type === 'end') this.#broadcast.changed(live);
	}

	/** Start and end also change the session; all of it commits with the command or not at all. */
	async #append(
		tx: Database,
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
		await tx.insert(classCommands).values({ ...row, commandVersion: CURRENT.command });
		const type = input.command.type;
		if (type !== 'start' && type !== 'end') return;
		// Rules are frozen with the plan: a change in Settings applies to classes started later.
		const vitalRules = type === 'start' ? await clinicRules(tx, live.clinicId) : null;
		await tx
			.update(classSessions)
			.set(
				type === 'start'
					? { status: 'live', plan, planVersion: CURRENT.plan, startedAt: row.at, vitalRules }
					: { status: 'completed', endedAt: row.at }
			)
			.where(eq(classSessions.id, live.sessionId));
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
		if (!reason) return { ok: false, problem: { code: 'session-page.reopen-why' } };
		const found = await this.get(input.sessionId, input.user.clinicId);
		if (!found) return { ok: false, problem: { code: 'error.no-such-class' } };
		return this.#serial(found.roomId, async () => {
			const reopened = await this.#db.transaction(async (tx) => {
				await lockRoom(tx, found.roomId);
				const [session] = await tx
					.select({
						status: classSessions.status,
						startedAt: classSessions.startedAt,
						endedAt: classSessions.endedAt,
						epoch: classSessions.logEpoch
					})
					.from(classSessions)
					.where(eq(classSessions.id, found.sessionId))
					.for('update');
				if (!session || (session.status !== 'live' && session.status !== 'completed')) {
					return false;
				}
				await tx.insert(classSessionReopenings).values({
					clinicId: found.clinicId,
					sessionId: found.sessionId,
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
					.where(eq(classSessions.id, found.sessionId));
				return true;
			});
			if (!reopened) return { ok: false, problem: { code: 'session-page.reopen-not-started' } };
			// A new run: an empty log, waiting to start again.
			const reloaded = await loadClass(this.#db, found.sessionId);
			const live = reloaded && Object.assign(found, reloaded);
			// Phones re-join and displays get a new snapshot.
			if (live) this.#broadcast.changed(live);
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

	/** The class as this process last saw it, loaded once; unknown ids are not remembered. */
	async #cached(db: Database, sessionId: string): Promise<LoadedClass | null> {
		let loading = this.#cache.get(sessionId);
		if (!loading) {
			loading = loadClass(db, sessionId);
			this.#cache.set(sessionId, loading);
			// Made-up ids must not fill memory.
			loading.then(
				(live) => live || this.#cache.delete(sessionId),
				() => this.#cache.delete(sessionId)
			);
		}
		return loading;
	}

	/**
	 * Brings a cached class up to the database's version: the commands another process appended
	 * since, or the whole class again when its status or run changed (started, ended, cancelled,
	 * reopened). One indexed read when nothing changed.
	 */
	async #refresh(db: Database, live: LoadedClass): Promise<LoadedClass | null> {
		if (this.#soleWriter) return live;
		const version = await classVersion(db, live.sessionId);
		if (!version) {
			this.#cache.delete(live.sessionId);
			return null;
		}
		live.roomId = version.roomId;
		live.name = version.name;
		live.startsAt = version.startsAt;
		if (version.status !== live.status || version.epoch !== live.epoch) {
			const reloaded = await loadClass(db, live.sessionId);
			if (!reloaded) return null;
			return Object.assign(live, reloaded);
		}
		if (version.lastSeq > lastSeq(live)) {
			appendInOrder(live, await commandsAfter(db, live, lastSeq(live)));
		}
		return live;
	}

	/**
	 * The class still running in this room, if any. One whose routine has run out, or that has run
	 * three times its planned length, is closed here instead of blocking the room.
	 */
	async #otherLiveClassInRoom(
		tx: Database,
		live: LoadedClass,
		user: StaffUser,
		afterCommit: (() => void)[]
	): Promise<string | null> {
		const others = await tx
			.select({ id: classSessions.id, name: classSessions.name })
			.from(classSessions)
			.where(and(eq(classSessions.roomId, live.roomId), eq(classSessions.status, 'live')));
		for (const other of others) {
			if (other.id === live.sessionId) continue;
			const cached = await this.#cached(tx, other.id);
			const loaded = cached && (await this.#refresh(tx, cached));
			if (!loaded?.plan) continue;
			const now = this.#now();
			const state = classState(loaded.plan, loaded.log, now);
			const ranFor = state.startedAt === null ? 0 : now - state.startedAt;
			const stale = ranFor > STALE_FACTOR * plannedTotalMs(loaded.plan);
			if (state.status !== 'finished' && !stale) return other.name;
			await this.#closeStale(tx, loaded, user, afterCommit);
		}
		return null;
	}

	/**
	 * Closes a forgotten class with a real 'end' in its log, by whoever starts the next class in
	 * its room, in the same transaction as that start.
	 */
	async #closeStale(
		tx: Database,
		stale: LoadedClass,
		user: StaffUser,
		afterCommit: (() => void)[]
	): Promise<void> {
		const entry: StaffLogEntry = {
			seq: lastSeq(stale) + 1,
			at: Math.max(this.#now(), stale.log.at(-1)?.at ?? 0),
			command: { type: 'end' },
			by: user.name
		};
		const clientCommandId = randomUUID();
		const input = { user, command: entry.command, clientCommandId };
		await this.#append(tx, stale, entry, input, stale.plan!);
		afterCommit.push(() => this.#applied(stale, entry, clientCommandId, stale.plan!));
		afterCommit.push(() => this.#ended(stale, user.id));
	}

	/** Tells whoever drafts the notes, after the broadcast; a throw there never reaches a phone. */
	#ended(live: LoadedClass, userId: string | null): void {
		try {
			this.#onEnded?.({ sessionId: live.sessionId, clinicId: live.clinicId, userId });
		} catch {
			// The drafts are made again when the review page opens (ensureDrafts).
		}
	}

	/** A finished class stays in memory a while (late log requests), then only in the database. */
	#forgetLater(sessionId: string): void {
		setTimeout(() => this.#cache.delete(sessionId), FORGET_AFTER_MS).unref();
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
