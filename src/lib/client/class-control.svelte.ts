import type { Socket } from 'socket.io-client';
import type { StaffAcks, StaffClientEvents, StaffServerEvents } from '../shared/events';
import type { ControlSnapshot, Presence, StaffLogEntry } from '../shared/live';
import type { Command } from '../shared/timeline';
import type { ClockSync } from './clock-sync';
import { mergeEntries, receiveEntry } from './live-log';
import { askerFor, closeLink, followConnection, type Asker } from './live-link';
import { clockOver, createSocket, retryAfterRefusal } from './socket';
import { randomId } from './uuid';
import { isRefusalCode, type RefusalParams } from '../shared/refusals';
import type { Problem } from '../i18n/problem';

type StaffSocket = Socket<StaffServerEvents, StaffClientEvents>;

/** A refusal as a problem the page words: its catalog message, or a plain "refused" for a code from a newer server. */
export function refusalProblem(reason: { code: string; params?: RefusalParams }): Problem {
	return isRefusalCode(reason.code)
		? { code: `refusal.${reason.code}`, ...(reason.params ? { params: reason.params } : {}) }
		: { code: 'refusal.unknown-code', params: { code: reason.code } };
}

/**
 * A phone's remote control for one class: the same plan, log and corrected clock as the display,
 * plus who else is connected. Commands carry an id the server recognises on a retry.
 */
export class ClassControl {
	online = $state(false);
	snapshot = $state<ControlSnapshot | null>(null);
	presence = $state<Presence | null>(null);
	version = $state(0);
	/** The last refusal or failure, as a code the page words for the technician. */
	problem = $state<Problem | null>(null);
	busy = $state(false);
	/** The server ended this phone's session: the page offers to sign in again. */
	signedOut = $state(false);
	readonly clock: ClockSync;
	readonly #socket: StaffSocket;
	readonly #ask: Asker<StaffClientEvents, StaffAcks>;
	readonly #sessionId: string;
	#clientSeq = 0;
	#cleanups: (() => void)[] = [];

	constructor(sessionId: string) {
		this.#sessionId = sessionId;
		this.#socket = createSocket<StaffServerEvents, StaffClientEvents>('/') as StaffSocket;
		this.clock = clockOver(this.socket);
		this.#ask = askerFor(this.socket);
	}

	/** The class's socket, shared with the clipboard (entries travel on the same connection). */
	get socket(): Socket {
		return this.#socket as unknown as Socket;
	}

	start(): void {
		const socket = this.#socket;
		followConnection(this.socket, this, {
			connected: () => void this.#join(),
			refused: (code) => {
				if (code !== 'unauthenticated') return;
				this.signedOut = true;
				this.problem = { code: 'controller.problem.signed-out' };
			}
		});
		socket.on('class:applied', ({ sessionId, entry }) => {
			if (sessionId === this.#sessionId) this.#receive(entry);
		});
		socket.on('class:changed', ({ sessionId }) => {
			if (sessionId === this.#sessionId) void this.#join();
		});
		socket.on('session:ended', () => {
			this.signedOut = true;
			this.problem = { code: 'controller.problem.signed-out' };
		});
		socket.on('class:presence', (presence) => {
			if (presence.sessionId !== this.#sessionId) return;
			this.presence = presence;
			this.#learnNewDisplays(presence.displayIds ?? []);
		});
		this.#cleanups.push(retryAfterRefusal(socket as unknown as Socket));
		this.#cleanups.push(this.#watchLink());
		socket.connect();
	}

	/**
	 * socket.io's heartbeat takes up to 45 s to notice a dead link; at the pool a technician must
	 * know within seconds. A ping every 4 s that gets no answer in 3 s marks the phone offline
	 * and starts reconnecting.
	 */
	#watchLink(): () => void {
		let checking = false;
		const timer = setInterval(async () => {
			if (checking || !this.#socket.connected) return;
			checking = true;
			const pong = await this.#ask('clock:ping', { t0: Date.now() }, 3000);
			checking = false;
			if (!pong && this.#socket.connected) {
				this.online = false;
				this.#socket.disconnect().connect();
			}
		}, 4000);
		return () => clearInterval(timer);
	}

	stop(): void {
		closeLink(this.socket, this.clock, this.#cleanups);
	}

	/**
	 * Sends a command and waits for the server. An unanswered command is sent again with the
	 * same id and number once the link is back, so it is applied once even if only its answer
	 * was lost (pressing "+30 s" again could otherwise add a minute).
	 */
	async send(command: Command): Promise<boolean> {
		if (!this.online) {
			this.problem = { code: 'controller.problem.not-sent' };
			return false;
		}
		this.busy = true;
		this.problem = null;
		const payload = {
			sessionId: this.#sessionId,
			clientCommandId: randomId(),
			clientSeq: ++this.#clientSeq,
			command
		};
		let result = await this.#ask('class:command', payload);
		for (let retry = 0; !result && retry < 2; retry++) {
			if (!(await this.#connected(8000))) break;
			// A new socket numbers from scratch; the id alone makes the retry safe.
			result = await this.#ask('class:command', { ...payload, clientSeq: ++this.#clientSeq });
		}
		this.busy = false;
		if (!result) {
			this.problem = { code: 'controller.problem.no-answer' };
			return false;
		}
		if (!result.ok) {
			this.problem = refusalProblem(result);
			return false;
		}
		// The broadcast normally arrives first; if not, fetch what is missing.
		const live = this.snapshot?.live;
		if (live && (live.log.at(-1)?.seq ?? 0) < result.seq) await this.#fillGap();
		return true;
	}

	#connected(timeoutMs: number): Promise<boolean> {
		if (this.#socket.connected) return Promise.resolve(true);
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.#socket.off('connect', onConnect);
				resolve(false);
			}, timeoutMs);
			const onConnect = () => {
				clearTimeout(timer);
				resolve(true);
			};
			this.#socket.once('connect', onConnect);
		});
	}

	async setDisplay(displayId: string, settings: { volume?: number; muted?: boolean }) {
		const result = await this.#ask('display:settings', { displayId, ...settings });
		if (result && !result.ok) this.problem = refusalProblem(result);
		if (result?.ok) await this.#join();
	}

	async setSpeech(roomId: string, enabled: boolean) {
		const result = await this.#ask('room:speech', { roomId, enabled });
		if (result && !result.ok) this.problem = refusalProblem(result);
		if (result?.ok) await this.#join();
	}

	/** Ids of displays that came online unknown to the snapshot, and were asked about once. */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, nothing renders it
	#askedAbout = new Set<string>();

	/**
	 * A display paired after this page joined is online but missing from the snapshot's list (its
	 * name, sound): join again to learn it, once per display, so the panel never says "no display"
	 * beside a checklist that counts one.
	 */
	#learnNewDisplays(onlineIds: string[]): void {
		const known = this.snapshot?.displays.map((display) => display.id) ?? [];
		const unknown = onlineIds.filter((id) => !known.includes(id) && !this.#askedAbout.has(id));
		if (!this.snapshot || unknown.length === 0) return;
		for (const id of unknown) this.#askedAbout.add(id);
		void this.#join();
	}

	async #join(): Promise<void> {
		const result = await this.#ask('class:join', { sessionId: this.#sessionId });
		if (result?.ok) {
			this.snapshot = result.snapshot;
			this.version++;
		} else if (result) {
			this.problem = refusalProblem(result);
		}
	}

	#receive(entry: StaffLogEntry): void {
		const live = this.snapshot?.live;
		if (!live) return void this.#join();
		const receipt = receiveEntry(live.log, entry);
		if (receipt === 'gap') void this.#fillGap();
		if (receipt === 'appended') this.version++;
	}

	async #fillGap(): Promise<void> {
		const live = this.snapshot?.live;
		if (!live) return;
		const afterSeq = live.log.at(-1)?.seq ?? 0;
		const result = await this.#ask('class:log-since', { sessionId: this.#sessionId, afterSeq });
		if (result?.ok) {
			mergeEntries(live.log, result.entries);
			this.version++;
		}
	}
}
