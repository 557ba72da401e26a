import { createContext } from 'svelte';
import type { Socket } from 'socket.io-client';
import type { AckResult, StaffAcks } from '../shared/events';
import {
	dismissRefused,
	putRecord,
	unsettledRecords,
	waitingRecords,
	type OutboxRecord
} from './outbox';
import { ask, createSocket, refusalCode } from './socket';
import { refusalProblem } from './entry-problem';

const RETRY_MS = 3000;
const ACK_TIMEOUT_MS = 6000;
/** Nothing left to send for this long: the sender's socket closes (the next entry reopens it). */
const IDLE_CLOSE_MS = 60_000;
/** An entry joins the unsent list once it has waited this long, so a normal tap never flashes it. */
const SHOW_AFTER_MS = 2000;
const SIGNED_OUT_RETRY_MS = 30_000;
/** One tab sends at a time: IndexedDB is shared by every tab of the app on this phone. */
const SEND_LOCK = 'steady-outbox-send';
const CHANNEL = 'steady-outbox';

/**
 * The one sender of this tab's outbox, for the signed-in user, on every signed-in page: entries
 * of any class leave oldest first, one at a time, each marked synced only on the server's
 * acknowledgement (sent after its commit) and refused only on a refusal that is not passing.
 * No answer means the link is gone: stop, reconnect, try again later with the same id (the
 * server keeps the first copy). A class page records entries; this sends them, so a tab never
 * sends from two places, and leaving the class page does not strand what it recorded.
 */
export class OutboxSender {
	/** This user's entries still waiting on this phone, oldest first. */
	waiting = $state.raw<OutboxRecord[]>([]);
	/** This user's refused entries nobody has dismissed yet. */
	refused = $state.raw<OutboxRecord[]>([]);
	online = $state(false);
	/** The server refused the connection: the session is over, sign in again to send. */
	signedOut = $state(false);
	#checkedAt = $state(0);

	readonly #userId: string;
	#socket: Socket | null = null;
	#timer: ReturnType<typeof setInterval> | undefined;
	#channel: BroadcastChannel | null = null;
	readonly #cleanups: (() => void)[] = [];
	// Plain on purpose: who listens is not something to render.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly #listeners = new Set<(record: OutboxRecord) => void>();
	#running = false;
	#again = false;
	#lastWork = 0;
	#lastAttempt = 0;
	readonly #stopped = new AbortController();

	constructor(userId: string) {
		this.#userId = userId;
	}

	/** The waiting entries worth telling about: fresh ones are normally sent within a second. */
	get unsent(): OutboxRecord[] {
		return this.waiting.filter(
			(r) => this.#checkedAt - (r.savedAt ?? r.entry.recordedAt) >= SHOW_AFTER_MS
		);
	}

	/** Browser only (the socket needs the page's address). */
	start(): void {
		const socket = createSocket('/');
		this.#socket = socket;
		socket.on('connect', () => {
			this.online = true;
			this.signedOut = false;
			void this.send();
		});
		socket.on('disconnect', () => (this.online = false));
		// A refused connection (server starting, session over) is retried by the tick, not by
		// socket.io, which gives up after a refusal.
		socket.on('connect_error', (error) => {
			this.online = false;
			if (refusalCode(error) === 'unauthenticated') this.signedOut = true;
		});
		// Another tab settled entries: its class pages learn it here too.
		if (typeof BroadcastChannel !== 'undefined') {
			this.#channel = new BroadcastChannel(CHANNEL);
			this.#channel.onmessage = (event: MessageEvent<OutboxRecord>) => {
				if (event.data.userId !== this.#userId) return;
				this.#tell(event.data);
				void this.#load();
			};
		}
		const onOnline = () => void this.send();
		window.addEventListener('online', onOnline);
		this.#cleanups.push(() => window.removeEventListener('online', onOnline));
		// Now and then: covers answers lost while the socket still looked connected, passing
		// refusals, and entries another tab left.
		this.#timer = setInterval(() => void this.#tick(), RETRY_MS);
		void this.send();
	}

	stop(): void {
		this.#stopped.abort();
		clearInterval(this.#timer);
		for (const cleanup of this.#cleanups) cleanup();
		this.#channel?.close();
		this.#socket?.removeAllListeners();
		this.#socket?.disconnect();
		this.#listeners.clear();
	}

	/** Told of every entry settled by this tab or another: a class page merges its own. */
	onSettled(listener: (record: OutboxRecord) => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/** Takes a refused entry off the list once the technician has seen it. */
	async dismiss(entryId: string): Promise<void> {
		await dismissRefused(entryId);
		await this.#load();
	}

	/** Sends what is waiting now; a call while sending makes the round go again. */
	async send(): Promise<void> {
		this.#lastWork = Date.now();
		this.#again = true;
		if (this.#running || !this.#socket) return;
		this.#running = true;
		try {
			while (this.#again && !this.#stopped.signal.aborted) {
				this.#again = false;
				await this.#load();
				if (this.waiting.length === 0) break;
				if (!this.#socket.connected) {
					this.#connect();
					break; // the connect event sends
				}
				await this.#oneTabAtATime(() => this.#sendWaiting());
			}
		} catch {
			// IndexedDB failed (storage blocked): the next tick tries again.
		} finally {
			this.#running = false;
		}
		await this.#load().catch(() => undefined);
	}

	async #sendWaiting(): Promise<void> {
		const socket = this.#socket!;
		for (const waiting of await waitingRecords(this.#userId)) {
			if (this.#stopped.signal.aborted || !socket.connected) return;
			const answer = await ask<AckResult<StaffAcks['entry:record']>>(
				socket,
				'entry:record',
				waiting.entry,
				ACK_TIMEOUT_MS
			);
			this.#lastWork = Date.now();
			if (!answer) {
				// A link that swallows answers while looking connected: start a fresh one now
				// rather than wait up to 45 s for socket.io's heartbeat to notice.
				if (socket.connected) socket.disconnect().connect();
				return;
			}
			if (!answer.ok && answer.retry) continue;
			const record: OutboxRecord = answer.ok
				? {
						...waiting,
						state: 'synced',
						findings: answer.findings,
						at: answer.at ?? waiting.at,
						settledAt: Date.now()
					}
				: {
						...waiting,
						state: 'refused',
						problem: refusalProblem(answer),
						settledAt: Date.now()
					};
			// Relaxed: lost in a crash, the entry is only sent again (see putRecord).
			await putRecord(record, 'relaxed');
			this.#tell(record);
			this.#channel?.postMessage(JSON.parse(JSON.stringify(record)));
		}
	}

	/**
	 * Web Locks keep a second tab from sending the same entries at the same moment. They exist
	 * only on https and localhost: on a plain-http clinic LAN each tab sends, and the server,
	 * which keeps the first copy of an id, makes the extra sends harmless.
	 */
	async #oneTabAtATime(run: () => Promise<void>): Promise<void> {
		const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
		if (!locks) return run();
		try {
			await locks.request(SEND_LOCK, { signal: this.#stopped.signal }, run);
		} catch (error) {
			if (!this.#stopped.signal.aborted) throw error;
		}
	}

	async #tick(): Promise<void> {
		const socket = this.#socket;
		if (!socket) return;
		if (this.waiting.length === 0 && socket.connected) {
			await this.#load().catch(() => undefined);
			if (this.waiting.length === 0 && Date.now() - this.#lastWork > IDLE_CLOSE_MS) {
				socket.disconnect();
			}
			return;
		}
		await this.send();
	}

	#connect(): void {
		const socket = this.#socket;
		if (!socket || socket.active) return; // connecting already, or socket.io is retrying
		// Signed out: try now and then only (signing in again in another tab makes it work).
		if (this.signedOut && Date.now() - this.#lastAttempt < SIGNED_OUT_RETRY_MS) return;
		this.#lastAttempt = Date.now();
		socket.connect();
	}

	async #load(): Promise<void> {
		const mine = await unsettledRecords(this.#userId);
		this.waiting = mine.filter((r) => r.state === 'saved');
		this.refused = mine.filter((r) => r.state === 'refused');
		this.#checkedAt = Date.now();
	}

	#tell(record: OutboxRecord): void {
		for (const listener of this.#listeners) listener(record);
	}
}

/** The layout's sender, for the pages under it (a getter: the layout makes a new one per user). */
export const [outboxSender, setOutboxSender] = createContext<() => OutboxSender>();
