import { SESSION_IDLE_MS, validateSession, type ValidSession } from '../auth/session';
import type { App } from '../app';
import { endStaffSocket } from './disconnect';
import type { StaffSocket } from './io-types';

/**
 * `cacheMs`: how long an event may trust the socket's last look at the session. `everyMs`: how
 * often a timer looks again even when the socket is silent; it also looks the moment the session
 * is due to end. A minute each in production; tests shorten them.
 */
export const sessionChecks = { cacheMs: 60_000, everyMs: 60_000 };

/**
 * Keeps a staff socket honest about its session: every event is checked against it (from a
 * cache at most `everyMs` old), a timer looks again every `everyMs` and at the session's expiry,
 * and a session that ended (signed out, idle, 12 hours old, account disabled) cuts the socket.
 *
 * What counts as use (moves the 30-minute idle clock on): any event a person causes (a command,
 * an entry, joining a class, a search), and the phone's clock pings only while it is in a live
 * class, where a technician watching without pressing anything must keep their Stop button. A
 * page left open with no live class does not keep a session alive.
 */
export class StaffSessionGuard {
	readonly #app: App;
	readonly #socket: StaffSocket;
	#session: ValidSession;
	#checkedAt = Date.now();
	#touchedAt = Date.now();
	#checking: Promise<void> | null = null;
	#timer: ReturnType<typeof setTimeout> | undefined;

	constructor(app: App, socket: StaffSocket) {
		this.#app = app;
		this.#socket = socket;
		this.#session = socket.data.session;
		this.#schedule();
		socket.on('disconnect', () => clearTimeout(this.#timer));
	}

	get #ended(): boolean {
		return Boolean(this.#socket.data.ended);
	}

	/** When the session ends unless someone uses it meanwhile. */
	#deadline(): number {
		return Math.min(
			this.#session.expiresAt.getTime(),
			this.#session.lastSeenAt.getTime() + SESSION_IDLE_MS
		);
	}

	/** False when the session has ended; the socket is then already on its way out. */
	async allows(event: string): Promise<boolean> {
		if (this.#ended) return false;
		const now = Date.now();
		const stale = now - this.#checkedAt >= sessionChecks.cacheMs || now >= this.#deadline();
		const touch = now - this.#touchedAt >= sessionChecks.cacheMs && (await this.#isUse(event));
		if (stale || touch) await this.#check(touch);
		return !this.#ended;
	}

	async #isUse(event: string): Promise<boolean> {
		if (event !== 'clock:ping') return true;
		const { clinicId } = this.#socket.data.user;
		for (const room of this.#socket.rooms) {
			if (!room.startsWith('class:')) continue;
			const live = await this.#app.live.get(room.slice('class:'.length), clinicId);
			if (live?.status === 'live') return true;
		}
		return false;
	}

	#check(touch: boolean): Promise<void> {
		// Events arriving together share one look at the database.
		this.#checking ??= this.#look(touch).finally(() => (this.#checking = null));
		return this.#checking;
	}

	async #look(touch: boolean): Promise<void> {
		const { sessionToken } = this.#socket.data;
		let session: ValidSession | null;
		try {
			session = await validateSession(this.#app.db, sessionToken, new Date(), { touch });
		} catch (error) {
			// A database hiccup is not a sign-out: keep the socket, look again soon.
			this.#app.log.warn({ err: error }, 'socket session check failed');
			this.#schedule();
			return;
		}
		const now = Date.now();
		this.#checkedAt = now;
		if (touch) this.#touchedAt = now;
		if (!session) {
			clearTimeout(this.#timer);
			endStaffSocket(this.#socket, 'expired');
			return;
		}
		this.#session = session;
		this.#socket.data.session = session;
		this.#schedule();
	}

	#schedule(): void {
		clearTimeout(this.#timer);
		if (this.#ended) return;
		const untilDeadline = this.#deadline() - Date.now() + 5;
		const delay = Math.max(0, Math.min(sessionChecks.everyMs, untilDeadline));
		this.#timer = setTimeout(() => void this.#check(false), delay);
		this.#timer.unref?.();
	}
}
